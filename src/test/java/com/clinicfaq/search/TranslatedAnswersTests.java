package com.clinicfaq.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicfaq.TestKnowledgeBases;
import com.clinicfaq.knowledge.KnowledgeBase;
import com.clinicfaq.knowledge.KnowledgeBaseReader;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Spanish questions answered from the reviewed Spanish translation of the article (issue #16). */
class TranslatedAnswersTests {

    private static AnswerEngine reviewed;
    private static AnswerEngine shipped;
    private static AnswerEngine library;

    @BeforeAll
    static void engines() {
        KnowledgeBaseReader reader = new KnowledgeBaseReader();
        reviewed = new AnswerEngine(
                reader.read(TestKnowledgeBases.shippedWithTranslationsReviewed("clinicfaq-translated")),
                SharedEmbedder.INSTANCE,
                Scoring.CALIBRATED);
        shipped = new AnswerEngine(reader.read(Path.of("knowledge-base")), SharedEmbedder.INSTANCE, Scoring.CALIBRATED);
        // a library of two: the reviewed kyphoplasty translation and the ablation article, in English only
        Path folder = TestKnowledgeBases.shippedWithTranslationsReviewed("clinicfaq-translated-library");
        TestKnowledgeBases.importArticle(
                folder,
                Path.of("src", "test", "resources", "library", "radiofrequency-ablation-sample.txt"),
                "--id",
                "radiofrequency-ablation-sample",
                "--reviewed",
                "2026-12-01");
        KnowledgeBase two = reader.read(folder);
        library = new AnswerEngine(two, SharedEmbedder.INSTANCE, Scoring.CALIBRATED);
    }

    @AfterAll
    static void close() {
        reviewed.close();
        shipped.close();
        library.close();
    }

    @Test
    void answersASpanishQuestionInSpanishFromTheReviewedTranslationWithItsSource() {
        Answer answer = reviewed.answerTranslated("¿cuánto tiempo dura el procedimiento de cifoplastia?", "es", null);

        assertThat(answer).isInstanceOfSatisfying(Answer.Found.class, found -> {
            assertThat(found.itemId()).isEqualTo("procedure-duration");
            assertThat(found.text()).contains("45 a 60 minutos");
            assertThat(found.source().articleTitle()).contains("cifoplastia");
            assertThat(found.confidence()).isBetween(0.0, 1.0);
        });
    }

    @Test
    void readsAWordVisitorsUseForTheSameThingAsTheTranslationsWord() {
        // "revisión" is nowhere in the translation; its synonyms line makes it "seguimiento", as in the FAQ's question
        assertThat(reviewed.answerTranslated("¿y cuándo es la revisión después de la cifoplastia?", "es", null))
                .isInstanceOfSatisfying(
                        Answer.Found.class, found -> assertThat(found.itemId()).isEqualTo("follow-up-visit"));
        assertThat(shipped.englishQuestion("¿y cuándo es la revisión después de la cifoplastia?", "es", null))
                .hasValue("When is the follow-up visit?");
    }

    @Test
    void readsWhichEnglishQuestionASpanishOneAsksFromATranslationNotYetReviewedWithoutSayingIt() {
        // the shipped translation is not reviewed: nothing of it is said, but its ways of asking tell the English
        // question
        assertThat(shipped.answerTranslated("¿es la cifoplastia una cirugía mayor?", "es", null))
                .isInstanceOf(Answer.Unknown.class);
        assertThat(shipped.englishQuestion("¿es la cifoplastia una cirugía mayor?", "es", null))
                .hasValue("Is kyphoplasty major surgery?");
        assertThat(shipped.answer("Is kyphoplasty major surgery?"))
                .isInstanceOfSatisfying(
                        Answer.Found.class, found -> assertThat(found.itemId()).isEqualTo("not-major-surgery"));

        // a topic the practice declines, asked in Spanish, stands for the topic's English way of asking: declined in
        // English too
        assertThat(shipped.englishQuestion("cuanto me va a costar la cifoplastia", "es", null))
                .hasValueSatisfying(
                        english -> assertThat(shipped.answer(english)).isInstanceOf(Answer.OutOfScope.class));

        // nothing like any of its questions, or a language it has no translation in
        assertThat(shipped.englishQuestion("¿dónde estacionan los autobuses escolares?", "es", null))
                .isEmpty();
        assertThat(shipped.englishQuestion("¿es la cifoplastia una cirugía mayor?", "fr", null))
                .isEmpty();
        // a reviewed translation answers in its own language instead
        assertThat(reviewed.englishQuestion("¿es la cifoplastia una cirugía mayor?", "es", null))
                .isEmpty();
    }

    @Test
    void quotesTheAuthorInSpanishWhereTheEnglishSpeaksInHerFirstPerson() {
        Answer answer =
                reviewed.answerTranslated("¿cuándo es la cita de seguimiento después de la cifoplastia?", "es", null);

        assertThat(answer)
                .isInstanceOfSatisfying(
                        Answer.Found.class,
                        found -> assertThat(found.text())
                                .startsWith("Del artículo de Dr. Weisbein sobre cifoplastia: “"));
    }

    @Test
    void declinesInSpanishATopicThePracticeDoesNotAnswer() {
        assertThat(reviewed.answerTranslated("¿cuánto me va a costar la cifoplastia?", "es", null))
                .isInstanceOfSatisfying(
                        Answer.OutOfScope.class,
                        declined -> assertThat(declined.topicId()).isEqualTo("cost"));
    }

    @Test
    void servesNoTranslationStaffHaveNotReviewed() {
        assertThat(shipped.answerTranslated("¿cuánto tiempo dura el procedimiento de cifoplastia?", "es", null))
                .isInstanceOf(Answer.Unknown.class);
    }

    @Test
    void neverAnswersAQuestionAboutAnotherProcedureFromThisOnesTranslation() {
        // the ablation article has no Spanish: its question is left to the English engine, never given kyphoplasty's
        // minutes
        assertThat(library.answerTranslated("¿cuánto tiempo dura la ablación por radiofrecuencia?", "es", null))
                .isInstanceOf(Answer.Unknown.class);
        assertThat(library.answerTranslated("¿cuánto tiempo dura la cifoplastia?", "es", null))
                .isInstanceOfSatisfying(
                        Answer.Found.class,
                        found -> assertThat(found.source().articleId()).isEqualTo("kyphoplasty-compression-fractures"));
    }
}
