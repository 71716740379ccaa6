package com.clinicfaq.curation.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ResponseStatusException;

/**
 * What the publishing, versions, try-it and files pages share: a strict Content-Security-Policy (they have no
 * script and no inline style), whether the staff member may publish over failing checks, and the check that
 * someone who may not cannot, whatever the form says.
 */
@ControllerAdvice(assignableTypes = {PublishingController.class, TryItController.class, KnowledgeFilesController.class})
class PublishingPages {

    static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    static final String ADMIN = "ADMIN";

    @ModelAttribute
    void contentSecurityPolicy(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    }

    /** Administrators may publish a change over failing safety checks, knowingly and with a reason. */
    @ModelAttribute("mayOverride")
    static boolean mayOverride(HttpServletRequest request) {
        return request.isUserInRole(ADMIN);
    }

    /**
     * Whether the form asks to publish over failing checks; refused outright for anyone who may not, so a forged
     * form field publishes nothing.
     */
    static boolean override(boolean requested, HttpServletRequest request) {
        if (requested && !mayOverride(request)) {
            throw new ResponseStatusException(
                    HttpStatus.FORBIDDEN, "Only an administrator may publish over failing checks.");
        }
        return requested;
    }
}
