package com.clinicfaq.search;

import com.clinicfaq.curation.Evaluation;
import com.clinicfaq.curation.EvaluationSet;
import com.clinicfaq.knowledge.KnowledgeBase;
import com.clinicfaq.knowledge.KnowledgeBaseReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Prints the answer engine's accuracy, rejection rate and latency on the evaluation set:
 * {@code ./mvnw -q test-compile exec:exec@evaluate}. With {@code --misses} it lists every wrong
 * answer; with {@code --calibrate} it searches the scoring parameters on the development half.
 */
public final class EvaluationCommand {

    public static void main(String[] args) {
        Locale.setDefault(Locale.ROOT);
        List<String> options =
                Arrays.stream(args).flatMap(a -> Arrays.stream(a.split("\\s+"))).toList();
        KnowledgeBase knowledge = new KnowledgeBaseReader().read(Path.of("knowledge-base"));
        Embedder embedder = options.contains("--bge") ? OnnxEmbedder.bgeSmallEnV15() : OnnxEmbedder.allMiniLmL6V2();
        try (AnswerEngine engine = new AnswerEngine(knowledge, embedder, Scoring.CALIBRATED)) {
            if (options.contains("--confidence")) {
                confidence(engine);
                return;
            }
            if (options.contains("--calibrate")) {
                calibrate(engine, options.contains("--lexical-only"));
                return;
            }
            System.out.printf(
                    "ClinicFAQ answer engine evaluation (Java %s, %d cores)%n%n",
                    System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
            List<EvaluationSet> sets = EvaluationSet.NAMES.stream()
                    .map(name -> EvaluationSet.load(EvaluationSet.PROJECT_CHECKS, name))
                    .toList();
            for (EvaluationSet set : sets) {
                Evaluation evaluation = Evaluation.run(set, engine::answer);
                System.out.println(evaluation.summary());
                if (options.contains("--misses")) {
                    evaluation.misses().forEach(miss -> System.out.println("    " + describe(miss)));
                }
            }
            latency(engine, sets);
            builds(knowledge, embedder);
        }
    }

    private static String describe(Evaluation.Miss miss) {
        String got = switch (miss.answer()) {
            case Answer.Found found ->
                "answered %s (%s %.3f): %s"
                        .formatted(found.itemId(), found.basis(), found.confidence(), shorten(found.text()));
            case Answer.Unknown unknown -> "did not know (%.3f)".formatted(unknown.confidence());
            case Answer.OutOfScope out -> "out of scope: %s (%.3f)".formatted(out.topicId(), out.confidence());
            case Answer.Ambiguous ambiguous -> "which procedure? %s".formatted(ambiguous.choices());
        };
        return "[%s] %s -> %s".formatted(miss.question().kind(), miss.question().text(), got);
    }

    private static String shorten(String text) {
        return text.length() <= 90 ? text : text.substring(0, 87) + "...";
    }

    private static void latency(AnswerEngine engine, List<EvaluationSet> sets) {
        List<String> questions = sets.stream()
                .flatMap(s -> s.questions().stream())
                .map(EvaluationSet.Question::text)
                .toList();
        for (int round = 0; round < 20; round++) {
            questions.forEach(engine::answer);
        }
        int rounds = 10;
        long[] nanos = new long[questions.size() * rounds];
        int n = 0;
        for (int round = 0; round < rounds; round++) {
            for (String question : questions) {
                long start = System.nanoTime();
                engine.answer(question);
                nanos[n++] = System.nanoTime() - start;
            }
        }
        Arrays.sort(nanos);
        long lexical = questions.stream()
                .filter(q -> engine.answer(q) instanceof Answer.Found f && f.basis() == Answer.Basis.LEXICAL)
                .count();
        System.out.printf(
                "%nanswered from the words alone, without embedding the question: %d of %d questions%n",
                lexical, questions.size());
        System.out.printf(
                "latency per answer over %d answers: median %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                nanos.length,
                nanos[nanos.length / 2] / 1e6,
                nanos[nanos.length * 90 / 100] / 1e6,
                nanos[nanos.length * 99 / 100] / 1e6,
                nanos[nanos.length - 1] / 1e6);
    }

    private static void builds(KnowledgeBase knowledge, Embedder embedder) {
        long[] cold = new long[3];
        long[] warm = new long[5];
        AnswerEngine.IndexStats stats = null;
        for (int i = 0; i < cold.length; i++) {
            try (AnswerEngine engine = new AnswerEngine(knowledge, embedder, Scoring.CALIBRATED)) {
                stats = engine.stats();
                cold[i] = stats.buildMillis();
                for (int j = 0; j < warm.length && i == 0; j++) {
                    warm[j] = engine.rebuild(knowledge).buildMillis();
                }
            }
        }
        Arrays.sort(cold);
        Arrays.sort(warm);
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        System.out.printf(
                "index build: %d items, %d documents; every text embedded: median %d ms of %d builds; "
                        + "rebuild with unchanged texts: median %d ms of %d%n",
                stats.items(),
                stats.documents(),
                cold[cold.length / 2],
                cold.length,
                warm[warm.length / 2],
                warm.length);
        System.out.printf(
                "heap used after GC: %d MB (max heap %d MB)%n",
                (runtime.totalMemory() - runtime.freeMemory()) >> 20, runtime.maxMemory() >> 20);
    }

    /** The shortcut must answer as the full hybrid ranking would: how often it does, on the development half. */
    private static void shortcutAgreement(AnswerEngine engine, EvaluationSet dev) {
        int taken = 0, agreed = 0;
        for (EvaluationSet.Question question : dev.questions()) {
            if (engine.answer(question.text()) instanceof Answer.Found found && found.basis() == Answer.Basis.LEXICAL) {
                taken++;
                Answer hybrid = AnswerEngine.decide(engine.evidence(question.text()), Scoring.CALIBRATED);
                agreed += hybrid instanceof Answer.Found h && h.itemId().equals(found.itemId()) ? 1 : 0;
            }
        }
        System.out.printf(
                "shortcut (%s) on dev: taken for %d questions, same answer as the hybrid ranking for %d%n",
                Scoring.CALIBRATED.shortcut(), taken, agreed);
    }

    /** Grid search on the development half only; the holdout half stays unseen by the tuning. */
    private static void calibrate(AnswerEngine engine, boolean lexicalOnly) {
        EvaluationSet dev = EvaluationSet.load(EvaluationSet.PROJECT_CHECKS, "dev");
        Map<String, Evidence> evidence = dev.questions().stream()
                .map(EvaluationSet.Question::text)
                .distinct()
                .collect(Collectors.toMap(q -> q, engine::evidence));
        record Result(Scoring scoring, double accuracy, double rejection) {
            double objective() {
                return Math.min(accuracy, rejection) + 0.01 * (accuracy + rejection);
            }
        }
        List<Result> results = new ArrayList<>();
        for (double weight : lexicalOnly ? new double[] {1} : new double[] {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.7}) {
            for (double saturation : new double[] {2, 4, 6, 10}) {
                for (double offset : new double[] {0, 0.05, 0.1, 0.15, 0.2}) {
                    for (double penalty : new double[] {0, 0.1, 0.2, 0.3, 0.4, 0.6}) {
                        for (double votes : lexicalOnly ? new double[] {0} : new double[] {0, 0.1, 0.2, 0.3}) {
                            for (double threshold = -0.5; threshold <= 1.4; threshold += 0.01) {
                                Scoring scoring = new Scoring(
                                        lexicalOnly ? 0 : 1,
                                        weight,
                                        saturation,
                                        offset,
                                        penalty,
                                        votes,
                                        threshold,
                                        Scoring.Shortcut.NEVER);
                                Evaluation evaluation =
                                        Evaluation.run(dev, q -> AnswerEngine.decide(evidence.get(q), scoring));
                                results.add(new Result(scoring, evaluation.accuracy(), evaluation.rejection()));
                            }
                        }
                    }
                }
            }
        }
        results.sort((a, b) -> Double.compare(b.objective(), a.objective()));
        results.stream()
                .limit(10)
                .forEach(r -> System.out.printf(
                        "%s  dev accuracy %.1f %%, rejection %.1f %%%n",
                        r.scoring(), 100 * r.accuracy(), 100 * r.rejection()));
        Scoring best = results.getFirst().scoring();
        for (String set : EvaluationSet.NAMES) {
            System.out.println("best, without the shortcut: "
                    + Evaluation.run(
                                    EvaluationSet.load(EvaluationSet.PROJECT_CHECKS, set),
                                    q -> AnswerEngine.decide(engine.evidence(q), best))
                            .summary());
        }
        shortcutAgreement(engine, dev);
    }

    /**
     * Fits {@link Confidence} on the development half: for each question, the score of what the engine would give
     * (its best candidate, whatever the threshold) and whether that is right, for the calibrated sum and for the
     * lexical shortcut apart; then shows on the holdout half how often answers given with each confidence are right.
     */
    private static void confidence(AnswerEngine engine) {
        List<double[]> sum = new ArrayList<>();
        List<double[]> words = new ArrayList<>();
        for (EvaluationSet.Question q :
                EvaluationSet.load(EvaluationSet.PROJECT_CHECKS, "dev").questions()) {
            var lexical = engine.shortcutScore(q.text());
            if (lexical.isPresent()) {
                words.add(new double[] {lexical.get(), q.judge(engine.answer(q.text())) ? 1 : 0});
                continue;
            }
            Evidence evidence = engine.evidence(q.text());
            Scoring.CALIBRATED.best(evidence).ifPresent(best -> {
                IndexedItem item = best.candidate().item();
                Answer given = item.kind() == IndexedItem.Kind.OUT_OF_SCOPE
                        ? new Answer.OutOfScope(item.id(), item.text(), 0)
                        : new Answer.Found(item.shown(), item.source(), item.id(), 0, Answer.Basis.HYBRID);
                sum.add(new double[] {best.score(), q.judge(given) ? 1 : 0});
            });
        }
        double[] s = platt(sum);
        double[] w = platt(words);
        System.out.printf(
                "calibrated sum: %d questions, slope %.4f, intercept %.4f (a score of %.2f, the threshold, is %.2f)%n",
                sum.size(),
                s[0],
                s[1],
                Scoring.CALIBRATED.threshold(),
                Confidence.logistic(s[0] * Scoring.CALIBRATED.threshold() + s[1]));
        System.out.printf(
                "lexical shortcut: %d questions (%d right), slope %.4f, intercept %.4f%n",
                words.size(), words.stream().filter(p -> p[1] == 1).count(), w[0], w[1]);
        Confidence fitted = new Confidence(s[0], s[1], w[0], w[1]);
        System.out.println(
                "holdout: of the answers given with each confidence, how many were right (the fitted curves):");
        int[] given = new int[10];
        int[] right = new int[10];
        for (EvaluationSet.Question q :
                EvaluationSet.load(EvaluationSet.PROJECT_CHECKS, "holdout").questions()) {
            if (!(engine.answer(q.text()) instanceof Answer.Found found)) {
                continue;
            }
            double c = found.basis() == Answer.Basis.LEXICAL
                    ? fitted.ofLexical(engine.shortcutScore(q.text()).orElseThrow())
                    : fitted.of(Scoring.CALIBRATED
                            .best(engine.evidence(q.text()))
                            .orElseThrow()
                            .score());
            int bin = Math.min(9, (int) (c * 10));
            given[bin]++;
            right[bin] += q.judge(found) ? 1 : 0;
        }
        for (int bin = 0; bin < 10; bin++) {
            if (given[bin] > 0) {
                System.out.printf(
                        "    %.1f-%.1f: %3d answers, %5.1f %% right%n",
                        bin / 10.0, (bin + 1) / 10.0, given[bin], 100.0 * right[bin] / given[bin]);
            }
        }
    }

    /** A logistic curve p = 1 / (1 + e^-(a x + b)) fitted by Newton's method, slightly regularised; {a, b}. */
    static double[] platt(List<double[]> points) {
        double a = 0;
        double b = 0;
        double l2 = 1e-2;
        for (int iteration = 0; iteration < 100; iteration++) {
            double ga = l2 * a;
            double gb = 0;
            double haa = l2;
            double hab = 0;
            double hbb = 1e-9;
            for (double[] p : points) {
                double q = Confidence.logistic(a * p[0] + b);
                double r = q - p[1];
                ga += r * p[0];
                gb += r;
                double v = q * (1 - q);
                haa += v * p[0] * p[0];
                hab += v * p[0];
                hbb += v;
            }
            double det = haa * hbb - hab * hab;
            a -= (hbb * ga - hab * gb) / det;
            b -= (haa * gb - hab * ga) / det;
        }
        return new double[] {a, b};
    }
}
