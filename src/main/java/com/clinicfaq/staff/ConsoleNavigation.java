package com.clinicfaq.staff;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every console page needs to show its navigation: who is logged in and which parts of the console
 * are theirs ({@code staff/fragments :: nav}); and {@code /staff}, where a login lands, which sends each
 * staff member to the first part of the console their roles open.
 */
@Controller
@ControllerAdvice
class ConsoleNavigation {

    /** The logged-in staff member, for the navigation; null on pages without a login. */
    record ConsoleUser(String name, boolean reviewer, boolean editor, boolean admin) {}

    private final StaffDates dates;
    private final SafetyReviewList safetyReview;

    ConsoleNavigation(StaffProperties properties, SafetyReviewList safetyReview) {
        this.dates = new StaffDates(java.time.ZoneId.of(properties.timeZone()));
        this.safetyReview = safetyReview;
    }

    /** How every staff page writes a date and time. */
    @ModelAttribute("dates")
    StaffDates dates() {
        return dates;
    }

    @ModelAttribute("consoleUser")
    ConsoleUser consoleUser(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return null;
        }
        return new ConsoleUser(
                authentication.getName(),
                has(authentication, StaffSecurityConfiguration.REVIEWER),
                has(authentication, StaffSecurityConfiguration.EDITOR),
                has(authentication, StaffSecurityConfiguration.ADMIN));
    }

    /**
     * For administrators, how many messages of the safety review's default period wait for clinical review (those the
     * rules now catch and those staff marked): the navigation highlights them; 0 for everyone else.
     */
    @ModelAttribute("safetyReviewCount")
    int safetyReviewCount(Authentication authentication) {
        return authentication != null
                        && authentication.isAuthenticated()
                        && has(authentication, StaffSecurityConfiguration.ADMIN)
                ? safetyReview.lastDays(SafetyReviewController.DEFAULT_DAYS).size()
                : 0;
    }

    @GetMapping("/staff")
    String landing(Authentication authentication) {
        ConsoleUser user = consoleUser(authentication);
        if (user.reviewer()) {
            return "redirect:/staff/handoffs";
        }
        if (user.editor()) {
            return "redirect:/staff/knowledge";
        }
        if (user.admin()) {
            return "redirect:/staff/admin/audit";
        }
        return "staff/no-access";
    }

    private static boolean has(Authentication authentication, String role) {
        return authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(("ROLE_" + role)::equals);
    }
}
