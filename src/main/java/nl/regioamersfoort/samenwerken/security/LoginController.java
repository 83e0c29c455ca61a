package nl.regioamersfoort.samenwerken.security;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return "login";
    }

    /** Most people come to work their tasks: the start page is Tasklist. */
    @GetMapping("/")
    String startPage() {
        return "redirect:/camunda/app/tasklist/";
    }
}
