package com.clinicfaq.policy;

/** Which branch of the conversation policy a visitor message falls in, with the rule that decided it. */
public sealed interface Decision {

    /** The id of the rule in {@code policy.yml} that decided, or "" for {@link AskKnowledgeBase}. */
    String ruleId();

    /**
     * A red flag: show the rule's guidance (call 911 / 988) before anything else.
     *
     * @param guidance in the language of the message
     * @param language the language the message was written in (the guidance's and the offer's)
     * @param basis why, for staff: the pattern that matched, or the closest curated message and its similarity
     */
    record Emergency(String ruleId, String title, String guidance, Language language, String basis)
            implements Decision {

        public Emergency(String ruleId, String title, String guidance) {
            this(ruleId, title, guidance, Language.ENGLISH, "");
        }
    }

    /** The visitor asks about their own symptoms, candidacy, medications or conditions. */
    record NeedsClinician(String ruleId, String title) implements Decision {}

    /** The visitor wants an appointment or a person to contact them. */
    record Booking(String ruleId) implements Decision {}

    /**
     * A greeting, thanks, goodbye and the like, answered with the rule's curated reply.
     *
     * @param replyEs the reply in Spanish; "" when the rule has none
     * @param offersHandoff whether the reply offers a member of staff's follow-up ("that's not what I asked")
     */
    record SmallTalk(String ruleId, String reply, String replyEs, boolean offersHandoff) implements Decision {

        public SmallTalk(String ruleId, String reply) {
            this(ruleId, reply, "", false);
        }

        /** The reply in the visitor's language, English when the rule has none in theirs. */
        public String reply(Language language) {
            return language == Language.SPANISH && spanish() ? replyEs : reply;
        }

        public boolean spanish() {
            return replyEs != null && !replyEs.isBlank();
        }
    }

    /** Anything else: look the question up in the knowledge base. */
    record AskKnowledgeBase() implements Decision {
        @Override
        public String ruleId() {
            return "";
        }
    }
}
