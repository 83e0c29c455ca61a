package nl.regioamersfoort.samenwerken.platform.time;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Demo only, for beheer: the demo's time moves forward a week, a month or to a date from the
 * browser. What falls due on the way (reminders, escalations, the timers of the models) the job
 * executor then fires, and the outbox shows the mails.
 */
@Controller
@Profile("demo")
@RequestMapping("/demo/tijd")
class DemoTimePage {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.forLanguageTag("nl"));

    private final DemoTime demoTime;

    DemoTimePage(DemoTime demoTime) {
        this.demoTime = demoTime;
    }

    @GetMapping
    String show(Model model) {
        model.addAttribute("nu", SHOWN.format(EngineClock.now()));
        model.addAttribute("vandaag", EngineClock.today().toString());
        return "demo/tijd";
    }

    @PostMapping
    String move(@RequestParam(defaultValue = "") String stap, @RequestParam(defaultValue = "") String datum, RedirectAttributes page) {
        LocalDateTime now = EngineClock.now();
        LocalDateTime target;
        switch (stap) {
            case "week" -> target = now.plusWeeks(1);
            case "maand" -> target = now.plusMonths(1);
            case "datum" -> {
                try {
                    target = LocalDate.parse(datum).atTime(9, 0);
                } catch (DateTimeParseException e) {
                    page.addFlashAttribute("fout", "Kies een datum.");
                    return "redirect:/demo/tijd";
                }
                if (!target.isAfter(now)) {
                    page.addFlashAttribute("fout", "De demotijd gaat alleen vooruit: kies een datum na " + SHOWN.format(now) + ".");
                    return "redirect:/demo/tijd";
                }
                if (target.getYear() > 2100) {
                    page.addFlashAttribute("fout", "Kies een datum voor 2100.");
                    return "redirect:/demo/tijd";
                }
            }
            default -> {
                page.addFlashAttribute("fout", "Kies een week, een maand of een datum.");
                return "redirect:/demo/tijd";
            }
        }
        demoTime.moveTo(target);
        page.addFlashAttribute("melding", "Het is nu " + SHOWN.format(target) + ". Wat daardoor is gaan vallen (herinneringen,"
                + " escalaties, de termijnen van de processen) handelt de engine nu af; de mails staan zo in het postvak.");
        return "redirect:/demo/tijd";
    }
}
