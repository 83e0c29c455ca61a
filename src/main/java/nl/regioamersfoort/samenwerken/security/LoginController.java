package nl.regioamersfoort.samenwerken.security;

import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

    @GetMapping("/login")
    String login(@RequestParam(name = "geblokkeerd", required = false) String locked, HttpSession session, Model model) {
        if (locked != null) {
            // The message comes from our own LockedException (how long, or ask beheer), never from the request.
            Object failure = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            model.addAttribute("blokkade", failure instanceof LockedException lock ? lock.getMessage() : LoginLocks.LOCKED);
        }
        return "login";
    }

    /** Most people come to work their tasks: the start page is Tasklist. */
    @GetMapping("/")
    String startPage() {
        return "redirect:/camunda/app/tasklist/";
    }
}
