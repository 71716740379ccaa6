package com.clinicfaq.staff;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's own login page (issue #17): the practice's staff sign in on a page that looks like the console and
 * says in words what went wrong, where the framework's generated page was unbranded and answered only GET (a HEAD
 * got a 404). Spring Security still checks the form (POST /login) and its CSRF token.
 */
@Controller
class LoginController {

    @GetMapping("/login")
    String login(
            @RequestParam(required = false) String error, @RequestParam(required = false) String logout, Model model) {
        if (error != null) {
            model.addAttribute(
                    "problem",
                    switch (error) {
                        case "blocked" ->
                            "Too many failed attempts from this address. Please wait a few minutes, then try again.";
                        case "inactive" ->
                            "You have been signed out: this account has been deactivated. An administrator can"
                                    + " reactivate it.";
                        default -> "The username or password is not right. Please try again.";
                    });
        }
        model.addAttribute("loggedOut", logout != null);
        return "staff/login";
    }
}
