package com.clinicfaq.staff;

import com.clinicfaq.audit.AuditLog;
import com.clinicfaq.conversation.ConversationService;
import com.clinicfaq.conversation.TranscriptMessage;
import com.clinicfaq.handoff.HandoffRequest;
import com.clinicfaq.handoff.HandoffService;
import java.security.Principal;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The handoff queue and a request with its whole transcript, in which the reviewer may mark a visitor's message as a
 * missed emergency for the administrators' safety review (issue #20); every view and change is audited.
 */
@Controller
class HandoffConsoleController {

    private final HandoffService handoffs;
    private final ConversationService conversations;
    private final AuditLog audit;
    private final MissedEmergencyMarks marks;

    HandoffConsoleController(
            HandoffService handoffs, ConversationService conversations, AuditLog audit, MissedEmergencyMarks marks) {
        this.handoffs = handoffs;
        this.conversations = conversations;
        this.audit = audit;
        this.marks = marks;
    }

    @GetMapping("/staff/handoffs")
    String queue(
            @RequestParam(required = false) HandoffRequest.Status status,
            @RequestParam(required = false) String q,
            Model model) {
        model.addAttribute("requests", handoffs.queue(status, q));
        model.addAttribute("status", status);
        model.addAttribute("q", q);
        model.addAttribute("statuses", HandoffRequest.Status.values());
        return "staff/handoffs";
    }

    @PostMapping("/staff/handoffs/{id}/assign")
    String assignToMe(@PathVariable UUID id, Principal staff) {
        handoffs.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        handoffs.assign(id, staff.getName());
        audit.record(staff.getName(), "ASSIGNED", id, staff.getName());
        return "redirect:/staff/handoffs/" + id;
    }

    @PostMapping("/staff/handoffs/{id}/notes")
    String addNote(@PathVariable UUID id, @RequestParam String text, Principal staff, RedirectAttributes redirect) {
        handoffs.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        try {
            handoffs.addNote(id, staff.getName(), text);
            audit.record(staff.getName(), "NOTE_ADDED", id, null);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("problem", "The note was not saved: " + e.getMessage() + ".");
        }
        return "redirect:/staff/handoffs/" + id;
    }

    /** @param message the message to highlight (the one just marked), if any */
    @GetMapping("/staff/handoffs/{id}")
    String request(
            @PathVariable UUID id, @RequestParam(required = false) Integer message, Model model, Principal staff) {
        HandoffRequest request = handoffs.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        audit.record(staff.getName(), "VIEWED", id, null);
        List<TranscriptMessage> transcript = conversations.transcript(request.conversationId());
        model.addAttribute("request", request);
        model.addAttribute("transcript", transcript);
        model.addAttribute("language", language(transcript));
        model.addAttribute("audit", audit.forHandoff(id));
        model.addAttribute("notes", handoffs.notes(id));
        model.addAttribute(
                "next",
                java.util.Arrays.stream(HandoffRequest.Status.values())
                        .filter(request.status()::canBecome)
                        .toList());
        SafetyReviewController.addMarking(
                model, marks, "/staff/handoffs/" + id + "/messages/", request.conversationId(), transcript, message);
        return "staff/handoff";
    }

    /** A visitor's message of the request's conversation, marked as a missed emergency: it goes to the safety review. */
    @PostMapping("/staff/handoffs/{id}/messages/{seq}/missed-emergency")
    String markMissedEmergency(
            @PathVariable UUID id, @PathVariable int seq, Principal staff, RedirectAttributes redirect) {
        HandoffRequest request = handoffs.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        SafetyReviewController.flaggable(conversations, request.conversationId(), seq);
        if (marks.mark(request.conversationId(), seq, staff.getName())) {
            audit.record(staff.getName(), "MISSED_EMERGENCY_MARKED", id, "Message " + seq + " of its conversation");
        }
        redirect.addFlashAttribute(
                "notice", "Flagged as a missed emergency: administrators review it on the safety review.");
        return "redirect:" + SafetyReviewController.highlighting("/staff/handoffs/" + id, seq);
    }

    @PostMapping("/staff/handoffs/{id}/messages/{seq}/missed-emergency/remove")
    String unmarkMissedEmergency(
            @PathVariable UUID id, @PathVariable int seq, Principal staff, RedirectAttributes redirect) {
        HandoffRequest request = handoffs.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        SafetyReviewController.visitorMessage(conversations, request.conversationId(), seq);
        if (marks.unmark(request.conversationId(), seq)) {
            audit.record(staff.getName(), "MISSED_EMERGENCY_UNMARKED", id, "Message " + seq + " of its conversation");
        }
        redirect.addFlashAttribute(
                "notice",
                "The flag is removed: the message is no longer listed as a missed emergency, unless a safety rule catches it.");
        return "redirect:" + SafetyReviewController.highlighting("/staff/handoffs/" + id, seq);
    }

    /**
     * The language the visitor was last spoken to in (the bot's last words that record one), for staff to follow up in
     * it: "Spanish" or "English".
     */
    static String language(List<TranscriptMessage> transcript) {
        String code = transcript.stream()
                .filter(m -> !m.fromVisitor())
                .map(m -> m.bot().language())
                .filter(java.util.Objects::nonNull)
                .reduce((first, last) -> last)
                .orElse("en");
        return "es".equals(code) ? "Spanish" : "English";
    }

    /** The transcript as plain text, for the practice's records; the export is audited. */
    @GetMapping(value = "/staff/handoffs/{id}/transcript.txt", produces = "text/plain;charset=UTF-8")
    @ResponseBody
    ResponseEntity<String> export(@PathVariable UUID id, Principal staff) {
        HandoffRequest request = handoffs.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        audit.record(staff.getName(), "EXPORTED", id, null);
        StringBuilder text = new StringBuilder()
                .append("Handoff request ")
                .append(id)
                .append('\n')
                .append("Name: ")
                .append(request.name())
                .append('\n')
                .append("Phone: ")
                .append(orDash(request.phone()))
                .append('\n')
                .append("Email: ")
                .append(orDash(request.email()))
                .append('\n')
                .append("Preferred time: ")
                .append(orDash(request.preferredTime()))
                .append('\n')
                .append("Reason: ")
                .append(orDash(request.reason()))
                .append('\n')
                .append("Consent to contact: ")
                .append(request.consentContact() ? "yes" : "no")
                .append("; consent to share the conversation: ")
                .append(request.consentShare() ? "yes" : "no")
                .append('\n')
                .append("Emergency guidance given: ")
                .append(request.emergency() ? "yes" : "no")
                .append('\n');
        List<TranscriptMessage> transcript = conversations.transcript(request.conversationId());
        text.append("Language: ").append(language(transcript)).append("\n\n");
        for (TranscriptMessage message : transcript) {
            text.append('[').append(message.sentAt()).append("] ");
            if (message.fromVisitor()) {
                text.append("Visitor: ").append(message.visitorText());
            } else {
                text.append("Bot (")
                        .append(message.bot().kind().wire())
                        .append(message.bot().emergency() ? ", EMERGENCY" : "")
                        .append("): ")
                        .append(message.bot().text());
            }
            text.append('\n');
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"handoff-" + id + ".txt\"")
                .body(text.toString());
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }

    @PostMapping("/staff/handoffs/{id}/status")
    String changeStatus(
            @PathVariable UUID id,
            @RequestParam HandoffRequest.Status status,
            Principal staff,
            RedirectAttributes redirect) {
        try {
            handoffs.changeStatus(id, status);
            audit.record(staff.getName(), "STATUS_CHANGED", id, status.name());
        } catch (IllegalStateException e) {
            redirect.addFlashAttribute("problem", "That change is not possible: " + e.getMessage() + ".");
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/staff/handoffs/" + id;
    }
}
