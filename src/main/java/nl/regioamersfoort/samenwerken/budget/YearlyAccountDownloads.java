package nl.regioamersfoort.samenwerken.budget;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The yearly account as the browser downloads it, in the person's session: the API's documents sit
 * behind HTTP Basic, which a link on a page cannot use. Who may: projectleider and beheer (security configuration).
 */
@Controller
@RequestMapping("/dashboard/programma/{id}/verantwoording")
class YearlyAccountDownloads {

    private final YearlyAccounts yearlyAccounts;
    private final YearlyAccountDocuments documents;

    YearlyAccountDownloads(YearlyAccounts yearlyAccounts, YearlyAccountDocuments documents) {
        this.yearlyAccounts = yearlyAccounts;
        this.documents = documents;
    }

    @GetMapping("/{jaar}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String id, @PathVariable int jaar) {
        return BudgetController.download(documents.pdf(yearlyAccounts.of(id, jaar)), MediaType.APPLICATION_PDF_VALUE,
                "verantwoording-" + id + "-" + jaar + ".pdf");
    }

    @GetMapping("/{jaar}.csv")
    ResponseEntity<byte[]> csv(@PathVariable String id, @PathVariable int jaar) {
        return BudgetController.download(documents.csv(yearlyAccounts.of(id, jaar)), "text/csv; charset=UTF-8",
                "verantwoording-" + id + "-" + jaar + ".csv");
    }
}
