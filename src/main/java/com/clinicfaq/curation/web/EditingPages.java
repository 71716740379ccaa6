package com.clinicfaq.curation.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the editing pages share: a strict Content-Security-Policy (they have no script and no inline style), and
 * how a refused change is shown.
 */
@ControllerAdvice(
        assignableTypes = {
            KnowledgeConsoleController.class,
            FaqController.class,
            SectionController.class,
            FileEditorController.class,
            ArticleImportController.class,
            UnansweredController.class,
            CheckQuestionsController.class
        })
class EditingPages {

    static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /** "file:line: problem", as the readers report a file they cannot read. */
    private static final Pattern AT_LINE = Pattern.compile("^([^:\\s][^:]*):(\\d+): ");

    @ModelAttribute
    void contentSecurityPolicy(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    }

    /** A form shown again with what was typed and why the draft did not take it. */
    static void refused(HttpServletResponse response, org.springframework.ui.Model model, List<String> problems) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("problems", problems);
    }

    /**
     * The line a "file:line: problem" message names, quoted from the text staff typed as {@code file}, so that
     * they need not count lines.
     */
    static Optional<String> quotedLine(String message, String file, String text) {
        Matcher at = AT_LINE.matcher(message);
        if (!at.find() || !at.group(1).equals(file) || text == null) {
            return Optional.empty();
        }
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        int line = Integer.parseInt(at.group(2));
        return line >= 1 && line <= lines.length
                ? Optional.of("Line " + line + " reads: " + lines[line - 1])
                : Optional.empty();
    }
}
