package com.clinicfaq.curation;

import com.clinicfaq.conversation.VisitorTurns;
import com.clinicfaq.conversation.VisitorTurns.FollowedAnswer;
import com.clinicfaq.curation.MissedQuestions.Missed;
import com.clinicfaq.curation.MissedQuestions.Reason;
import com.clinicfaq.search.QuestionGroups;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Answers the bot gave confidently that visitors did not take (issue #20): what the visitor did at once after the answer
 * says so. The next message asked for a person ({@link Reason#HANDOFF}); said that it did not answer the question
 * ({@link Reason#NOT_HELPFUL}); or asked the same question again: in the same words or nearly ({@link #SAME_WORDS}), close
 * in meaning ({@link #ASKED_AGAIN}), or so that the bot gave the very same answer again ({@link Reason#REPHRASED}). A next
 * question on something else is an ordinary follow-up, and the answer is not listed.
 */
@Component
class AnswerFollowUps {

    /**
     * Close enough in meaning (the cosine similarity of the engine's embeddings) for the next message to be the same
     * question asked again. Measured on pairs of visitors' questions with all-MiniLM-L6-v2: rewordings score from about
     * 0.65 ("how soon am i back on my feet", "when can i walk again") to 0.94, a follow-up on another point of the same
     * subject up to about 0.6 ("what is the cement made of", "is the bone cement safe": 0.59; "how long does the procedure
     * take", "how long is recovery": 0.49), so 0.6 misses some rewordings rather than list ordinary follow-ups.
     */
    static final double ASKED_AGAIN = 0.6;

    /** The share of their words (those that carry meaning) two texts share, at least, to be the same question retyped. */
    static final double SAME_WORDS = 0.6;

    /** Words too common to tell two questions apart, in English and Spanish. */
    private static final Set<String> COMMON = Set.of(
            "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "about", "from", "by",
            "as", "is", "are", "was", "were", "be", "been", "am", "do", "does", "did", "can", "could", "will", "would",
            "should", "may", "might", "i", "me", "my", "you", "your", "it", "its", "this", "that", "what", "which",
            "who", "how", "when", "where", "why", "there", "have", "has", "had", "get", "any", "some", "so", "if",
            "then", "just", "please", "mean", "no", "not", "ok", "okay", "im", "ive", "id", "dont", "s", "t", "el",
            "la", "los", "las", "lo", "de", "del", "que", "y", "o", "en", "un", "una", "es", "por", "para", "con", "se",
            "mi", "su", "como", "cuando", "cuanto", "puedo", "qué", "cómo", "cuándo", "cuánto");

    /** An answer the visitor did not take, and the question they asked next, if they asked one. */
    record Followed(Missed missed, String askedNext) {}

    private final VisitorTurns turns;
    private final QuestionGroups meaning;
    private final MissedQuestionsProperties properties;

    AnswerFollowUps(VisitorTurns turns, QuestionGroups meaning, MissedQuestionsProperties properties) {
        this.turns = turns;
        this.meaning = meaning;
        this.properties = properties;
    }

    /** The answers given from {@code start} (inclusive) to {@code end} (exclusive) that visitors did not take, newest first. */
    List<Followed> between(Instant start, Instant end) {
        List<FollowedAnswer> followed = turns.answersFollowed(start, end, properties.lowConfidence());
        List<Followed> missed = new ArrayList<>();
        List<FollowedAnswer> undecided = new ArrayList<>();
        for (FollowedAnswer answer : followed) {
            switch (answer.next()) {
                case PERSON -> missed.add(followed(answer, Reason.HANDOFF));
                case COMPLAINT -> missed.add(followed(answer, Reason.NOT_HELPFUL));
                case QUESTION -> {
                    if (answer.itemId().equals(answer.nextItemId())
                            || sameWords(answer.question(), answer.nextQuestion())) {
                        missed.add(followed(answer, Reason.REPHRASED));
                    } else {
                        undecided.add(answer);
                    }
                }
            }
        }
        double[] similarities = meaning.similarities(
                undecided.stream()
                        .map(a -> QuestionTexts.normalise(a.question()))
                        .toList(),
                undecided.stream()
                        .map(a -> QuestionTexts.normalise(a.nextQuestion()))
                        .toList());
        for (int i = 0; i < similarities.length; i++) {
            if (similarities[i] >= ASKED_AGAIN) {
                missed.add(followed(undecided.get(i), Reason.REPHRASED));
            }
        }
        return missed;
    }

    private static Followed followed(FollowedAnswer answer, Reason reason) {
        return new Followed(
                new Missed(
                        QuestionTexts.normalise(answer.question()),
                        1,
                        Set.of(reason),
                        answer.askedAt(),
                        Map.of(answer.itemId(), answer.answer())),
                answer.nextQuestion() == null ? null : QuestionTexts.normalise(answer.nextQuestion()));
    }

    /** Nearly the same words, those that carry meaning: the same question typed again, maybe with a typo mended. */
    static boolean sameWords(String first, String second) {
        Set<String> a = words(first);
        Set<String> b = words(second);
        if (a.isEmpty() || b.isEmpty()) {
            return QuestionTexts.normalise(first).equals(QuestionTexts.normalise(second));
        }
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        Set<String> either = new HashSet<>(a);
        either.addAll(b);
        return (double) both.size() / either.size() >= SAME_WORDS;
    }

    private static Set<String> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> !w.isEmpty() && !COMMON.contains(w))
                .collect(Collectors.toSet());
    }
}
