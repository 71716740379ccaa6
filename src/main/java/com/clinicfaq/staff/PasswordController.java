package com.clinicfaq.staff;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A staff member's own password: chosen in place of a one-time password before any other console page opens
 * ({@link AccountStandingFilter} sends every other page here until then), or changed whenever they like. The page
 * asks for the current password, then the new one twice; what is typed is never shown again.
 */
@Controller
class PasswordController {

    private final StaffAccountService accounts;

    PasswordController(StaffAccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping(AccountStandingFilter.PASSWORD_PAGE)
    String page(Principal staff, Model model) {
        return page(staff, model, null);
    }

    @PostMapping(AccountStandingFilter.PASSWORD_PAGE)
    String change(
            @RequestParam(defaultValue = "") String current,
            @RequestParam(defaultValue = "") String chosen,
            @RequestParam(defaultValue = "") String repeated,
            Principal staff,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        try {
            accounts.changeOwnPassword(staff.getName(), current, chosen, repeated);
        } catch (StaffAccountService.Refused e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(staff, model, e.getMessage());
        }
        request.changeSessionId();
        return "redirect:/staff";
    }

    private String page(Principal staff, Model model, String problem) {
        boolean oneTime = accounts.standing(staff.getName())
                .map(StaffAccountService.Standing::mustChangePassword)
                .orElse(false);
        if (oneTime) {
            // nothing else opens until the password is chosen, so the navigation offers only logging out
            model.addAttribute("consoleUser", new ConsoleNavigation.ConsoleUser(staff.getName(), false, false, false));
        }
        model.addAttribute("oneTime", oneTime);
        model.addAttribute("problem", problem);
        model.addAttribute("passwordMin", StaffAccountService.PASSWORD_MIN);
        model.addAttribute("passwordMax", StaffAccountService.PASSWORD_MAX);
        return "staff/password";
    }
}
