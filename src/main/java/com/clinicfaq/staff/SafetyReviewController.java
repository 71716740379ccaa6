package com.clinicfaq.staff;

import com.clinicfaq.audit.AuditLog;
import com.clinicfaq.conversation.ConversationService;
import com.clinicfaq.conversation.TranscriptMessage;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Safety review, for administrators (issue #20): the visitor messages the bot did not treat as urgent that the live
 * policy now does, and those staff marked as missed emergencies, each with the rule that catches it or who marked it and
 * a link to its conversation's transcript, the message highlighted there. From a transcript an administrator marks a
 * visitor's message as a missed emergency, or takes the mark off. Viewing a transcript and marking are audited, by ids,
 * without the messages' words.
 */
@Controller
class SafetyReviewController {

    static final List<Integer> PERIODS = List.of(7, 30, 90, 365);
    static final int DEFAULT_DAYS = 30;

    private final SafetyReviewList list;
    private final MissedEmergencyMarks marks;
    private final ConversationService conversations;
    private final AuditLog audit;

    SafetyReviewController(
            SafetyReviewList list, MissedEmergencyMarks marks, ConversationService conversations, AuditLog audit) {
        this.list = list;
        this.marks = marks;
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
        model.addAttribute("misses", list.lastDays(days));
        return "staff/safety-review";
    }

    /** @param message the message to highlight (the one the safety review links), if any */
    @GetMapping("/staff/admin/conversations/{id}")
    String transcript(
            @PathVariable UUID id, @RequestParam(required = false) Integer message, Model model, Principal staff) {
        List<TranscriptMessage> transcript = conversations.transcript(id);
        if (transcript.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        audit.record(staff.getName(), "TRANSCRIPT_VIEWED", "Conversation " + id + ", from safety review");
        model.addAttribute("conversationId", id);
        model.addAttribute("transcript", transcript);
        addMarking(model, marks, "/staff/admin/conversations/" + id + "/messages/", id, transcript, message);
        return "staff/conversation";
    }

    @PostMapping("/staff/admin/conversations/{id}/messages/{seq}/missed-emergency")
    String mark(@PathVariable UUID id, @PathVariable int seq, Principal staff, RedirectAttributes redirect) {
        flaggable(conversations, id, seq);
        if (marks.mark(id, seq, staff.getName())) {
            audit.record(staff.getName(), "MISSED_EMERGENCY_MARKED", "Conversation " + id + ", message " + seq);
        }
        redirect.addFlashAttribute("notice", "Flagged as a missed emergency: it is listed on the safety review.");
        return "redirect:" + highlighting("/staff/admin/conversations/" + id, seq);
    }

    @PostMapping("/staff/admin/conversations/{id}/messages/{seq}/missed-emergency/remove")
    String unmark(@PathVariable UUID id, @PathVariable int seq, Principal staff, RedirectAttributes redirect) {
        visitorMessage(conversations, id, seq);
        if (marks.unmark(id, seq)) {
            audit.record(staff.getName(), "MISSED_EMERGENCY_UNMARKED", "Conversation " + id + ", message " + seq);
        }
        redirect.addFlashAttribute(
                "notice",
                "The flag is removed: the message is no longer listed as a missed emergency, unless a safety rule catches it.");
        return "redirect:" + highlighting("/staff/admin/conversations/" + id, seq);
    }

    /**
     * What the transcript fragment needs to offer flagging (staff/fragments :: transcript): where its buttons post
     * ({@code action} + seq + "/missed-emergency"), the messages that may be flagged, the conversation's flags by seq,
     * and the message to highlight.
     */
    static void addMarking(
            Model model,
            MissedEmergencyMarks marks,
            String action,
            UUID conversationId,
            List<TranscriptMessage> transcript,
            Integer highlighted) {
        Map<Integer, MissedEmergencyMarks.Mark> marked =
                marks.of(conversationId).stream().collect(Collectors.toMap(MissedEmergencyMarks.Mark::seq, m -> m));
        model.addAttribute("markAction", action);
        model.addAttribute("flaggable", flaggable(transcript));
        model.addAttribute("marks", marked);
        model.addAttribute("highlighted", highlighted);
    }

    /**
     * The visitor's messages that may be flagged as missed emergencies: those the bot did not answer with urgent
     * guidance (a message it did is no missed emergency).
     */
    static java.util.Set<Integer> flaggable(List<TranscriptMessage> transcript) {
        java.util.Set<Integer> urgent = transcript.stream()
                .filter(m -> !m.fromVisitor() && m.bot().emergency())
                .map(m -> m.seq() - 1)
                .collect(Collectors.toSet());
        return transcript.stream()
                .filter(TranscriptMessage::fromVisitor)
                .map(TranscriptMessage::seq)
                .filter(seq -> !urgent.contains(seq))
                .collect(Collectors.toSet());
    }

    /** The visitor's message {@code seq} of the conversation, if it may be flagged; else not found. */
    static void flaggable(ConversationService conversations, UUID conversationId, int seq) {
        visitorMessage(conversations, conversationId, seq);
        if (conversations
                .message(conversationId, seq + 1)
                .filter(m -> !m.fromVisitor() && m.bot().emergency())
                .isPresent()) {
            throw new ResponseStatusException(
                    HttpStatus.CONFLICT, "The bot answered this message with urgent guidance.");
        }
    }

    /** The page, opened at the message {@code seq}, highlighted. */
    static String highlighting(String page, int seq) {
        return page + "?message=" + seq + "#message-" + seq;
    }

    /** The visitor's message {@code seq} of the conversation, or not found: only a visitor's message can be marked. */
    static TranscriptMessage visitorMessage(ConversationService conversations, UUID conversationId, int seq) {
        return conversations
                .message(conversationId, seq)
                .filter(TranscriptMessage::fromVisitor)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
