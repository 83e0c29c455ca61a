package nl.regioamersfoort.samenwerken.programma;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import nl.regioamersfoort.samenwerken.gemeente.Municipalities;
import nl.regioamersfoort.samenwerken.gemeente.Municipality;
import nl.regioamersfoort.samenwerken.platform.form.InvalidInputException;
import nl.regioamersfoort.samenwerken.platform.text.Dutch;
import nl.regioamersfoort.samenwerken.platform.web.ApiRefusal;
import nl.regioamersfoort.samenwerken.platform.web.PageAnswers;
import nl.regioamersfoort.samenwerken.security.Roles;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
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
 * A new portefeuillehouder in the browser: beheer (or the projectleider) hands a municipality's open
 * wethouder tasks to the person beheer made its wethouder, with the trail of earlier hand-overs in
 * view. The same rules and Dutch messages as {@code POST /api/programmas/{id}/portefeuillehouderwissel}.
 */
@Controller
@RequestMapping("/dashboard/programma/{id}/portefeuillehouder")
class PortfolioHandOverPage {

    private static final String NOT_YOURS = "Alleen de projectleider of beheer draagt de taken van een wethouder over.";

    record Choice(String value, String label) {
    }

    record Line(String at, String municipality, String previous, String next, String requestedBy, String tasks) {
    }

    private final PortfolioHandOvers handOvers;
    private final Programmes programmes;
    private final Municipalities municipalities;
    private final IdentityService identityService;

    PortfolioHandOverPage(PortfolioHandOvers handOvers, Programmes programmes, Municipalities municipalities, IdentityService identityService) {
        this.handOvers = handOvers;
        this.programmes = programmes;
        this.municipalities = municipalities;
        this.identityService = identityService;
    }

    @GetMapping
    ModelAndView show(@PathVariable String id, Authentication caller) {
        if (!PortfolioHandOvers.mayHandOver(Insight.of(caller))) {
            return PageAnswers.refused(HttpStatus.FORBIDDEN, NOT_YOURS);
        }
        Programme programme;
        try {
            programme = programmes.get(id);
        } catch (ProgrammeNotFoundException unknown) {
            return PageAnswers.refused(HttpStatus.NOT_FOUND, unknown.getMessage());
        }
        List<Choice> funded = new ArrayList<>();
        List<Choice> wethouders = new ArrayList<>();
        for (String code : programmes.fundedParticipants(id)) {
            String name = name(code);
            funded.add(new Choice(code, name));
            for (User user : identityService.createUserQuery().memberOfGroup(Roles.wethouder(code)).orderByUserId().asc().list()) {
                String fullName = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                        + (user.getLastName() == null ? "" : user.getLastName())).strip();
                wethouders.add(new Choice(user.getId(), (fullName.isEmpty() ? user.getId() : fullName + " (" + user.getId() + ")")
                        + ", wethouder van " + name));
            }
        }
        List<Line> trail = handOvers.trail(id).stream().map(h -> new Line(Dutch.moment(h.getRequestedAt()), name(h.getMunicipalityCode()),
                h.getPreviousHolder() == null ? "–" : h.getPreviousHolder(), h.getNewHolder(), h.getRequestedBy(),
                h.getReroutedTasks() == null ? "Wordt overgedragen" : String.valueOf(h.getReroutedTasks()))).toList();
        return new ModelAndView("programma/portefeuillehouder")
                .addObject("programme", programme)
                .addObject("municipalities", funded)
                .addObject("wethouders", wethouders)
                .addObject("trail", trail);
    }

    @PostMapping
    String handOver(@PathVariable String id, @RequestParam(defaultValue = "") String gemeente, @RequestParam(defaultValue = "") String wethouder,
            Authentication caller, RedirectAttributes page) {
        try {
            PortfolioHandOver done = handOvers.handOver(id, gemeente, wethouder, null, Insight.of(caller));
            page.addFlashAttribute("melding", "De open wethoudertaken van " + name(done.getMunicipalityCode()) + " gaan naar "
                    + done.getNewHolder() + ". Zij staan nu in de takenlijst van de nieuwe wethouder.");
        } catch (InvalidInputException | ApiRefusal refused) {
            page.addFlashAttribute("fout", refused.getMessage());
            page.addFlashAttribute("gekozenGemeente", gemeente);
            page.addFlashAttribute("gekozenWethouder", wethouder);
        }
        return "redirect:/dashboard/programma/" + UriUtils.encodePathSegment(id, StandardCharsets.UTF_8) + "/portefeuillehouder";
    }

    private String name(String code) {
        return municipalities.byCode(code).map(Municipality::getName).orElse(code);
    }
}
