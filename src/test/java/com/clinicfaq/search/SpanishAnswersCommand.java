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
 * {@code --holdout} runs the holdout half (report only: tune on dev), {@code --misses} lists the wrong and the
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
        String half = options.contains("--holdout") ? "holdout" : "dev";
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
