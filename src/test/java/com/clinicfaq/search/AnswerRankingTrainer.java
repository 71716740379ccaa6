package com.clinicfaq.search;

import com.clinicfaq.curation.KnowledgeFiles;
import com.clinicfaq.curation.LibraryEvaluationCommand;
import com.clinicfaq.knowledge.Folding;
import com.clinicfaq.knowledge.KnowledgeBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Trains the learned ranking for imported articles ({@link AnswerRanking}) on the blind sample articles' dev
 * questions, asked on each article's page, and reports it leave one article out: for each sample, a ranking trained on
 * the other two, on its dev and holdout questions. {@code ./mvnw -q test-compile exec:exec@train-ranking}
 * ({@code -Dtrain-ranking.args=--write} writes the ranking trained on all three where the engine reads it).
 */
public final class AnswerRankingTrainer {

    /** One candidate of one question: what the ranking reads, and whether it answers. */
    record Example(double[] x, boolean right, String id) {
        Example(double[] x, boolean right) {
            this(x, right, "");
        }
    }

    /** One question asked on its article's page. */
    record Asked(
            String question,
            String article,
            boolean answerable,
            boolean declinedAsOutOfScope,
            List<Example> candidates,
            boolean calibratedRight) {}

    /** An experiment: a second embedding model's closeness in place of the heading's (--second=bge). */
    static Embedder SECOND;

    static boolean NO_HEADING;
    /** An experiment: word-piece soft matching (--tokens) in place of the heading's closeness. */
    static TokenVectors TOKENS;

    static String SECOND_PREFIX = "";
    static final Map<String, float[]> SECOND_TEXTS = new HashMap<>();
    /** Each candidate's text by its id, for --dump. */
    static final Map<String, String> TEXTS = new HashMap<>();

    static final double L2 = 1e-3;
    static final int EPOCHS = 30;
    /** A right candidate counts this many times a wrong one: a question has one or two among twenty. */
    static final double POSITIVE_WEIGHT = 3;

    static Asked ask(AnswerEngine engine, String article, LibraryEvaluationCommand.Question q) {
        Evidence evidence = engine.evidence(q.text(), article);
        Set<String> questionWords = engine.rankingWords(evidence.corrected(), article);
        List<Example> examples = new ArrayList<>();
        float[] second = SECOND == null ? null : SECOND.embed(SECOND_PREFIX + evidence.corrected());
        double maxSecond = 0;
        Map<Candidate, Double> secondCosine = new HashMap<>();
        if (second != null) {
            for (Candidate c : evidence.candidates()) {
                if (c.item().kind() != IndexedItem.Kind.OUT_OF_SCOPE) {
                    double cos = Vectors.dot(
                            second, SECOND_TEXTS.computeIfAbsent(c.item().text(), SECOND::embed));
                    secondCosine.put(c, cos);
                    maxSecond = Math.max(maxSecond, cos);
                }
            }
        }
        Map<Candidate, Double> soft = new HashMap<>();
        double maxSoft = 0;
        if (TOKENS != null) {
            float[][] qt = TOKENS.of(evidence.corrected());
            for (Candidate c : evidence.candidates()) {
                if (c.item().kind() != IndexedItem.Kind.OUT_OF_SCOPE) {
                    double r = TokenVectors.recall(qt, TOKENS.of(c.item().text()));
                    soft.put(c, r);
                    maxSoft = Math.max(maxSoft, r);
                }
            }
        }
        for (Candidate c : evidence.candidates()) {
            if (c.item().kind() == IndexedItem.Kind.OUT_OF_SCOPE) {
                continue;
            }
            boolean right = q.answerable()
                    && c.item().source() != null
                    && c.item().source().articleId().equals(article)
                    && q.expected().stream()
                            .anyMatch(s -> normalise(c.item().text()).contains(normalise(s)));
            double[] x = AnswerRanking.features(
                    c, evidence, evidence.corrected(), questionWords, engine.itemWords(c.item()));
            if (NO_HEADING) {
                x[16] = 0;
                x[17] = 0;
            }
            if (TOKENS != null) {
                x[16] = soft.get(c);
                x[17] = soft.get(c) - maxSoft;
            }
            if (second != null) {
                x[16] = secondCosine.get(c);
                x[17] = secondCosine.get(c) - maxSecond;
            }
            examples.add(new Example(x, right, c.item().id()));
            TEXTS.put(c.item().id(), c.item().text());
        }
        boolean outOfScope = engine.declines(q.text(), article);
        Answer calibrated = engine.answer(q.text(), article); // the engine without the ranking
        boolean calibratedRight = q.answerable()
                ? calibrated instanceof Answer.Found f
                        && f.source().articleId().equals(article)
                        && q.expected().stream()
                                .anyMatch(s -> normalise(f.text()).contains(normalise(s)))
                : !(calibrated instanceof Answer.Found);
        return new Asked(q.text(), article, q.answerable(), outOfScope, examples, calibratedRight);
    }

    static String normalise(String text) {
        return Folding.caseAndSpaces(text);
    }

    static AnswerRanking train(List<Asked> asked, double threshold) {
        int n = AnswerRanking.FEATURES;
        double[] w = new double[n];
        double[] g2 = new double[n];
        List<Example> all = new ArrayList<>();
        asked.forEach(a -> all.addAll(a.candidates()));
        Random random = new Random(3);
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            Collections.shuffle(all, random);
            for (Example e : all) {
                double z = 0;
                for (int i = 0; i < n; i++) {
                    z += w[i] * e.x()[i];
                }
                double err = 1 / (1 + Math.exp(-z)) - (e.right() ? 1 : 0);
                double weight = e.right() ? POSITIVE_WEIGHT : 1;
                for (int i = 0; i < n; i++) {
                    double g = weight * err * e.x()[i] + L2 * w[i];
                    g2[i] += g * g;
                    w[i] -= 0.1 * g / Math.sqrt(g2[i] + 1e-8);
                }
            }
        }
        return new AnswerRanking(w, threshold);
    }

    /** Right among answerable and declined among unanswerable, as the engine decides with this ranking. */
    static int[] judge(List<Asked> asked, AnswerRanking ranking, double threshold) {
        return judge(asked, ranking, threshold, Double.MAX_VALUE);
    }

    static int[] judge(List<Asked> asked, AnswerRanking ranking, double threshold, double overrule) {
        int[] counts = new int[5]; // right, answerable, declined, unanswerable, answers given
        for (Asked a : asked) {
            Example best = a.candidates().stream()
                    .max(Comparator.comparingDouble(e -> ranking.probability(e.x())))
                    .orElse(null);
            double p = best == null ? 0 : ranking.probability(best.x());
            boolean answers = (!a.declinedAsOutOfScope() || p >= overrule) && best != null && p >= threshold;
            counts[4] += answers ? 1 : 0;
            if (a.answerable()) {
                counts[0] += answers && best.right() ? 1 : 0;
                counts[1]++;
            } else {
                counts[2] += answers ? 0 : 1;
                counts[3]++;
            }
        }
        return counts;
    }

    static String describe(int[] c) {
        String text = "right %5.1f %% (%d/%d), declined %5.1f %% (%d/%d)"
                .formatted(100.0 * c[0] / Math.max(1, c[1]), c[0], c[1], 100.0 * c[2] / Math.max(1, c[3]), c[2], c[3]);
        return c.length > 4
                ? text + ", answers right %5.1f %% (%d/%d)".formatted(100.0 * c[0] / Math.max(1, c[4]), c[0], c[4])
                : text;
    }

    /** Calibration: of the answers given with a probability in each tenth, how many were right. */
    static void reliability(List<Asked> asked, AnswerRanking ranking) {
        int[] given = new int[10];
        int[] right = new int[10];
        for (Asked a : asked) {
            Example best = a.candidates().stream()
                    .max(Comparator.comparingDouble(e -> ranking.probability(e.x())))
                    .orElse(null);
            if (best == null || a.declinedAsOutOfScope()) {
                continue;
            }
            int bin = Math.min(9, (int) (ranking.probability(best.x()) * 10));
            given[bin]++;
            right[bin] += best.right() ? 1 : 0;
        }
        for (int bin = 0; bin < 10; bin++) {
            if (given[bin] > 0) {
                System.out.printf(
                        "    confidence %.1f-%.1f: %3d answers, %5.1f %% right%n",
                        bin / 10.0, (bin + 1) / 10.0, given[bin], 100.0 * right[bin] / given[bin]);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        List<String> options =
                Arrays.stream(args).flatMap(a -> Arrays.stream(a.split("\\s+"))).toList();
        Path folder = LibraryEvaluationCommand.library();
        Embedder embedder = OnnxEmbedder.allMiniLmL6V2();
        NO_HEADING = options.contains("--no-heading");
        if (options.contains("--tokens")) {
            TOKENS = new TokenVectors();
        }
        if (options.contains("--bge")) {
            SECOND = OnnxEmbedder.bgeSmallEnV15();
            SECOND_PREFIX = options.contains("--instruction")
                    ? "Represent this sentence for searching relevant passages: "
                    : "";
        }
        KnowledgeFiles.Parsed parsed = LibraryEvaluationCommand.withoutContradictions(folder, embedder);
        KnowledgeBase knowledge = parsed.knowledge();
        try (AnswerEngine engine = new AnswerEngine(knowledge, embedder, Scoring.CALIBRATED).ranking(null)) {
            Map<String, List<Asked>> dev = new HashMap<>();
            Map<String, List<Asked>> holdout = new HashMap<>();
            for (String article : LibraryEvaluationCommand.ARTICLES) {
                // questions asked alone on the article's page: follow-ups and topic changes depend on a conversation
                dev.put(
                        article,
                        LibraryEvaluationCommand.load(article, "dev").stream()
                                .filter(q -> q.context().isBlank())
                                .map(q -> ask(engine, article, q))
                                .toList());
                holdout.put(
                        article,
                        LibraryEvaluationCommand.load(article, "holdout").stream()
                                .filter(q -> q.context().isBlank())
                                .map(q -> ask(engine, article, q))
                                .toList());
            }
            String dump = options.stream()
                    .filter(o -> o.startsWith("--dump="))
                    .map(o -> o.substring("--dump=".length()))
                    .findFirst()
                    .orElse(null);
            if (dump != null) {
                dump(Path.of(dump), dev, holdout, embedder);
            }
            if (options.contains("--oracle")) {
                for (Map<String, List<Asked>> half : List.of(dev, holdout)) {
                    long answerable = half.values().stream()
                            .flatMap(List::stream)
                            .filter(Asked::answerable)
                            .count();
                    long reachable = half.values().stream()
                            .flatMap(List::stream)
                            .filter(a ->
                                    a.answerable() && a.candidates().stream().anyMatch(Example::right))
                            .count();
                    System.out.printf(
                            "%s: a right candidate among the candidates for %d of %d answerable questions%n",
                            half == dev ? "dev" : "holdout", reachable, answerable);
                }
            }
            // leave one article out: each article's questions ranked by a ranking trained on the others' (pooled below)
            double[] thresholds = {0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6};
            int[] reference = new int[4];
            Map<String, AnswerRanking> without = new HashMap<>();
            for (String out : LibraryEvaluationCommand.ARTICLES) {
                List<Asked> training = new ArrayList<>();
                LibraryEvaluationCommand.ARTICLES.stream()
                        .filter(a -> !a.equals(out))
                        .forEach(a -> training.addAll(dev.get(a)));
                AnswerRanking ranking = train(training, 0.5);
                without.put(out, ranking);
                int[] c = calibrated(dev.get(out));
                for (int i = 0; i < 4; i++) {
                    reference[i] += c[i];
                }
            }
            System.out.println("  left-out dev, the calibrated sum: " + describe(reference));
            // the threshold and the overrule together: the most questions handled right (answered right, or declined),
            // among
            // the pairs no worse than the calibrated sum on both whose answers are right at least half the time (an
            // answer
            // more likely wrong than right is worse than "I don't know" and an offer of staff)
            double[] overrules = {0.5, 0.6, 0.7, 0.8, 0.9, AnswerRanking.NEVER};
            int bestT = -1;
            int bestO = -1;
            double bestShares = -1;
            for (int t = 0; t < thresholds.length; t++) {
                for (int o = 0; o < overrules.length; o++) {
                    int[] c = new int[5];
                    for (String out : LibraryEvaluationCommand.ARTICLES) {
                        int[] d = judge(dev.get(out), without.get(out), thresholds[t], overrules[o]);
                        for (int i = 0; i < 5; i++) {
                            c[i] += d[i];
                        }
                    }
                    if (options.contains("--curve")) {
                        System.out.printf(
                                "  left-out dev at %.2f, overrule %.2f: %s%n",
                                thresholds[t], overrules[o], describe(c));
                    }
                    boolean noWorse = c[0] >= reference[0] && c[2] >= reference[2];
                    if (noWorse && 2 * c[0] >= c[4] && c[0] + c[2] > bestShares) {
                        bestShares = c[0] + c[2];
                        bestT = t;
                        bestO = o;
                    }
                }
            }
            if (bestT < 0) {
                System.out.println("no threshold is at least as good as the calibrated sum on both: nothing written");
                return;
            }
            double overrule = overrules[bestO];
            double threshold = thresholds[bestT];
            if (options.contains("--top")) {
                int[] top = new int[4];
                for (String out : LibraryEvaluationCommand.ARTICLES) {
                    AnswerRanking r = without.get(out);
                    for (Asked a : dev.get(out)) {
                        if (!a.answerable() || a.candidates().isEmpty()) {
                            continue;
                        }
                        top[3]++;
                        top[0] += a.candidates().stream()
                                        .max(Comparator.comparingDouble(e -> r.probability(e.x())))
                                        .get()
                                        .right()
                                ? 1
                                : 0;
                        top[1] += a.candidates().stream()
                                        .max(Comparator.comparingDouble(e -> e.x()[1]))
                                        .get()
                                        .right()
                                ? 1
                                : 0;
                        top[2] += a.candidates().stream().anyMatch(Example::right) ? 1 : 0;
                    }
                }
                if (options.contains("--wrong")) {
                    for (String out : LibraryEvaluationCommand.ARTICLES) {
                        AnswerRanking r = without.get(out);
                        for (Asked a : dev.get(out)) {
                            if (!a.answerable() || a.candidates().isEmpty()) {
                                continue;
                            }
                            List<Example> sorted = a.candidates().stream()
                                    .sorted(Comparator.comparingDouble((Example e) -> r.probability(e.x()))
                                            .reversed())
                                    .toList();
                            if (!sorted.getFirst().right()) {
                                int rank = -1;
                                for (int i = 0; i < sorted.size(); i++) {
                                    if (sorted.get(i).right()) {
                                        rank = i;
                                        break;
                                    }
                                }
                                System.out.printf(
                                        "    %s | top %s | right at %d %s%n",
                                        a.question(),
                                        sorted.getFirst().id(),
                                        rank,
                                        rank < 0 ? "" : sorted.get(rank).id());
                            }
                        }
                    }
                }
                System.out.printf(
                        "  left-out dev answerable: ranking top-1 %d, cosine top-1 %d, right among candidates %d, of %d%n",
                        top[0], top[1], top[2], top[3]);
            }
            System.out.printf(
                    "threshold %.2f, overrule %.2f: on the left-out articles' dev questions, the most handled right"
                            + " among those at least as good as the calibrated sum on both with answers right at least half the time%n",
                    threshold, overrule);
            List<Asked> pooledHoldout = new ArrayList<>();
            for (String out : LibraryEvaluationCommand.ARTICLES) {
                AnswerRanking ranking = without.get(out);
                System.out.printf(
                        "%-36s trained without it: dev %s | holdout %s%n",
                        out,
                        describe(judge(dev.get(out), ranking, threshold, overrule)),
                        describe(judge(holdout.get(out), ranking, threshold, overrule)));
                System.out.printf(
                        "%-36s the calibrated sum:  dev %s | holdout %s%n",
                        "", describe(calibrated(dev.get(out))), describe(calibrated(holdout.get(out))));
            }
            List<Asked> all = new ArrayList<>();
            LibraryEvaluationCommand.ARTICLES.forEach(a -> all.addAll(dev.get(a)));
            AnswerRanking trained = new AnswerRanking(train(all, threshold).weights(), threshold, overrule);
            LibraryEvaluationCommand.ARTICLES.forEach(a -> pooledHoldout.addAll(holdout.get(a)));
            System.out.println("reliability on the samples' holdout halves (the ranking trained on their dev halves):");
            reliability(pooledHoldout, trained);
            System.out.println("the ranking trained on every dev half, on the holdout halves: "
                    + describe(judge(pooledHoldout, trained, threshold, overrule)));
            if (options.contains("--check")) {
                // the same ranking in the engine, question by question: what a visitor would get
                engine.ranking(trained);
                int[] counts = new int[4];
                for (String article : LibraryEvaluationCommand.ARTICLES) {
                    for (LibraryEvaluationCommand.Question q : LibraryEvaluationCommand.load(article, "holdout")) {
                        if (!q.context().isBlank()) {
                            continue;
                        }
                        Answer answer = engine.answer(q.text(), article);
                        boolean right = q.answerable()
                                ? answer instanceof Answer.Found f
                                        && f.source().articleId().equals(article)
                                        && q.expected().stream()
                                                .anyMatch(
                                                        x -> normalise(f.text()).contains(normalise(x)))
                                : !(answer instanceof Answer.Found);
                        counts[q.answerable() ? 0 : 2] += right ? 1 : 0;
                        counts[q.answerable() ? 1 : 3]++;
                    }
                }
                System.out.println("the same ranking in the engine, on the holdout halves: " + describe(counts));
                engine.ranking(null);
            }
            if (options.contains("--write")) {
                Path file = Path.of("src", "main", "resources", "com", "clinicfaq", "search", AnswerRanking.RESOURCE);
                Files.createDirectories(file.getParent());
                Files.writeString(file, trained.write("""
                        The learned ranking for imported articles (AnswerRanking): the threshold, then the weights.
                        Written by ./mvnw -q test-compile exec:exec@train-ranking -Dtrain-ranking.args=--write
                        from the dev halves of the blind sample articles' question sets (src/test/resources/library)."""));
                System.out.println("written: " + file);
            }
        }
    }

    /**
     * Every candidate's features, one line each ({@code file}), with the question's and each candidate's meaning
     * ({@code file.vectors}, one vector a line, and {@code file.keys}, each candidate's line's two vectors): for
     * experiments with what the ranking could read, outside the build.
     */
    static void dump(Path file, Map<String, List<Asked>> dev, Map<String, List<Asked>> holdout, Embedder embedder)
            throws java.io.IOException {
        StringBuilder csv = new StringBuilder("half,article,question,answerable,declined,right");
        for (int i = 0; i < AnswerRanking.FEATURES; i++) {
            csv.append(",x").append(i);
        }
        csv.append('\n');
        StringBuilder vectors = new StringBuilder();
        StringBuilder keys = new StringBuilder("half,article,question,questionVector,candidateVector\n");
        Map<String, Integer> vectorOf = new HashMap<>();
        for (Map<String, List<Asked>> half : List.of(dev, holdout)) {
            for (String article : LibraryEvaluationCommand.ARTICLES) {
                List<Asked> asked = half.get(article);
                for (int q = 0; q < asked.size(); q++) {
                    Asked a = asked.get(q);
                    String where = (half == dev ? "dev" : "holdout") + "," + article + "," + q + ",";
                    int question = vector(vectorOf, vectors, "Q:" + a.question(), a.question(), embedder);
                    for (Example e : a.candidates()) {
                        csv.append(where)
                                .append(a.answerable() ? 1 : 0)
                                .append(',')
                                .append(a.declinedAsOutOfScope() ? 1 : 0)
                                .append(',')
                                .append(e.right() ? 1 : 0);
                        for (double v : e.x()) {
                            csv.append(',').append(v);
                        }
                        csv.append('\n');
                        int candidate = vector(vectorOf, vectors, "P:" + e.id(), TEXTS.get(e.id()), embedder);
                        keys.append(where)
                                .append(question)
                                .append(',')
                                .append(candidate)
                                .append('\n');
                    }
                }
            }
        }
        Files.writeString(file, csv);
        Files.writeString(Path.of(file + ".vectors"), vectors);
        Files.writeString(Path.of(file + ".keys"), keys);
        System.out.println("written: " + file);
    }

    /** The number of a text's vector, written once to {@code vectors} as "number,v1,v2,...". */
    private static int vector(
            Map<String, Integer> vectorOf, StringBuilder vectors, String key, String text, Embedder embedder) {
        Integer known = vectorOf.get(key);
        if (known != null) {
            return known;
        }
        int number = vectorOf.size();
        vectorOf.put(key, number);
        vectors.append(number);
        for (float f : embedder.embed(text)) {
            vectors.append(',').append(f);
        }
        vectors.append('\n');
        return number;
    }

    /** What the engine without the ranking (the calibrated sum) did with the same questions. */
    static int[] calibrated(List<Asked> asked) {
        int[] counts = new int[4];
        for (Asked a : asked) {
            counts[a.answerable() ? 0 : 2] += a.calibratedRight() ? 1 : 0;
            counts[a.answerable() ? 1 : 3]++;
        }
        return counts;
    }
}
