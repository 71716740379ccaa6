package com.clinicfaq.staff;

import com.clinicfaq.conversation.ConversationService;
import com.clinicfaq.conversation.TranscriptMessage;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Safety review, for administrators (issue #20): the visitor messages the bot did not treat as urgent that the live
 * policy now does, each with the rule that catches it and a link to its conversation's transcript. Viewing a transcript
 * is audited, without the messages' words.
 */
@Controller
class SafetyReviewController {

    static final List<Integer> PERIODS = List.of(7, 30, 90, 365);
    static final int DEFAULT_DAYS = 30;

    private final SafetyReview misses;
    private final ConversationService conversations;
    private final AuditLog audit;

    SafetyReviewController(SafetyReview misses, ConversationService conversations, AuditLog audit) {
        this.misses = misses;
        this.conversations = conversations;
        this.audit = audit;
    }

    @GetMapping("/staff/admin/safety-review")
    String page(@RequestParam(defaultValue = "" + DEFAULT_DAYS) int days, Model model) {
        if (!PERIODS.contains(days)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Choose one of " + PERIODS + " days.");
        }
        model.addAttribute("days", days);
        model.addAttribute("periods", PERIODS);
        model.addAttribute("misses", lastDays(misses, days));
        return "staff/safety-review";
    }

    @GetMapping("/staff/admin/conversations/{id}")
    String transcript(@PathVariable UUID id, Model model, Principal staff) {
        List<TranscriptMessage> transcript = conversations.transcript(id);
        if (transcript.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        audit.record(staff.getName(), "TRANSCRIPT_VIEWED", "Conversation " + id + ", from safety review");
        model.addAttribute("conversationId", id);
        model.addAttribute("transcript", transcript);
        return "staff/conversation";
    }

    /** The misses of the last {@code days} days, today included. */
    static List<SafetyReview.Miss> lastDays(SafetyReview misses, int days) {
        LocalDate to = misses.today();
        return misses.between(to.minusDays(days - 1), to);
    }
}
