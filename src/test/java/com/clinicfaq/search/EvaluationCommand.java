package com.clinicfaq.search;

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

    private static final List<String> SETS = List.of("dev", "holdout");

    public static void main(String[] args) {
        Locale.setDefault(Locale.ROOT);
        List<String> options = Arrays.asList(args);
        KnowledgeBase knowledge = new KnowledgeBaseReader().read(Path.of("knowledge-base"));
        Embedder embedder = new MiniLmEmbedder();
        try (AnswerEngine engine = new AnswerEngine(knowledge, embedder, Scoring.CALIBRATED)) {
            if (options.contains("--calibrate")) {
                calibrate(engine);
                return;
            }
            System.out.printf("ClinicFAQ answer engine evaluation (Java %s, %d cores)%n%n",
                    System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
            List<EvaluationSet> sets = SETS.stream().map(EvaluationSet::load).toList();
            for (EvaluationSet set : sets) {
                Evaluation evaluation = Evaluation.run(set, engine::answer);
                System.out.println(evaluation.summary());
                if (options.contains("--misses")) {
                    evaluation.misses().forEach(miss -> System.out.println("    " + describe(miss)));
                }
            }
            latency(engine, knowledge, sets);
        }
    }

    private static String describe(Evaluation.Miss miss) {
        String got = switch (miss.answer()) {
            case Answer.Found found -> "answered %s (%.3f): %s".formatted(found.itemId(), found.confidence(), shorten(found.text()));
            case Answer.Unknown unknown -> "did not know (%.3f)".formatted(unknown.confidence());
            case Answer.OutOfScope out -> "out of scope: %s (%.3f)".formatted(out.topicId(), out.confidence());
        };
        return "[%s] %s -> %s".formatted(miss.question().kind(), miss.question().text(), got);
    }

    private static String shorten(String text) {
        return text.length() <= 90 ? text : text.substring(0, 87) + "...";
    }

    private static void latency(AnswerEngine engine, KnowledgeBase knowledge, List<EvaluationSet> sets) {
        List<String> questions = sets.stream().flatMap(s -> s.questions().stream()).map(EvaluationSet.Question::text).toList();
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
        long[] builds = new long[5];
        for (int i = 0; i < builds.length; i++) {
            builds[i] = engine.rebuild(knowledge).buildMillis();
        }
        Arrays.sort(builds);
        AnswerEngine.IndexStats stats = engine.rebuild(knowledge);
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        System.out.printf("%nlatency per answer over %d answers: median %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                nanos.length, nanos[nanos.length / 2] / 1e6, nanos[nanos.length * 90 / 100] / 1e6,
                nanos[nanos.length * 99 / 100] / 1e6, nanos[nanos.length - 1] / 1e6);
        System.out.printf("index build: %d items, %d documents, median %d ms of %d builds%n",
                stats.items(), stats.documents(), builds[builds.length / 2], builds.length);
        System.out.printf("heap used after GC: %d MB (max heap %d MB)%n",
                (runtime.totalMemory() - runtime.freeMemory()) >> 20, runtime.maxMemory() >> 20);
    }

    /** Grid search on the development half only; the holdout half stays unseen by the tuning. */
    private static void calibrate(AnswerEngine engine) {
        EvaluationSet dev = EvaluationSet.load("dev");
        Map<String, Evidence> evidence = dev.questions().stream()
                .map(EvaluationSet.Question::text)
                .distinct()
                .collect(Collectors.toMap(q -> q, engine::evidence));
        record Result(Scoring scoring, Evaluation evaluation) {
            double objective() {
                return Math.min(evaluation.accuracy(), evaluation.rejection()) + 0.01 * (evaluation.accuracy() + evaluation.rejection());
            }
        }
        List<Result> results = new ArrayList<>();
        for (double weight : new double[] {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.7}) {
            for (double saturation : new double[] {2, 4, 6, 10}) {
                for (double offset : new double[] {0, 0.05, 0.1, 0.15, 0.2}) {
                    for (double penalty : new double[] {0, 0.1, 0.2, 0.3, 0.4, 0.6}) {
                        for (double threshold = 0.3; threshold <= 1.2; threshold += 0.01) {
                            Scoring scoring = new Scoring(weight, saturation, offset, penalty, threshold);
                            Evaluation evaluation = Evaluation.run(dev, q -> AnswerEngine.decide(evidence.get(q), scoring));
                            results.add(new Result(scoring, evaluation));
                        }
                    }
                }
            }
        }
        results.sort((a, b) -> Double.compare(b.objective(), a.objective()));
        results.stream().limit(15).forEach(r -> System.out.println(r.scoring() + "  " + r.evaluation().summary()));
    }
}
