package nl.regioamersfoort.samenwerken.platform.mail;

import java.util.Optional;
import nl.regioamersfoort.samenwerken.platform.time.DemoTime;
import nl.regioamersfoort.samenwerken.platform.time.EngineClock;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The outbox page for projectleider and beheer: every deadline mail, newest first. */
@Controller
class OutboxController {

    private final Outbox outbox;
    private final Optional<DemoTime> demoTime;

    OutboxController(Outbox outbox, Optional<DemoTime> demoTime) {
        this.outbox = outbox;
        this.demoTime = demoTime;
    }

    @GetMapping("/outbox")
    String outbox(Model model) {
        model.addAttribute("mails", outbox.latest(500));
        model.addAttribute("nu", EngineClock.now());
        // In the demo, the demo's time as it runs now.
        model.addAttribute("demoDatum", demoTime.filter(DemoTime::isSet).map(time -> EngineClock.now()).orElse(null));
        return "outbox";
    }
}
