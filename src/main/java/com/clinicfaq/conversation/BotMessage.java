package com.clinicfaq.conversation;

import com.clinicfaq.search.Answer;
import java.util.List;
import java.util.Objects;

/**
 * Something the bot says. It cannot exist without the medical disclaimer: every constructor path
 * checks it, so no bot message can reach a visitor or a transcript without one.
 *
 * @param ruleId the policy rule or knowledge item behind the message, for staff and analytics
 * @param basis why the policy decided so, for staff (urgent guidance: the words that matched, or the closest curated
 *     message and its similarity); "" when there is nothing to say
 * @param language the language the message is written in: "es" for guidance given in Spanish, else "en"
 */
public record BotMessage(
        Kind kind,
        String text,
        Answer.Source source,
        Double confidence,
        List<Action> actions,
        List<String> suggestions,
        boolean emergency,
        String ruleId,
        String disclaimer,
        String basis,
        String language) {

    public BotMessage {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        if (disclaimer == null || disclaimer.isBlank()) {
            throw new IllegalArgumentException("a bot message needs the medical disclaimer");
        }
        actions = List.copyOf(actions);
        suggestions = List.copyOf(suggestions);
        ruleId = ruleId == null ? "" : ruleId;
        basis = basis == null ? "" : basis.length() > MAX_BASIS ? basis.substring(0, MAX_BASIS - 1) + "…" : basis;
        language = "es".equals(language) ? "es" : "en";
    }

    public BotMessage(
            Kind kind,
            String text,
            Answer.Source source,
            Double confidence,
            List<Action> actions,
            List<String> suggestions,
            boolean emergency,
            String ruleId,
            String disclaimer,
            String basis) {
        this(kind, text, source, confidence, actions, suggestions, emergency, ruleId, disclaimer, basis, "en");
    }

    /** The longest basis kept, as the transcript stores it. */
    static final int MAX_BASIS = 500;

    public BotMessage(
            Kind kind,
            String text,
            Answer.Source source,
            Double confidence,
            List<Action> actions,
            List<String> suggestions,
            boolean emergency,
            String ruleId,
            String disclaimer) {
        this(kind, text, source, confidence, actions, suggestions, emergency, ruleId, disclaimer, "", "en");
    }

    public enum Kind {
        GREETING("greeting"),
        EMERGENCY("emergency"),
        CLINICIAN("clinician"),
        ANSWER("answer"),
        UNKNOWN("unknown"),
        /** Which procedure the visitor means, with a question per procedure to send (issue #14). */
        CLARIFY("clarify"),
        SMALLTALK("smalltalk"),
        HANDOFF_OFFER("handoff.offer"),
        HANDOFF_FORM("handoff.form"),
        HANDOFF_CONFIRMED("handoff.confirmed"),
        HANDOFF_CANCELLED("handoff.cancelled");

        private final String wire;

        Kind(String wire) {
            this.wire = wire;
        }

        /** The name in the protocol and the transcript. */
        public String wire() {
            return wire;
        }

        public static Kind ofWire(String wire) {
            for (Kind kind : values()) {
                if (kind.wire.equals(wire)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("unknown message kind " + wire);
        }
    }

    /** A button the visitor can press instead of typing. */
    public record Action(String type, String label) {

        public static final Action ACCEPT_HANDOFF = new Action("handoff.accept", "Yes, contact me");
        public static final Action DECLINE_HANDOFF = new Action("handoff.decline", "No, thanks");

        static List<Action> forTypes(String... types) {
            return java.util.Arrays.stream(types)
                    .flatMap(type -> java.util.stream.Stream.of(ACCEPT_HANDOFF, DECLINE_HANDOFF)
                            .filter(a -> a.type().equals(type)))
                    .toList();
        }
    }
}
