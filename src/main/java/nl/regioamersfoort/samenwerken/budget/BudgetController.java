package nl.regioamersfoort.samenwerken.budget;

import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Activity money requests, adviser hours and the yearly account of a programme. */
@RestController
@RequestMapping("/api/programmas/{id}")
class BudgetController {

    private final ActivityMoney activityMoney;
    private final AdviserHours adviserHours;
    private final YearlyAccounts yearlyAccounts;
    private final YearlyAccountDocuments documents;
    private final ActivityMoneyApplications applications;

    BudgetController(ActivityMoney activityMoney, AdviserHours adviserHours, YearlyAccounts yearlyAccounts,
            YearlyAccountDocuments documents, ActivityMoneyApplications applications) {
        this.activityMoney = activityMoney;
        this.adviserHours = adviserHours;
        this.yearlyAccounts = yearlyAccounts;
        this.documents = documents;
        this.applications = applications;
    }

    /** A beleidsambtenaar (of that municipality) or the projectleider asks for activity money. */
    @PostMapping("/activiteitengeld")
    ResponseEntity<Map<String, Object>> request(@PathVariable String id, @RequestBody Aanvraag body, Authentication caller) {
        if (!ActivityMoneyApplications.mayApply(caller, body.gemeente())) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN)
                    .body(Map.of("melding", "Alleen een beleidsambtenaar van deze gemeente of de projectleider vraagt activiteitengeld aan."));
        }
        ActivityMoneyApplications.Started started = applications.apply(id, body.gemeente(), body.activiteit(), body.bedrag(),
                body.doelgroepen(), body.zichtbaarheid(), body.lokaleActiviteitId());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("aanvraagId", started.requestId(), "processInstanceId",
                started.processInstanceId()));
    }

    /** The adviser books hours for a municipality, or for regional work without one. */
    @PostMapping("/uren")
    ResponseEntity<Map<String, Object>> hours(@PathVariable String id, @RequestBody Uren body, Principal caller, Authentication auth) {
        if (!hasGroup(auth, "adviseur")) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("melding", "Alleen de adviseur boekt uren."));
        }
        AdviserHours.Outcome outcome = adviserHours.book(id, body.gemeente(), body.uren(), body.datum(), body.omschrijving(), caller.getName());
        if (outcome.entry() == null) {
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of(
                    "melding", "Met deze uren gaat de adviseur boven het jaarplafond. De projectleider beoordeelt de boeking eerst.",
                    "processInstanceId", outcome.approvalProcessInstanceId()));
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("boekingId", outcome.entry().getId()));
    }

    /** The projectleider books money of a grant that was not spent back into the municipality's budget. */
    @PostMapping("/terugbetalingen")
    ResponseEntity<Map<String, Object>> refund(@PathVariable String id, @RequestBody Terugbetaling body, Principal caller, Authentication auth) {
        if (!hasGroup(auth, "projectleider")) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("melding", "Alleen de projectleider boekt terugbetalingen."));
        }
        LedgerEntry entry = activityMoney.refund(id, body.aanvraagId(), body.bedrag(), body.reden(), caller.getName());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("boekingId", entry.getId()));
    }

    @GetMapping(value = "/verantwoording/{jaar}.csv")
    ResponseEntity<byte[]> csv(@PathVariable String id, @PathVariable int jaar) {
        return download(documents.csv(yearlyAccounts.of(id, jaar)), "text/csv; charset=UTF-8", "verantwoording-" + id + "-" + jaar + ".csv");
    }

    @GetMapping(value = "/verantwoording/{jaar}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String id, @PathVariable int jaar) {
        return download(documents.pdf(yearlyAccounts.of(id, jaar)), MediaType.APPLICATION_PDF_VALUE, "verantwoording-" + id + "-" + jaar + ".pdf");
    }

    static ResponseEntity<byte[]> download(byte[] content, String type, String fileName) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .body(content);
    }

    private static boolean hasGroup(Authentication caller, String group) {
        return caller.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(group));
    }

    record Aanvraag(String gemeente, String activiteit, Object bedrag, List<String> doelgroepen, String zichtbaarheid, Long lokaleActiviteitId) {
    }

    record Terugbetaling(Long aanvraagId, Object bedrag, String reden) {
    }

    record Uren(String gemeente, Object uren, LocalDate datum, String omschrijving) {
    }
}
