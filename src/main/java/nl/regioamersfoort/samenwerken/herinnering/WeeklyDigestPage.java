package nl.regioamersfoort.samenwerken.herinnering;

import java.util.List;
import nl.regioamersfoort.samenwerken.platform.form.InvalidInputException;
import nl.regioamersfoort.samenwerken.platform.time.EngineClock;
import nl.regioamersfoort.samenwerken.platform.web.PageAnswers;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Each person's own switch for the weekly digest, and a look at what this week's digest listed for
 * them. Only one's own: the page has no user parameter to aim at somebody else.
 */
@Controller
class WeeklyDigestPage {

    private final WeeklyDigest digest;
    private final WeeklyDigestMail mail;

    WeeklyDigestPage(WeeklyDigest digest, WeeklyDigestMail mail) {
        this.digest = digest;
        this.mail = mail;
    }

    @GetMapping(WeeklyDigestMail.SETTINGS_PATH)
    ModelAndView show(Authentication caller) {
        String userId = caller.getName();
        List<WeeklyDigestMail.Line> lines = mail.lines(EngineClock.today(), digest.openTasksOf(userId));
        return new ModelAndView("herinnering/weekoverzicht")
                .addObject("on", digest.wantsDigest(userId))
                .addObject("sentAtAll", digest.sentAtAll())
                .addObject("lines", lines);
    }

    @PostMapping(WeeklyDigestMail.SETTINGS_PATH)
    String change(@RequestParam(defaultValue = "") String weekoverzicht, Authentication caller, RedirectAttributes page) {
        return PageAnswers.redirectAfter(page, WeeklyDigestMail.SETTINGS_PATH, () -> switch (weekoverzicht) {
            case "aan" -> {
                digest.switchOn(caller.getName());
                yield "Het weekoverzicht staat aan: u krijgt het op de eerste werkdag van de week.";
            }
            case "uit" -> {
                digest.switchOff(caller.getName());
                yield "Het weekoverzicht staat uit. De herinneringen vlak voor een deadline blijven komen.";
            }
            default -> throw new InvalidInputException("Kies of u het weekoverzicht wilt ontvangen: aan of uit.");
        });
    }
}
