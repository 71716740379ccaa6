package com.clinicfaq.search;

import com.clinicfaq.knowledge.CsvRecords;
import com.clinicfaq.knowledge.Faq;
import com.clinicfaq.knowledge.KnowledgeBase;
import com.clinicfaq.knowledge.KnowledgeBaseReader;
import com.clinicfaq.knowledge.Translation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The Spanish answers from the reviewed translations, on the Spanish set's questions, engine alone (no policy):
 * {@code ./mvnw -q test-compile exec:exec@spanish-answers} (issue #16). A Spanish answer is right when the English item it
 * translates holds one of the facts expected in English. Unreviewed translations are read as reviewed. Options:
 * {@code --holdout} runs the holdout half (report only: tune on dev), {@code --half=dev2} any half by its name, {@code
 * --gloss} compares the readings of a
 * question word by word in English ({@link SpanishGloss}), {@code --latency} times a Spanish question's path, {@code
 * --misses} lists the wrong and the
 * declined, {@code --grid} tries other weights and thresholds on the half, {@code --margin=0.02} answers only a question whose best item leads the next by that much (it lost more right answers than wrong ones on dev).
 */
public final class SpanishAnswersCommand {

    record Case(String question, List<String> expectedEn, String kind) {}

    static boolean CLOSEST;
    static double MARGIN = 0;

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        List<String> options =
                Arrays.stream(args).flatMap(a -> Arrays.stream(a.split("\\s+"))).toList();
        String half = options.stream()
                .filter(o -> o.startsWith("--half="))
                .map(o -> o.substring(7))
                .findFirst()
                .orElse(options.contains("--holdout") ? "holdout" : "dev");
        CLOSEST = !options.contains("--union");
        MARGIN = options.stream()
                .filter(o -> o.startsWith("--margin="))
                .map(o -> Double.parseDouble(o.substring(9)))
                .findFirst()
                .orElse(0.0);
        KnowledgeBase read = new KnowledgeBaseReader().read(Path.of("knowledge-base"));
        KnowledgeBase knowledge = new KnowledgeBase(
                read.articles(),
                read.faqs(),
                read.synonyms(),
                read.outOfScope(),
                read.translations().stream()
                        .map(t -> t.isReviewed()
                                ? t
                                : new Translation(
                                        t.articleId(),
                                        t.language(),
                                        t.title(),
                                        t.names(),
                                        LocalDate.now(),
                                        t.sections(),
                                        t.faqs(),
                                        t.synonyms()))
                        .toList());
        List<Case> cases = Files.readAllLines(
                        Path.of("knowledge-base/checks/spanish-" + half + ".csv"), StandardCharsets.UTF_8)
                .stream()
                .skip(1)
                .filter(l -> !l.isBlank())
                .map(CsvRecords::fields)
                .map(f -> new Case(
                        f.get(0),
                        f.get(1).isBlank()
                                ? List.of()
                                : Arrays.stream(f.get(1).split("\\|"))
                                        .map(String::strip)
                                        .toList(),
                        f.get(3)))
                .filter(c -> !c.kind().equals("small-talk") && !c.kind().equals("booking"))
                .toList();
        try (AnswerEngine engine = new AnswerEngine(knowledge, OnnxEmbedder.allMiniLmL6V2(), Scoring.CALIBRATED)) {
            List<List<TranslatedIndex.Scored>> ranked = new ArrayList<>();
            for (Case c : cases) {
                ranked.add(engine.rankTranslated(c.question(), "es", 20));
            }
            report(
                    knowledge,
                    cases,
                    ranked,
                    TranslatedIndex.ASKED_WORDS,
                    TranslatedIndex.TEXT_WORDS,
                    TranslatedIndex.ASKED_MEANING,
                    TranslatedIndex.TEXT_MEANING,
                    AnswerEngine.TRANSLATED_THRESHOLD,
                    options.contains("--misses"));
            if (options.contains("--latency")) {
                // as the service embeds: through a question memory, here one too small to remember a question from one
                // round to the next, so that only what one message embeds twice is reused
                try (AnswerEngine remembering = new AnswerEngine(
                        knowledge, new QuestionVectors(OnnxEmbedder.allMiniLmL6V2(), 4), Scoring.CALIBRATED)) {
                    latency(remembering, cases);
                }
            }
            if (options.contains("--gloss")) {
                List<List<TranslatedIndex.Scored>> asWritten = new ArrayList<>();
                for (Case c : cases) {
                    asWritten.add(engine.rankTranslated(c.question(), c.question(), "es", 20));
                }
                System.out.println("The reviewed translation, its meaning read from the question as written (before):");
                report(
                        knowledge,
                        cases,
                        asWritten,
                        TranslatedIndex.ASKED_WORDS,
                        TranslatedIndex.TEXT_WORDS,
                        TranslatedIndex.ASKED_MEANING,
                        TranslatedIndex.TEXT_MEANING,
                        AnswerEngine.TRANSLATED_THRESHOLD,
                        false);
                gloss(engine, knowledge, cases, asWritten, false);
                System.out.println("The reviewed translation, its meaning read from the gloss (as served):");
                gloss(engine, knowledge, cases, ranked, options.contains("--misses"));
                if (read.translations().stream().anyMatch(t -> !t.isReviewed())) {
                    unreviewed(read, cases);
                }
            }
            if (options.contains("--grid")) {
                for (double aw : new double[] {0.2, 0.35, 0.5}) {
                    for (double tw : new double[] {0, 0.15, 0.3}) {
                        for (double am : new double[] {0.2, 0.35, 0.5}) {
                            for (double tm : new double[] {0, 0.15, 0.3}) {
                                for (double t : new double[] {0.3, 0.35, 0.4, 0.45, 0.5, 0.55}) {
                                    report(knowledge, cases, ranked, aw, tw, am, tm, t, false);
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private static void report(
            KnowledgeBase knowledge,
            List<Case> cases,
            List<List<TranslatedIndex.Scored>> ranked,
            double aw,
            double tw,
            double am,
            double tm,
            double threshold,
            boolean misses) {
        int answerable = 0;
        int right = 0;
        int wrong = 0;
        int declinedRight = 0;
        int outOfScope = 0;
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            TranslatedIndex.Scored best = null;
            double bestScore = -1;
            double second = -1;
            for (TranslatedIndex.Scored s : ranked.get(i)) {
                double score = aw * (CLOSEST ? s.closestAsked() : s.askedWords())
                        + tw * s.textWords()
                        + am * Math.max(0, s.askedMeaning())
                        + tm * Math.max(0, s.textMeaning());
                if (score > bestScore) {
                    second = bestScore;
                    bestScore = score;
                    best = s;
                } else if (score > second) {
                    second = score;
                }
            }
            boolean answered =
                    best != null && bestScore >= threshold && !best.item().declined() && bestScore - second >= MARGIN;
            if (c.expectedEn().isEmpty()) {
                outOfScope++;
                declinedRight += answered ? 0 : 1;
                if (misses && answered) {
                    System.out.printf(
                            "  ANSWERED %.2f %s: %s%n", bestScore, best.item().id(), c.question());
                }
                continue;
            }
            answerable++;
            boolean correct = answered && holds(knowledge, best.item(), c.expectedEn());
            right += correct ? 1 : 0;
            wrong += answered && !correct ? 1 : 0;
            if (misses && !correct) {
                System.out.printf(
                        "  %s %.2f %s: %s%n",
                        answered ? "WRONG   " : "DECLINED",
                        bestScore,
                        best == null ? "-" : best.item().id(),
                        c.question());
            }
        }
        System.out.printf(
                "weights %.2f %.2f %.2f %.2f threshold %.2f: right %d/%d, wrong %d, declined %d; not in the article declined %d/%d%n",
                aw,
                tw,
                am,
                tm,
                threshold,
                right,
                answerable,
                wrong,
                answerable - right - wrong,
                declinedRight,
                outOfScope);
    }

    /**
     * The English engine on each question as written and on its English gloss ({@link SpanishGloss}), alone and after
     * the reviewed translation: right, wrong and declined, as above.
     */
    private static void gloss(
            AnswerEngine engine,
            KnowledgeBase knowledge,
            List<Case> cases,
            List<List<TranslatedIndex.Scored>> ranked,
            boolean misses) {
        SpanishGloss gloss = SpanishGloss.shipped();
        int[] raw = new int[4];
        int[] glossed = new int[4];
        int[] translatedFirst = new int[4];
        int[] glossFirst = new int[4];
        double[] sure = {0.5, 0.6, 0.7, 0.8, 0.9, 0.95};
        int[][] sureGlossFirst = new int[sure.length][4];
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            String english = gloss.gloss(c.question());
            Answer asWritten = engine.answer(c.question());
            Answer fromGloss = engine.answer(english);
            int g = count(glossed, c, fromGloss, null);
            count(raw, c, asWritten, null);
            TranslatedIndex.Scored best =
                    ranked.get(i).isEmpty() ? null : ranked.get(i).getFirst();
            boolean translated = best != null && best.score() >= AnswerEngine.TRANSLATED_THRESHOLD;
            Boolean translatedRight =
                    translated && !best.item().declined() ? holds(knowledge, best.item(), c.expectedEn()) : null;
            count(translatedFirst, c, translated ? null : fromGloss, translated ? translatedRight : null);
            count(
                    glossFirst,
                    c,
                    fromGloss instanceof Answer.Found || !translated ? fromGloss : null,
                    fromGloss instanceof Answer.Found || !translated ? null : translatedRight);
            for (int k = 0; k < sure.length; k++) {
                boolean sureOfGloss = fromGloss instanceof Answer.Found f && f.confidence() >= sure[k];
                count(
                        sureGlossFirst[k],
                        c,
                        sureOfGloss || !translated ? fromGloss : null,
                        sureOfGloss || !translated ? null : translatedRight);
            }
            if (misses && g != 0) {
                System.out.printf(
                        "  %s %s%n      %s%n      -> %s%n",
                        g == 1 ? "WRONG   " : "DECLINED",
                        c.question(),
                        english,
                        fromGloss instanceof Answer.Found f
                                ? f.itemId() + " " + String.format("%.2f", f.confidence())
                                : fromGloss.getClass().getSimpleName());
            }
        }
        print("English engine, the question as written", raw);
        print("English engine, the question's gloss", glossed);
        print("reviewed translation, else the gloss", translatedFirst);
        print("the gloss, else the reviewed translation", glossFirst);
        for (int k = 0; k < sure.length; k++) {
            print("the gloss at " + sure[k] + ", else the translation", sureGlossFirst[k]);
        }
    }

    /**
     * What a Spanish question costs in process, as the service answers one the reviewed translation does not: the
     * translation's ranking, the gloss asked of the English engine, and the English question read from a translation
     * not yet reviewed (none here: all are read as reviewed); every question
     * embedded afresh, ten rounds after two to warm up. Median and 99th percentile.
     */
    private static void latency(AnswerEngine engine, List<Case> cases) {
        List<Double> millis = new ArrayList<>();
        for (int round = 0; round < 12; round++) {
            for (Case c : cases) {
                long start = System.nanoTime();
                engine.answerTranslated(c.question(), "es", null);
                engine.answer(engine.readingInEnglish(c.question(), "es"));
                engine.englishQuestion(c.question(), "es", null);
                if (round >= 2) {
                    millis.add((System.nanoTime() - start) / 1e6);
                }
            }
        }
        millis.sort(null);
        System.out.printf(
                "a Spanish question, in process (%d timings): median %.2f ms, p90 %.2f ms, p99 %.2f ms%n",
                millis.size(), millis.get(millis.size() / 2), millis.get((int) (millis.size() * 0.9)), millis.get((int)
                        (millis.size() * 0.99)));
    }

    /**
     * The knowledge base as shipped, its translation not reviewed: the English question read from the translation's
     * ways of asking ({@link AnswerEngine#englishQuestion}), else the gloss, as the service does; and the other order.
     */
    private static void unreviewed(KnowledgeBase shipped, List<Case> cases) {
        try (AnswerEngine engine = new AnswerEngine(shipped, OnnxEmbedder.allMiniLmL6V2(), Scoring.CALIBRATED)) {
            int[] draftFirst = new int[4];
            int[] glossFirst = new int[4];
            int[] draftOnly = new int[4];
            for (Case c : cases) {
                var draft = engine.englishQuestion(c.question(), "es", null);
                Answer fromDraft = draft.map(engine::answer).orElse(new Answer.Unknown(0));
                Answer fromGloss = engine.answer(engine.readingInEnglish(c.question(), "es"));
                count(draftOnly, c, fromDraft, null);
                count(draftFirst, c, fromDraft instanceof Answer.Found ? fromDraft : fromGloss, null);
                count(glossFirst, c, fromGloss instanceof Answer.Found ? fromGloss : fromDraft, null);
            }
            System.out.println("As shipped, the translation not reviewed (answers in English with the note):");
            print("the translation's ways of asking (before)", draftOnly);
            print("those, else the gloss", draftFirst);
            print("the gloss, else those (as served)", glossFirst);
        }
    }

    /**
     * Counts an outcome: [right, wrong, declined, declined where it must be]; returns 0 when right (or rightly
     * declined), 1 when wrong, 2 when wrongly declined. {@code right} non-null stands for a translated answer.
     */
    private static int count(int[] counts, Case c, Answer answer, Boolean right) {
        boolean answered = right != null || answer instanceof Answer.Found;
        if (c.expectedEn().isEmpty()) {
            counts[3] += answered ? 0 : 1;
            return answered ? 1 : 0;
        }
        boolean correct = right != null
                ? right
                : answer instanceof Answer.Found f
                        && c.expectedEn().stream().anyMatch(e -> fold(f.text()).contains(fold(e)));
        int outcome = correct ? 0 : answered ? 1 : 2;
        counts[outcome]++;
        return outcome;
    }

    private static void print(String what, int[] counts) {
        System.out.printf(
                "%-45s right %d, wrong %d, declined %d; not in the article declined %d%n",
                what, counts[0], counts[1], counts[2], counts[3]);
    }

    /** Whether the English item the translated one stands for holds one of the expected facts. */
    static boolean holds(KnowledgeBase knowledge, TranslatedIndex.Item item, List<String> expected) {
        String english;
        if (item.faq()) {
            english = knowledge.faqs().stream()
                    .filter(f -> f.id().equals(item.id()))
                    .map(Faq::answer)
                    .findFirst()
                    .orElse("");
        } else {
            // the English paragraph of the same place in the section, when the translation keeps the section's
            // paragraphs
            var section = knowledge.article(item.articleId()).orElseThrow().sections().stream()
                    .filter(s -> s.anchor().equals(item.anchor()))
                    .findFirst()
                    .orElseThrow();
            int n = Integer.parseInt(item.id().substring(item.id().lastIndexOf('-') + 1));
            var translated = knowledge.translations().stream()
                    .filter(t -> t.articleId().equals(item.articleId()))
                    .flatMap(t -> t.section(item.anchor()).stream())
                    .findFirst()
                    .orElseThrow();
            english = translated.blocks().size() == section.blocks().size()
                    ? section.blocks().get(n - 1).text()
                    : section.blocks().stream().map(b -> b.text()).reduce("", (a, b) -> a + "\n" + b);
        }
        String folded = fold(english);
        return expected.stream().anyMatch(e -> folded.contains(fold(e)));
    }

    static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("\\s+", " ");
    }
}
