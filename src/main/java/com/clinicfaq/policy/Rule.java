package com.clinicfaq.policy;

import java.util.List;

/**
 * One curated rule of {@code policy.yml}.
 *
 * @param reply the guidance of an emergency rule or the reply of a small-talk rule; "" otherwise
 * @param replyEs the same guidance in Spanish (emergency rules); "" otherwise
 * @param patterns when the rule applies (syntax: the comment at the top of {@code policy.yml})
 * @param examples visitor messages the rule's patterns must catch; checked when the file is read
 * @param similar messages that mean the same as the rule (emergency rules, in any wording or language): a
 *     message closer in meaning to one of them than to any calm message is caught even when no pattern matches
 * @param evenIfHypothetical an emergency rule whose words count in a hypothesis too: "I'll end it if the surgery fails"
 *     is a threat to take seriously, where "what if I get a fever" is only a question
 * @param offersHandoff a small-talk rule whose reply offers a member of staff's follow-up ("that's not what I asked")
 * @param firmPatterns those of the patterns (an emergency rule's {@code firm-patterns:}) whose words the learned layer
 *     never overrules, however calm it reads the message: clinical words for a red flag ("urinary retention", "saddle
 *     numbness") that a layer trained on patients' words reads as calm in a nurse's note
 */
public record Rule(
        String id,
        String title,
        String reply,
        String replyEs,
        List<String> patterns,
        List<String> examples,
        List<String> similar,
        boolean evenIfHypothetical,
        boolean offersHandoff,
        List<String> firmPatterns) {

    public Rule {
        reply = reply == null ? "" : reply;
        replyEs = replyEs == null ? "" : replyEs;
        patterns = List.copyOf(patterns);
        examples = List.copyOf(examples);
        similar = List.copyOf(similar);
        firmPatterns = firmPatterns == null ? List.of() : List.copyOf(firmPatterns);
    }

    public Rule(String id, String title, String reply, List<String> patterns, List<String> examples) {
        this(id, title, reply, "", patterns, examples, List.of(), false, false, List.of());
    }

    /** The guidance in the visitor's language, English when there is none in theirs. */
    public String reply(Language language) {
        return language == Language.SPANISH && !replyEs.isBlank() ? replyEs : reply;
    }
}
