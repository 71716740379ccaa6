package com.clinicfaq.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicfaq.curation.LibraryEvaluationCommand;
import com.clinicfaq.knowledge.KnowledgeBaseReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Staff curating an article the importer brought in, as in the console: the FAQ they curate answers the questions
 * asked its way, and the rest of the article keeps the answers it had. Curating one FAQ does not hand the whole
 * article over to the calibrated sum, which is tuned for an article curated throughout and answers an imported
 * article's own text far worse than the learned ranking.
 */
class CuratingAnImportedArticleTests {

    private static final String EPIDURAL = "epidural-steroid-injection-sample";

    /** A visitor's question the imported article answers only in a passage the engine does not find. */
    private static final String LIFTING = "How heavy of a thing am I allowed to pick up in the first couple of days?";

    /** Questions about the rest of the article. */
    private static final List<String> OTHERS = List.of(
            "How soon does an epidural steroid injection start working?",
            "What's the difference between the transforaminal and interlaminar approach?",
            "How long does the needle part take?",
            "Is it safe if I have diabetes?",
            "What are the risks of the injection?",
            "Can I drive myself home afterward?",
            "Does the shot fix the herniated disc?",
            "How many injections can I get in a year?");

    @Test
    void aCuratedFaqAnswersItsWaysOfAskingAndTheRestOfTheArticleKeepsItsAnswers() throws Exception {
        Path folder = LibraryEvaluationCommand.library();
        Map<String, String> before = new LinkedHashMap<>();
        String liftingBefore;
        try (AnswerEngine engine = engine(folder)) {
            liftingBefore = text(engine.answer(LIFTING, EPIDURAL));
            OTHERS.forEach(q -> before.put(q, text(engine.answer(q, EPIDURAL))));
        }
        assertThat(liftingBefore).doesNotContain("20 pounds");

        // staff curate one FAQ from the question the bot missed (the Unanswered page): a question, the ways visitors
        // ask it (the missed one among them), a sentence of the article as its answer
        Files.writeString(
                folder.resolve("faqs").resolve(EPIDURAL + ".md"),
                """

                ## How much can I lift after an epidural steroid injection? {#esi-lifting}
                section: what-to-expect-after-the-injection-and-during-recovery
                ? how heavy can I lift after the shot
                ? How heavy of a thing am I allowed to pick up in the first couple of days?
                ? can I carry heavy things after the injection
                ? when can I lift weights again after my epidural

                I ask you to avoid heavy lifting over 20 pounds and strenuous exercise for 48 hours, then resume \
                physical therapy after 2 to 3 days, because the injection works best when it makes room for active \
                rehabilitation.
                """,
                StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);

        String liftingAfter;
        String liftingInOtherWords;
        Map<String, String> after = new LinkedHashMap<>();
        try (AnswerEngine engine = engine(folder)) {
            liftingAfter = text(engine.answer(LIFTING, EPIDURAL));
            liftingInOtherWords = text(engine.answer("how heavy can I lift after my shot?", EPIDURAL));
            OTHERS.forEach(q -> after.put(q, text(engine.answer(q, EPIDURAL))));
        }
        List<String> changed =
                OTHERS.stream().filter(q -> !after.get(q).equals(before.get(q))).toList();
        assertThat(liftingAfter).contains("20 pounds");
        assertThat(liftingInOtherWords).contains("20 pounds");
        // the learned ranking reads a question's candidates together, so a new FAQ among them may move one answer of
        // the rest; handing the article to the calibrated sum moved most of them
        assertThat(changed)
                .as("questions answered otherwise after curating one FAQ")
                .hasSizeLessThanOrEqualTo(1);
    }

    private static AnswerEngine engine(Path folder) throws Exception {
        return new AnswerEngine(new KnowledgeBaseReader().read(folder), SharedEmbedder.INSTANCE, Scoring.CALIBRATED);
    }

    private static String text(Answer answer) {
        return switch (answer) {
            case Answer.Found found -> found.text();
            case Answer.OutOfScope declined -> "declined: " + declined.topicId();
            case Answer.Unknown unknown -> "unknown";
            case Answer.Ambiguous ambiguous -> "which procedure: " + ambiguous.choices();
        };
    }
}
