package com.clinicfaq.curation.web;

import com.clinicfaq.curation.KnowledgeEditor.Change;
import com.clinicfaq.staff.StaffProperties;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff review of a translation (issue #16): marked reviewed on the practice's today, it is answered from once the draft
 * is published (through the safety net, as any change); its review withdrawn, it no longer is. Audited by
 * {@link DraftEdits}, with the article and the language, never the text.
 */
@Controller
class TranslationController {

    private final DraftEdits edits;
    private final Clock clock;
    private final ZoneId zone;

    TranslationController(DraftEdits edits, Clock clock, StaffProperties properties) {
        this.edits = edits;
        this.clock = clock;
        this.zone = ZoneId.of(properties.timeZone());
    }

    @PostMapping("/staff/knowledge/translations/{articleId}/{language}")
    String review(
            @PathVariable String articleId,
            @PathVariable String language,
            @RequestParam String action,
            Principal by,
            RedirectAttributes redirect) {
        boolean review = switch (action) {
            case "review" -> true;
            case "withdraw" -> false;
            default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Review or withdraw.");
        };
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        List<String> problems =
                edits.apply(new Change.ReviewTranslation(articleId, language, review ? today : null), by);
        if (!problems.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, problems.getFirst());
        }
        String name = EditableFile.translationName(articleId, language);
        redirect.addFlashAttribute(
                "saved",
                review
                        ? "Marked the translation " + name
                                + " reviewed in the draft: visitors are answered from it once you publish."
                        : "Withdrew the review of " + name
                                + " in the draft: once you publish, visitors are no longer answered from it.");
        return "redirect:/staff/knowledge#translations";
    }
}
