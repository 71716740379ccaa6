package com.clinicfaq.curation;

import com.clinicfaq.TestKnowledgeBases;
import com.clinicfaq.knowledge.KnowledgeBase;
import com.clinicfaq.search.AnswerEngine;
import com.clinicfaq.search.ContextualAnswer;
import com.clinicfaq.search.Embedder;
import com.clinicfaq.search.OnnxEmbedder;
import com.clinicfaq.search.Scoring;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a library of 31 articles costs (issue #14): the shipped knowledge base and ten renamed copies of each of the
 * three sample articles, imported by the importer command; the index build, then every question of the samples'
 * blind sets answered in process, on its article's page and from a page about no article.
 * {@code ./mvnw -q test-compile exec:exec@library-latency}. Nothing is remembered from one question to the next, so
 * every question is embedded afresh, the worst case; within a question a text is embedded once, as the service's
 * question memory does (here one that forgets everything before each question, as {@code exec@red-flags --latency}).
 */
public final class LibraryLatencyCommand {

    static final int COPIES = 10;

    private LibraryLatencyCommand() {}

    public static void main(String[] args) throws IOException {
        Locale.setDefault(Locale.ROOT);
        Path folder = TestKnowledgeBases.copyOfShipped("clinicfaq-library-30", false);
        List<String> ids = new ArrayList<>();
        for (String article : LibraryEvaluationCommand.FIRST_SAMPLES) {
            String text = Files.readString(
                    LibraryEvaluationCommand.SAMPLES.resolve(article + ".txt"), StandardCharsets.UTF_8);
            for (int copy = 1; copy <= COPIES; copy++) {
                Path source = folder.resolveSibling(folder.getFileName() + "-" + article + "-" + copy + ".txt");
                // a renamed copy: its own title line, the rest of the article as written
                Files.writeString(
                        source, text.replaceFirst("^[^\\n]+", "$0 (copy " + copy + ")"), StandardCharsets.UTF_8);
                String id = article + "-" + copy;
                TestKnowledgeBases.importArticle(folder, source, "--id", id, "--reviewed", "2026-12-01");
                ids.add(id);
            }
        }
        Embedder model = OnnxEmbedder.allMiniLmL6V2();
        OneMessageMemory embedder = new OneMessageMemory(model);
        KnowledgeFiles.Parsed parsed = LibraryEvaluationCommand.withoutContradictions(folder, model);
        KnowledgeBase knowledge = parsed.knowledge();
        long start = System.nanoTime();
        try (AnswerEngine engine = new AnswerEngine(knowledge, embedder, Scoring.CALIBRATED)) {
            long built = System.nanoTime() - start;
            AnswerEngine.IndexStats stats = engine.stats();
            System.out.printf(
                    "Library: %d articles, %d items, %d indexed texts; index built in %d ms (embedding every text once)%n",
                    knowledge.articles().size(), stats.items(), stats.documents(), built / 1_000_000);
            long rebuildStart = System.nanoTime();
            engine.rebuild(knowledge);
            System.out.printf(
                    "Rebuilt after a publish (texts already embedded are reused): %d ms%n",
                    (System.nanoTime() - rebuildStart) / 1_000_000);
            List<String[]> asked = new ArrayList<>(); // question, page article
            for (String article : LibraryEvaluationCommand.FIRST_SAMPLES) {
                for (String half : List.of("dev", "holdout")) {
                    for (LibraryEvaluationCommand.Question q : LibraryEvaluationCommand.load(article, half)) {
                        asked.add(new String[] {
                            q.text(),
                            article + "-" + (1 + Math.floorMod(q.text().hashCode(), COPIES))
                        });
                    }
                }
            }
            time("on the article's page", asked, engine, true, embedder);
            time("from a page about no article", asked, engine, false, embedder);
            // the questions asked after earlier ones, in the topic of their page, side by side: the topic's word alone,
            // and also read after the question before them (ContextualAnswer)
            List<String[]> followUps = new ArrayList<>(); // question, page article, the question before it
            for (String article : LibraryEvaluationCommand.FIRST_SAMPLES) {
                for (String half : List.of("dev", "holdout")) {
                    for (LibraryEvaluationCommand.Question q : LibraryEvaluationCommand.load(article, half)) {
                        if (!q.context().isBlank()) {
                            String[] earlier = q.context().split(" \\|\\| ");
                            followUps.add(new String[] {
                                q.text(),
                                article + "-" + (1 + Math.floorMod(q.text().hashCode(), COPIES)),
                                earlier[earlier.length - 1]
                            });
                        }
                    }
                }
            }
            java.util.function.Function<String, String> word = id -> knowledge
                    .article(id)
                    .map(com.clinicfaq.knowledge.Topics::of)
                    .orElse(null);
            time(
                    "after their question, in its topic, the topic's word only",
                    followUps,
                    q -> ContextualAnswer.asked(engine, q[0], q[1], word.apply(q[1])),
                    embedder);
            time(
                    "after their question, in its topic, also read after it",
                    followUps,
                    q -> ContextualAnswer.asked(engine, q[0], q[1], word.apply(q[1]), () -> q[2]),
                    embedder);
        }
    }

    private static void time(
            String what, List<String[]> asked, AnswerEngine engine, boolean onPage, OneMessageMemory memory) {
        time(what, asked, q -> engine.answer(q[0], onPage ? q[1] : null), memory);
    }

    private static void time(
            String what, List<String[]> asked, java.util.function.Consumer<String[]> answer, OneMessageMemory memory) {
        for (int warm = 0; warm < 3; warm++) {
            asked.forEach(q -> {
                memory.forget();
                answer.accept(q);
            });
        }
        List<Double> millis = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (String[] q : asked) {
                memory.forget();
                long t0 = System.nanoTime();
                answer.accept(q);
                millis.add((System.nanoTime() - t0) / 1e6);
            }
        }
        List<Double> sorted = millis.stream().sorted().toList();
        java.util.function.DoubleUnaryOperator at =
                p -> sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(p * sorted.size())));
        System.out.printf(
                "%d questions %s, 3 rounds after 3 to warm up: median %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                asked.size(),
                what,
                at.applyAsDouble(0.5),
                at.applyAsDouble(0.9),
                at.applyAsDouble(0.99),
                sorted.getLast());
    }
}
