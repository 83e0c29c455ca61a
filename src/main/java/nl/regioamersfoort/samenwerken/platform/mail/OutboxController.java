package nl.regioamersfoort.samenwerken.platform.mail;

import java.util.Optional;
import nl.regioamersfoort.samenwerken.platform.time.DemoClock;
import nl.regioamersfoort.samenwerken.platform.time.EngineClock;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The outbox page for projectleider and beheer: every deadline mail, newest first. */
@Controller
class OutboxController {

    private final Outbox outbox;
    private final Optional<DemoClock> demoClock;

    OutboxController(Outbox outbox, Optional<DemoClock> demoClock) {
        this.outbox = outbox;
        this.demoClock = demoClock;
    }

    @GetMapping("/outbox")
    String outbox(Model model) {
        model.addAttribute("mails", outbox.latest(500));
        model.addAttribute("nu", EngineClock.now());
        model.addAttribute("demoDatum", demoClock.flatMap(DemoClock::demoDate).orElse(null));
        return "outbox";
    }
}
