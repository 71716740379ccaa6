package com.clinicfaq.staff;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff accounts, for administrators ({@code /staff/admin/**} is theirs alone): the accounts with their roles and
 * whether active; creating one, and resetting one's password, each show a one-time password on the page that answers
 * the form, once (not through a redirect, which would keep it in the session); deactivating, reactivating and
 * changing a role go back to the list with what was done.
 */
@Controller
class StaffAccountsController {

    static final String PAGE = "/staff/admin/accounts";

    private final StaffAccountService accounts;

    StaffAccountsController(StaffAccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping(PAGE)
    String accounts(Model model) {
        return page(model);
    }

    @PostMapping(PAGE)
    String create(
            @RequestParam(defaultValue = "") String username,
            @RequestParam(required = false) StaffAccountService.Role role,
            Principal admin,
            Model model,
            HttpServletResponse response) {
        try {
            StaffAccountService.Issued created = accounts.create(admin.getName(), username, role);
            return oneTimePassword(model, "Account " + created.username() + " created", created, role);
        } catch (StaffAccountService.Refused e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problem", e.getMessage());
            model.addAttribute("username", username);
            model.addAttribute("role", role);
            return page(model);
        }
    }

    @PostMapping(PAGE + "/reset")
    String reset(@RequestParam String username, Principal admin, Model model, RedirectAttributes redirect) {
        try {
            return oneTimePassword(
                    model, "New one-time password for " + username, accounts.reset(admin.getName(), username), null);
        } catch (StaffAccountService.Refused e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            return "redirect:" + PAGE;
        }
    }

    @PostMapping(PAGE + "/deactivate")
    String deactivate(@RequestParam String username, Principal admin, RedirectAttributes redirect) {
        return change(
                redirect,
                () -> accounts.deactivate(admin.getName(), username),
                username + " is deactivated: it cannot log in, and its open sessions end at their next request.");
    }

    @PostMapping(PAGE + "/reactivate")
    String reactivate(@RequestParam String username, Principal admin, RedirectAttributes redirect) {
        return change(redirect, () -> accounts.reactivate(admin.getName(), username), username + " can log in again.");
    }

    @PostMapping(PAGE + "/role")
    String changeRole(
            @RequestParam String username,
            @RequestParam(required = false) StaffAccountService.Role role,
            Principal admin,
            RedirectAttributes redirect) {
        return change(
                redirect,
                () -> accounts.changeRole(admin.getName(), username, role),
                role == null
                        ? ""
                        : username + " is now " + role.label().toLowerCase(java.util.Locale.ROOT)
                                + ", from its next request.");
    }

    private String change(RedirectAttributes redirect, Runnable change, String done) {
        try {
            change.run();
            redirect.addFlashAttribute("notice", done);
        } catch (StaffAccountService.Refused e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:" + PAGE;
    }

    private String oneTimePassword(
            Model model, String title, StaffAccountService.Issued issued, StaffAccountService.Role role) {
        model.addAttribute("title", title);
        model.addAttribute("issued", issued);
        model.addAttribute("role", role);
        return "staff/one-time-password";
    }

    private String page(Model model) {
        model.addAttribute("accounts", accounts.list());
        model.addAttribute("roles", StaffAccountService.Role.values());
        model.addAttribute("usernameMax", StaffAccountService.USERNAME_MAX);
        return "staff/accounts";
    }
}
