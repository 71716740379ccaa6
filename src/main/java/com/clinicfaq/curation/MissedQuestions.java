package com.clinicfaq.curation;

import com.clinicfaq.conversation.ConversationRecords;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Visitors' questions the bot missed, read from the stored conversations: a visitor message whose next
 * message is the bot saying it does not know, or answering below {@link MissedQuestionsProperties#lowConfidence()},
 * or an answer the visitor said did not help ("Did this answer your question?" "No").
 * Texts come normalised with contact details masked ({@link QuestionTexts}); nothing else of the conversation
 * (no id, no contact form) leaves here. The replies come from the conversation module's
 * {@link ConversationRecords#missedReplies}: curation reads none of its tables.
 */
@Service
public class MissedQuestions {

    /** How many of the most frequent texts (as typed, in lower case) are read: plenty for pages that show a few dozen. */
    static final int MOST_FREQUENT = 500;

    /**
     * Why a question counts as missed. An out-of-scope topic is a question the knowledge base declines on
     * purpose; a handoff is a reply after which the visitor asked for a person (took up the offer by the button, said
     * yes, asked for an appointment or for staff, or was referred to a clinician). The unanswered-questions page adds
     * what it learns from what visitors did next and from failed turns ({@link UnansweredQuestions}).
     */
    public enum Reason {
        NOT_IN_KNOWLEDGE_BASE("Not in the knowledge base"),
        OUT_OF_SCOPE("Declined as out of scope"),
        LOW_CONFIDENCE("Answered with low confidence"),
        NOT_HELPFUL("Visitor said the answer did not help"),
        REPHRASED("Visitor asked again in other words"),
        HANDOFF("Visitor then asked for a person"),
        ERROR("The turn failed with an error");

        private final String label;

        Reason(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One question as visitors typed it (normalised, masked), how often it was missed and why, and when last.
     *
     * @param answers the answers the bot gave it (low-confidence answers, answers visitors said did not help), as the bot
     *     gave them, by the knowledge base item behind each (issue #19, #20)
     */
    public record Missed(String text, int count, Set<Reason> reasons, Instant lastAsked, Map<String, String> answers) {

        public Missed(String text, int count, Set<Reason> reasons, Instant lastAsked) {
            this(text, count, reasons, lastAsked, Map.of());
        }
    }

    private final ConversationRecords conversations;
    private final MissedQuestionsProperties properties;

    MissedQuestions(ConversationRecords conversations, MissedQuestionsProperties properties) {
        this.conversations = conversations;
        this.properties = properties;
    }

    /** The confidence below which an answer counts as missed. */
    public double lowConfidence() {
        return properties.lowConfidence();
    }

    /**
     * The questions missed from {@code start} (inclusive) to {@code end} (exclusive), one per normalised text,
     * most missed first.
     *
     * @param outOfScope whether questions the knowledge base declines on purpose count
     */
    public List<Missed> between(Timestamp start, Timestamp end, boolean outOfScope) {
        Map<String, Tally> byText = new LinkedHashMap<>();
        for (Missed row : each(start, end)) {
            if (outOfScope || !row.reasons().contains(Reason.OUT_OF_SCOPE)) {
                byText.computeIfAbsent(row.text(), t -> new Tally()).add(row);
            }
        }
        return byText.entrySet().stream()
                .map(e -> e.getValue().missed(e.getKey()))
                .sorted(Comparator.comparingInt(Missed::count).reversed().thenComparing(Missed::text))
                .toList();
    }

    /**
     * The same, not merged by text: one for each way a text was missed (as typed, in lower case; by the bot's kind of
     * reply, whether the visitor said it did not help, the answer it got), so that a page can tell them apart. Each has
     * one reason, and {@link Reason#HANDOFF} with it when the visitor then asked for a person.
     */
    public List<Missed> each(Timestamp start, Timestamp end) {
        List<Missed> rows = new java.util.ArrayList<>();
        for (ConversationRecords.MissedReply reply :
                conversations.missedReplies(start, end, properties.lowConfidence(), MOST_FREQUENT)) {
            boolean declined = reply.kind().equals("unknown") && reply.ruled();
            Set<Reason> reasons = EnumSet.noneOf(Reason.class);
            reasons.add(
                    reply.unhelpful()
                            ? Reason.NOT_HELPFUL
                            : reply.kind().equals("answer")
                                    ? Reason.LOW_CONFIDENCE
                                    : declined ? Reason.OUT_OF_SCOPE : Reason.NOT_IN_KNOWLEDGE_BASE);
            if (reply.handoff()) {
                reasons.add(Reason.HANDOFF);
            }
            rows.add(new Missed(
                    QuestionTexts.normalise(reply.question()),
                    reply.count(),
                    Collections.unmodifiableSet(reasons),
                    reply.lastAsked(),
                    reply.answer() == null ? Map.of() : Map.of(reply.itemId(), reply.answer())));
        }
        return List.copyOf(rows);
    }

    /** Missed texts merged: counts added, reasons and answers together, the latest time. */
    static final class Tally {
        int count;
        final Set<Reason> reasons = EnumSet.noneOf(Reason.class);
        final Map<String, String> answers = new LinkedHashMap<>();
        Instant lastAsked;

        void add(Missed missed) {
            count += missed.count();
            reasons.addAll(missed.reasons());
            missed.answers().forEach(answers::putIfAbsent);
            lastAsked = lastAsked == null || missed.lastAsked().isAfter(lastAsked) ? missed.lastAsked() : lastAsked;
        }

        Missed missed(String text) {
            return new Missed(
                    text, count, Collections.unmodifiableSet(EnumSet.copyOf(reasons)), lastAsked, Map.copyOf(answers));
        }
    }
}
