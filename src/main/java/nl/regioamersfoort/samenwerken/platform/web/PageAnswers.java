package nl.regioamersfoort.samenwerken.platform.web;

import java.util.function.Supplier;
import nl.regioamersfoort.samenwerken.platform.form.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How our own pages answer: a refusal as a Dutch page with the right status, and a form's outcome
 * shown on the page it came from after a redirect (so a reload does not send it again), with the
 * same Dutch messages as the API.
 */
public final class PageAnswers {

    private PageAnswers() {
    }

    /** The page that says, in Dutch, why there is nothing here for this person. */
    public static ModelAndView refused(HttpStatus status, String dutchMessage) {
        return new ModelAndView("dashboard/fout", status).addObject("melding", dutchMessage);
    }

    public static boolean hasRole(Authentication caller, String group) {
        return caller != null && caller.getAuthorities().stream().anyMatch(a -> group.equals(a.getAuthority()));
    }

    /**
     * Runs a form's action and goes back to {@code page}: its Dutch outcome as "melding", or the
     * refusal as "fout" (bad input or not allowed), in which case the action changed nothing.
     */
    public static String redirectAfter(RedirectAttributes flash, String page, Supplier<String> action) {
        try {
            flash.addFlashAttribute("melding", action.get());
        } catch (InvalidInputException | ApiRefusal refused) {
            flash.addFlashAttribute("fout", refused.getMessage());
        }
        return "redirect:" + page;
    }
}
