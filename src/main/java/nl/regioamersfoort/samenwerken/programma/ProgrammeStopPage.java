package nl.regioamersfoort.samenwerken.programma;

import java.nio.charset.StandardCharsets;
import nl.regioamersfoort.samenwerken.platform.form.InvalidInputException;
import nl.regioamersfoort.samenwerken.platform.web.ApiRefusal;
import nl.regioamersfoort.samenwerken.platform.web.PageAnswers;
import nl.regioamersfoort.samenwerken.security.Roles;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * Beheer stops a running programme outside the BOSD's feedback moment, with the reason the programme
 * then shows: the rules of {@code POST /api/programmas/{id}/stoppen}, behind a page that says what
 * stopping does before anyone confirms it.
 */
@Controller
@RequestMapping("/dashboard/programma/{id}/stoppen")
class ProgrammeStopPage {

    private static final String NOT_YOURS = "U heeft geen toegang tot deze functie: alleen beheer stopt een programma."
            + " Na de verkiezingen kiest het BOSD de koers.";

    private final Programmes programmes;
    private final ProgrammeStop programmeStop;

    ProgrammeStopPage(Programmes programmes, ProgrammeStop programmeStop) {
        this.programmes = programmes;
        this.programmeStop = programmeStop;
    }

    @GetMapping
    ModelAndView show(@PathVariable String id, Authentication caller) {
        if (!PageAnswers.hasRole(caller, Roles.BEHEER)) {
            return PageAnswers.refused(HttpStatus.FORBIDDEN, NOT_YOURS);
        }
        try {
            Programme programme = programmes.get(id);
            return new ModelAndView("programma/stoppen").addObject("programme", programme)
                    .addObject("running", programme.getStatus() == ProgrammeStatus.LOPEND);
        } catch (ProgrammeNotFoundException unknown) {
            return PageAnswers.refused(HttpStatus.NOT_FOUND, unknown.getMessage());
        }
    }

    @PostMapping
    String stop(@PathVariable String id, @RequestParam(defaultValue = "") String reden, Authentication caller, RedirectAttributes page) {
        if (!PageAnswers.hasRole(caller, Roles.BEHEER)) {
            page.addFlashAttribute("fout", NOT_YOURS);
        } else {
            try {
                programmeStop.byAdministrator(id, reden, caller.getName());
                page.addFlashAttribute("melding", "Het programma is gestopt. Open taken zijn vervallen; het dashboard toont de reden.");
            } catch (InvalidInputException | ApiRefusal refused) {
                page.addFlashAttribute("fout", refused.getMessage());
                page.addFlashAttribute("reden", reden);
            }
        }
        return "redirect:/dashboard/programma/" + UriUtils.encodePathSegment(id, StandardCharsets.UTF_8) + "/stoppen";
    }
}
