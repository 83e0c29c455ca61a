package nl.regioamersfoort.samenwerken.traject;

import nl.regioamersfoort.samenwerken.platform.form.InvalidInputException;
import nl.regioamersfoort.samenwerken.platform.web.ApiRefusal;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The form on a track's case file with which its beleidsambtenaar proposes a new activity or
 * conversation during execution: the same rules and Dutch messages as the API, shown on the page.
 */
@Controller
class ActivityProposalPage {

    private final LocalActivities activities;

    ActivityProposalPage(LocalActivities activities) {
        this.activities = activities;
    }

    @PostMapping("/dashboard/traject/{trackId}/activiteiten")
    String propose(@PathVariable String trackId, @RequestParam(required = false) String titel, @RequestParam(required = false) String partners,
            Authentication caller, RedirectAttributes page) {
        try {
            activities.propose(trackId, titel == null ? "" : titel, partners == null || partners.isBlank() ? null : partners, caller);
            page.addFlashAttribute("melding", "De activiteit '" + titel.strip() + "' is voorgesteld. De wethouder besluit eerst (R-01);"
                    + " daarna verschijnt zij in de takenlijst om uit te voeren.");
        } catch (InvalidInputException | ApiRefusal refused) {
            page.addFlashAttribute("fout", refused.getMessage());
            page.addFlashAttribute("titel", titel);
            page.addFlashAttribute("partners", partners);
        }
        return "redirect:/dashboard/traject/" + UriUtils.encodePathSegment(trackId, java.nio.charset.StandardCharsets.UTF_8) + "#activiteiten";
    }
}
