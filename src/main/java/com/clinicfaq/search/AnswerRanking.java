package com.clinicfaq.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;

/**
 * A learned ranking of the engine's candidates for a question about an article imported without curated phrasings
 * (issue #14): a logistic regression over what the calibrated sum weighs (meaning, words, votes, unknown words) and
 * what it does not: how close the candidate is to the best one, how many of the question's words (besides the
 * procedure's names) its text uses, and whether it holds what the question asks for ("how long" wants a duration, "how
 * many" a number), and how much of the candidates its section holds (an answer's section tends to hold several of the
 * passages close to the question). Its output is the probability that the candidate answers the question, so it is the answer's
 * confidence, on [0, 1]. Trained on the blind sample articles' dev questions ({@code AnswerRankingTrainer}); the
 * articles curated with phrasings keep the calibrated sum. Immutable and thread-safe.
 */
final class AnswerRanking {

    static final String RESOURCE = "answer-ranking.txt";
    static final int FEATURES = 22;

    private static final Pattern DURATION = Pattern.compile(
            "(?i)\\b(\\d+|one|two|three|four|five|six|seven|eight|nine|ten|a few|several|a couple of)\\b[^.]{0,20}?\\b"
                    + "(minutes?|hours?|days?|weeks?|months?|years?)\\b");
    private static final Pattern NUMBER =
            Pattern.compile("\\d|\\b(one|two|three|four|five|six|seven|eight|nine|ten|percent)\\b");
    private static final Pattern ASKS_DURATION = Pattern.compile(
            "(?i)\\bhow (long|soon|many (days|weeks|months|hours|minutes))\\b|\\bwhen (can|will|do|should)\\b");
    private static final Pattern ASKS_NUMBER = Pattern.compile(
            "(?i)\\bhow (many|much|often|likely|common)\\b|\\bwhat (percent|are the (odds|chances))\\b");
    private static final Pattern YES_NO =
            Pattern.compile("(?i)^\\s*(is|are|can|could|do|does|did|will|would|should|am)\\b");

    private final double[] weights;
    private final double threshold;
    private final double overrule;

    /** A ranking that never overrules an out-of-scope topic. */
    AnswerRanking(double[] weights, double threshold) {
        this(weights, threshold, NEVER);
    }

    /** An overrule no probability reaches. */
    static final double NEVER = 1.01;

    /**
     * @param overrule the least probability at which the article's best candidate answers even though an out-of-scope
     *        topic matches the question: the topics were written for other articles ("when can I drive after
     *        kyphoplasty"), and an imported article may answer what they decline ("can I drive after the implant?")
     */
    AnswerRanking(double[] weights, double threshold, double overrule) {
        if (weights.length != FEATURES) {
            throw new IllegalArgumentException("an answer ranking has " + FEATURES + " weights, not " + weights.length);
        }
        this.weights = weights.clone();
        this.threshold = threshold;
        this.overrule = overrule;
    }

    /** See {@link #AnswerRanking(double[], double, double)}. */
    double overrule() {
        return overrule;
    }

    /** The probability that the candidate answers the question. */
    double probability(double[] features) {
        double z = 0;
        for (int i = 0; i < FEATURES; i++) {
            z += weights[i] * features[i];
        }
        return 1 / (1 + Math.exp(-z));
    }

    /** The least probability that is answered; below it the engine says it does not know. */
    double threshold() {
        return threshold;
    }

    double[] weights() {
        return weights.clone();
    }

    /**
     * What the ranking reads of one candidate.
     *
     * @param questionWords the question's words as the documents' analyzer reads them, the procedure's names left out
     */
    static double[] features(
            Candidate c, Evidence evidence, String question, Set<String> questionWords, Set<String> itemWords) {
        double maxCosine = 0;
        double maxBm25 = 0;
        double maxHeading = 0;
        double maxGeneric = 0;
        for (Candidate other : evidence.candidates()) {
            maxGeneric = Math.max(maxGeneric, other.generic());
            maxCosine = Math.max(maxCosine, other.cosine());
            maxBm25 = Math.max(maxBm25, other.bm25());
            maxHeading = Math.max(maxHeading, other.heading());
        }
        String section = section(c.item());
        int inSection = 0;
        int counted = 0;
        double sectionCosine = 0;
        for (Candidate other : evidence.candidates()) {
            if (other.item().kind() == IndexedItem.Kind.OUT_OF_SCOPE) {
                continue;
            }
            counted++;
            if (section(other.item()).equals(section)) {
                inSection++;
                sectionCosine = Math.max(sectionCosine, other.cosine());
            }
        }
        long covered = questionWords.stream().filter(itemWords::contains).count();
        double coverage = questionWords.isEmpty() ? 0 : (double) covered / questionWords.size();
        String text = c.item().text();
        boolean asksDuration = ASKS_DURATION.matcher(question).find();
        boolean asksNumber = ASKS_NUMBER.matcher(question).find();
        return new double[] {
            1,
            c.cosine(),
            c.bm25() / (c.bm25() + 6.0),
            c.votes() / (double) AnswerEngine.VOTERS,
            evidence.unknownShare(),
            c.passage() ? 1 : 0,
            c.cosine() - maxCosine,
            maxBm25 == 0 ? 0 : c.bm25() / maxBm25,
            coverage,
            covered,
            asksDuration ? (DURATION.matcher(text).find() ? 1 : -1) : 0,
            asksNumber ? (NUMBER.matcher(text).find() ? 1 : -1) : 0,
            YES_NO.matcher(question).find() ? 1 : 0,
            Math.log1p(text.length()) / 7,
            c.cosine() * coverage,
            questionWords.size() / 10.0,
            c.heading(),
            c.heading() - maxHeading,
            c.generic(),
            c.generic() - maxGeneric,
            counted == 0 ? 0 : (double) inSection / counted,
            sectionCosine - maxCosine,
        };
    }

    /** The section a candidate comes from: a passage's article and section; a FAQ is its own. */
    static String section(IndexedItem item) {
        int slash = item.id().lastIndexOf('/');
        return item.kind() == IndexedItem.Kind.PASSAGE && slash > 0 ? item.id().substring(0, slash) : item.id();
    }

    /** The words of a text as the documents' analyzer reads them (stemmed, without stop words). */
    static Set<String> words(Analyzer analyzer, String text) {
        return new HashSet<>(KnowledgeIndex.tokens(analyzer, text));
    }

    /**
     * The words a candidate is found by: its text's, and for a FAQ its question's too ("how soon does it start
     * working" is answered by the FAQ of that question, whose answer says "within 3 to 7 days").
     */
    static Set<String> itemWords(Analyzer analyzer, IndexedItem item, String question) {
        Set<String> words = words(analyzer, item.text());
        if (question != null && item.kind() == IndexedItem.Kind.FAQ) {
            words.addAll(words(analyzer, question));
        }
        return words;
    }

    /** The question's words without the procedure's names: within its article they tell no passage from another. */
    static Set<String> questionWords(Analyzer analyzer, String question, List<ArticleTopics.Name> names) {
        Set<String> words = words(analyzer, question);
        if (names != null) {
            for (ArticleTopics.Name name : names) {
                for (String stem : name.stems()) {
                    words.removeIf(w -> w.startsWith(stem.toLowerCase(Locale.ROOT)));
                }
            }
        }
        return words;
    }

    /** The shipped ranking; null when there is none (then every article keeps the calibrated sum). */
    static AnswerRanking shipped() {
        try (InputStream in = AnswerRanking.class.getResourceAsStream(RESOURCE)) {
            return in == null ? null : read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One number a line: the threshold, the overrule, then the weights; lines starting with # are comments. */
    static AnswerRanking read(InputStream in) throws IOException {
        List<Double> numbers = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            String value = line.strip();
            if (!value.isEmpty() && !value.startsWith("#")) {
                numbers.add(Double.parseDouble(value));
            }
        }
        if (numbers.size() != FEATURES + 2) {
            throw new IOException("an answer ranking needs a threshold, an overrule and " + FEATURES + " weights");
        }
        double[] weights = new double[FEATURES];
        for (int i = 0; i < FEATURES; i++) {
            weights[i] = numbers.get(i + 2);
        }
        return new AnswerRanking(weights, numbers.getFirst(), numbers.get(1));
    }

    String write(String comment) {
        StringBuilder text = new StringBuilder();
        comment.lines().forEach(line -> text.append("# ").append(line).append('\n'));
        text.append(threshold).append('\n');
        text.append(overrule).append('\n');
        for (double w : weights) {
            text.append(w).append('\n');
        }
        return text.toString();
    }
}
