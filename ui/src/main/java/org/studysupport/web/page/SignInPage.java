package org.studysupport.web.page;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.studysupport.config.StudySupportProperties;

/**
 * The sign-in form of the embedded default ({@code /login}, fields {@code username} and
 * {@code password}); Spring Security checks the password on the form's {@code POST} and opens the
 * session. With an identity provider configured the pages sign in there instead.
 */
@Controller
public class SignInPage {

    private final boolean demoUsers;

    public SignInPage(StudySupportProperties properties) {
        this.demoUsers = properties.security().demoUsers();
    }

    @GetMapping("/login")
    String form(Model model) {
        model.addAttribute("demoUsers", demoUsers);
        return "login";
    }
}
