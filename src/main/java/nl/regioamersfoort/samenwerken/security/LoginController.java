package nl.regioamersfoort.samenwerken.security;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

    /** One message for every failed login (LoginThrottle): the page never tells whether an account exists or waits. */
    @GetMapping("/login")
    String login(@RequestParam(name = "error", required = false) String failed, Model model) {
        if (failed != null) {
            model.addAttribute("mislukt", LoginThrottle.REFUSED);
        }
        return "login";
    }

    /** Most people come to work their tasks: the start page is Tasklist. */
    @GetMapping("/")
    String startPage() {
        return "redirect:/camunda/app/tasklist/";
    }
}
