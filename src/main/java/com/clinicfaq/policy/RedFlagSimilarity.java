package com.clinicfaq.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The policy's second line, beside the patterns: a message is taken for an emergency when one of its sentences is
 * close in meaning to a curated message of an emergency rule ({@code similar:} and {@code examples:}) and not
 * closer to a curated calm message ({@code not-emergencies:}). Every sentence is checked on its own, so an
 * emergency inside an ordinary question is caught; a long sentence is also read in overlapping stretches of words.
 * The thresholds are calibrated for recall on the dev half of the red-flag set (docs/evaluation.md).
 */
final class RedFlagSimilarity {

    /** An English sentence at least this close to an emergency's curated message may be one ... */
    static final double THRESHOLD = 0.45;
    /** ... when it is closer to it than to every calm message by at least this much. */
    static final double MARGIN = 0.15;
    /**
     * The same for a Spanish sentence: the model was trained on English, so Spanish sentences all look alike to it and
     * must be much closer.
     */
    static final double THRESHOLD_ES = 0.80;
    static final double MARGIN_ES = 0.15;
    /** Sentences shorter than this many words ("bye", "how big is the cut") are left to the patterns. */
    static final int MIN_WORDS = 4;
    /** Sentences longer than this many words are also read in stretches of this many words. */
    static final int WINDOW = 10;

    private static final Pattern SENTENCE_END = Pattern.compile("[.!?;:\\n\\r¿¡…]+|\\s+-\\s+|,\\s*(?=(?:and|but|also|plus|y|pero|tambien|también)\\b)");

    record Example(Rule rule, String text, float[] vector) {}

    /** What the closest curated messages were: for the decision and for staff. */
    record Match(Rule rule, String example, double similarity, double calmSimilarity, String calmExample, String segment,
            Language language, boolean inFrame) {

        boolean urgent() {
            if (inFrame) {
                return false;
            }
            return language == Language.SPANISH
                    ? similarity >= THRESHOLD_ES && similarity - calmSimilarity >= MARGIN_ES
                    : similarity >= THRESHOLD && similarity - calmSimilarity >= MARGIN;
        }

        /** The same match in a hypothetical, general, past or resolved frame: never an emergency by meaning alone. */
        Match framed() {
            return new Match(rule, example, similarity, calmSimilarity, calmExample, segment, language, true);
        }

        String basis() {
            return "similar in meaning (%.2f) to \"%s\"%s".formatted(similarity, example,
                    calmExample == null ? "" : "; closest calm message %.2f".formatted(calmSimilarity));
        }
    }

    private final SentenceEncoder encoder;
    private final List<Example> examples;
    /** The examples' vectors, side by side: the loops below run over them for every sentence of every message. */
    private final float[][] urgent;
    private final float[][] calm;
    private final List<String> calmTexts;

    RedFlagSimilarity(SentenceEncoder encoder, List<Rule> emergencyRules, List<String> notEmergencies) {
        this.encoder = encoder;
        List<Rule> owners = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (Rule rule : emergencyRules) {
            for (String text : concat(rule.examples(), rule.similar())) {
                owners.add(rule);
                texts.add(text);
            }
        }
        List<float[]> vectors = texts.isEmpty() ? List.of() : encoder.encodeCurated(texts);
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            examples.add(new Example(owners.get(i), texts.get(i), vectors.get(i)));
        }
        this.examples = List.copyOf(examples);
        this.urgent = vectors.toArray(float[][]::new);
        this.calmTexts = List.copyOf(notEmergencies);
        this.calm = notEmergencies.isEmpty() ? new float[0][] : encoder.encodeCurated(notEmergencies).toArray(float[][]::new);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** The most alarming sentence of the message, whether or not it passes the thresholds; empty for a message without words. */
    Optional<Match> closest(String message) {
        return closest(message, true);
    }

    /**
     * The first sentence of the message that is an emergency by meaning, if any. Cheaper than {@link #closest(String)}:
     * a sentence not close enough to any emergency is not compared with the calm messages.
     */
    Optional<Match> urgent(String message) {
        return closest(message, false).filter(Match::urgent);
    }

    private Optional<Match> closest(String message, boolean explain) {
        List<Segment> segments = segments(message);
        if (segments.isEmpty() || urgent.length == 0) {
            return Optional.empty();
        }
        List<float[]> vectors = encoder.encode(segments.stream().map(Segment::text).toList());
        Match best = null;
        for (int s = 0; s < segments.size(); s++) {
            Segment segment = segments.get(s);
            Match match = match(segment.text(), vectors.get(s), explain);
            if (match == null) {
                continue; // not close enough to any emergency to be one, whatever the calm messages
            }
            if (segment.framed() && !(match.rule().evenIfHypothetical() && !segment.framedOtherThanByHypothesis())) {
                match = match.framed();
            }
            if (best == null || rank(match) > rank(best)) {
                best = match;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Urgent matches first, then by how far above the calm messages. */
    private static double rank(Match match) {
        return (match.urgent() ? 10 : 0) + match.similarity() - match.calmSimilarity();
    }

    /**
     * The closest emergency and calm messages; null when {@code explain} is off and the sentence is below the
     * emergency threshold, so that it is not compared with the calm messages at all.
     */
    private Match match(String segment, float[] vector, boolean explain) {
        int nearest = -1;
        double similarity = -1;
        for (int i = 0; i < urgent.length; i++) {
            double s = encoder.dot(vector, urgent[i]);
            if (s > similarity) {
                similarity = s;
                nearest = i;
            }
        }
        Language language = Language.of(segment);
        if (!explain && similarity < (language == Language.SPANISH ? THRESHOLD_ES : THRESHOLD)) {
            return null;
        }
        double calmSimilarity = -1;
        String calmExample = null;
        for (int i = 0; i < calm.length; i++) {
            double s = encoder.dot(vector, calm[i]);
            if (s > calmSimilarity) {
                calmSimilarity = s;
                calmExample = calmTexts.get(i);
            }
        }
        Example example = examples.get(nearest);
        return new Match(example.rule(), example.text(), similarity, calmSimilarity, calmExample, segment, language, false);
    }

    /**
     * A sentence or a stretch of one, and whether its sentence is framed: denied, hypothetical, general, past,
     * over or figurative ({@link Context}); a framed sentence is never an emergency by meaning alone.
     */
    record Segment(String text, boolean framed, boolean framedOtherThanByHypothesis) {}

    /** The message's sentences, and stretches of its long sentences; at most 24 pieces. */
    static List<Segment> segments(String message) {
        if (message == null || message.codePoints().noneMatch(Character::isLetter)) {
            return List.of();
        }
        List<Segment> segments = new ArrayList<>();
        for (String sentence : SENTENCE_END.split(message)) {
            String[] words = sentence.strip().split("\\s+");
            if (sentence.codePoints().noneMatch(Character::isLetter)) {
                continue;
            }
            if (Words.of(sentence).size() < MIN_WORDS) {
                continue;
            }
            Context context = Context.of(sentence);
            boolean framed = context.anyTrigger();
            boolean framedOtherwise = context.anyTriggerButHypothesis();
            segments.add(new Segment(sentence.strip(), framed, framedOtherwise));
            if (words.length > WINDOW + 2) {
                for (int start = 0; start < words.length; start += WINDOW / 2) {
                    int end = Math.min(words.length, start + WINDOW);
                    segments.add(new Segment(String.join(" ", java.util.Arrays.copyOfRange(words, start, end)), framed,
                            framedOtherwise));
                    if (end == words.length) {
                        break;
                    }
                }
            }
        }
        if (segments.size() == 1 && Words.of(segments.getFirst().text()).equals(Words.of(message))) {
            // the whole message, as typed: the answer engine embeds the same text, so it is embedded once
            Segment only = segments.getFirst();
            return List.of(new Segment(message.strip(), only.framed(), only.framedOtherThanByHypothesis()));
        }
        return segments.size() > 24 ? List.copyOf(segments.subList(0, 24)) : List.copyOf(segments);
    }
}
