package nl.regioamersfoort.samenwerken.security;

import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

    /** Only in the demo run: its people, each a click away. */
    private final Optional<DemoUsers> demoUsers;

    LoginController(Optional<DemoUsers> demoUsers) {
        this.demoUsers = demoUsers;
    }

    /** One message for every failed login (LoginThrottle): the page never tells whether an account exists or waits. */
    @GetMapping("/login")
    String login(@RequestParam(name = "error", required = false) String failed, Model model) {
        if (failed != null) {
            model.addAttribute("mislukt", LoginThrottle.REFUSED);
        }
        demoUsers.ifPresent(demo -> {
            model.addAttribute("personas", demo.personas());
            model.addAttribute("demoPassword", DemoUsers.PASSWORD);
        });
        return "login";
    }

    /** Most people come to work their tasks: the start page is Tasklist. */
    @GetMapping("/")
    String startPage() {
        return "redirect:/camunda/app/tasklist/";
    }
}
