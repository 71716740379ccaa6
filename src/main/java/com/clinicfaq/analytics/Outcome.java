package com.clinicfaq.analytics;

import com.clinicfaq.conversation.BotMessage;

/** What became of a visitor's message, judged by the bot's first reply to it. */
public enum Outcome {
    ANSWERED("answered", "Answered"),
    LOW_CONFIDENCE("low_confidence", "Low confidence"),
    OUT_OF_SCOPE("out_of_scope", "Out of scope"),
    UNKNOWN("unknown", "Not in the knowledge base"),
    EMERGENCY("emergency", "Urgent guidance"),
    CLINICIAN("clinician", "Referred to a clinician"),
    SMALL_TALK("small_talk", "Small talk"),
    HANDOFF("handoff", "Contact form or offer"),
    CLARIFIED("clarified", "Asked which procedure"),
    OTHER("other", "Other");

    private final String tag;
    private final String label;

    Outcome(String tag, String label) {
        this.tag = tag;
        this.label = label;
    }

    /**
     * @param lowConfidence the reply's confidence is below the low-confidence threshold
     * @param ruled a knowledge item or rule is behind the reply; for an unknown, the out-of-scope topic
     */
    static Outcome of(BotMessage.Kind reply, boolean lowConfidence, boolean ruled) {
        return switch (reply) {
            case ANSWER -> lowConfidence ? LOW_CONFIDENCE : ANSWERED;
            case UNKNOWN -> ruled ? OUT_OF_SCOPE : UNKNOWN;
            case EMERGENCY -> EMERGENCY;
            case CLINICIAN -> CLINICIAN;
            case SMALLTALK -> SMALL_TALK;
            case HANDOFF_OFFER, HANDOFF_FORM, HANDOFF_CONFIRMED, HANDOFF_CANCELLED -> HANDOFF;
            case CLARIFY -> CLARIFIED;
            case GREETING -> OTHER;
        };
    }

    /** A question put to the knowledge base: answered, or not. */
    public boolean knowledgeQuestion() {
        return this == ANSWERED || missed();
    }

    /** A knowledge-base question that was not answered (well enough). */
    public boolean missed() {
        return this == LOW_CONFIDENCE || this == OUT_OF_SCOPE || this == UNKNOWN;
    }

    /** The metric tag: low-cardinality, stable. */
    public String tag() {
        return tag;
    }

    public String label() {
        return label;
    }
}
