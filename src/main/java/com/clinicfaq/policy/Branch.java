package com.clinicfaq.policy;

import java.util.List;

/** The branches of the policy, in the order they are tried; the names are those of {@code policy.yml}. */
enum Branch {
    EMERGENCY("emergency"),
    CLINICIAN("clinician"),
    BOOKING("booking"),
    SMALL_TALK("small-talk");

    final String key;

    Branch(String key) {
        this.key = key;
    }

    List<Rule> rules(PolicyRules rules) {
        return switch (this) {
            case EMERGENCY -> rules.emergency();
            case CLINICIAN -> rules.clinician();
            case BOOKING -> rules.booking();
            case SMALL_TALK -> rules.smallTalk();
        };
    }

    /** The branch of a decision, or null for {@link Decision.AskKnowledgeBase}. */
    static Branch of(Decision decision) {
        return switch (decision) {
            case Decision.Emergency e -> EMERGENCY;
            case Decision.NeedsClinician c -> CLINICIAN;
            case Decision.Booking b -> BOOKING;
            case Decision.SmallTalk s -> SMALL_TALK;
            case Decision.AskKnowledgeBase a -> null;
        };
    }
}
