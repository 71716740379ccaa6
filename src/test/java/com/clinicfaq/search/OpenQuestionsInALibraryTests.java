package com.clinicfaq.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicfaq.curation.LibraryEvaluationCommand;
import com.clinicfaq.knowledge.KnowledgeBase;
import com.clinicfaq.knowledge.KnowledgeBaseReader;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A practice's second article, imported by the importer alone beside the shipped, curated one, and questions that name
 * no procedure asked where the conversation has no topic yet (the demo page, a page about no article): the imported
 * article answers as it does on its own page, by its learned ranking, and the curated article as before.
 */
class OpenQuestionsInALibraryTests {

    private static final String STIMULATION = "spinal-cord-stimulation-sample";
    private static final String KYPHOPLASTY = "kyphoplasty-compression-fractures";
    private static AnswerEngine engine;

    @BeforeAll
    static void library() throws Exception {
        KnowledgeBase knowledge =
                new KnowledgeBaseReader().read(LibraryEvaluationCommand.library(List.of(STIMULATION)));
        engine = new AnswerEngine(knowledge, SharedEmbedder.INSTANCE, Scoring.CALIBRATED);
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    /** Each question, asked where the conversation has no topic, is met with "which procedure?" and both articles. */
    private static void asksWhichOfBoth(String... questions) {
        for (String question : questions) {
            assertThat(engine.answer(question))
                    .as(question)
                    .isInstanceOfSatisfying(
                            Answer.Ambiguous.class,
                            ambiguous -> assertThat(ambiguous.choices())
                                    .extracting(Answer.Choice::articleId)
                                    .containsExactlyInAnyOrder(KYPHOPLASTY, STIMULATION));
        }
    }

    @Test
    void aQuestionOnlyTheImportedArticleAnswersIsAnsweredFromItsRightSection() {
        // the calibrated sum over the library finds no answer to any. The blind set's "How often do I have to plug it
        // in
        // to charge?" (dev half) is read at 0.62 by the ranking: under the 0.65 an answer beside another article's
        // needs, and before, under the bar of a question nothing else answers too, so the visitor was told the bot did
        // not know
        for (String question :
                List.of("how often does the battery need charging?", "How often do I have to plug it in to charge?")) {
            assertThat(engine.answer(question)).as(question).isInstanceOfSatisfying(Answer.Found.class, found -> {
                assertThat(found.source().articleId()).isEqualTo(STIMULATION);
                assertThat(found.text()).containsAnyOf("once or twice a week", "wireless charger");
            });
        }
        assertThat(engine.answer("battery life?")).isInstanceOfSatisfying(Answer.Found.class, found -> {
            assertThat(found.source().articleId()).isEqualTo(STIMULATION);
            assertThat(found.text()).containsAnyOf("3 to 5 years", "9 to 15 years");
        });
    }

    @Test
    void theCuratedArticleStillAnswersItsOwnQuestions() {
        assertThat(engine.answer("what is the cement made of?"))
                .isInstanceOfSatisfying(
                        Answer.Found.class,
                        found -> assertThat(found.source().articleId()).isEqualTo(KYPHOPLASTY));
    }

    @Test
    void aQuestionBothArticlesAnswerAsksWhichProcedure() {
        // words of kyphoplasty's blind set (dev half): the curated article's ways of asking find it, and the imported
        // article's own ranking is sure of its answer too; before, the visitor was given kyphoplasty's facts, which for
        // someone asking about the stimulator are another procedure's
        asksWhichOfBoth("how long will i be in there", "do they put you under for it");
        // on the page of either article, the same question is answered from it
        assertThat(engine.answer("how long will i be in there", STIMULATION))
                .isInstanceOfSatisfying(
                        Answer.Found.class,
                        found -> assertThat(found.source().articleId()).isEqualTo(STIMULATION));
        assertThat(engine.answer("how long will i be in there", KYPHOPLASTY))
                .isInstanceOfSatisfying(
                        Answer.Found.class,
                        found -> assertThat(found.source().articleId()).isEqualTo(KYPHOPLASTY));
    }

    @Test
    void aQuestionNothingInWhichPointsToOneArticleAsksWhichProcedure() {
        // the blind set's "recovery time?" (dev half): the stimulation article has a section on recovery (its heading
        // says so, though no passage repeats the word), and its ranking would answer it on its own page; nothing in the
        // question points to kyphoplasty rather than to it. Before, the visitor was given kyphoplasty's recovery, which
        // for someone asking about the stimulator is another procedure's fact
        asksWhichOfBoth("recovery time?", "who qualifies?");
        // a word of the question that kyphoplasty's article uses and the stimulation article does not still points
        // to kyphoplasty, however likely the stimulation article's ranking finds an answer
        assertThat(engine.answer("how does the cement stop the pain?"))
                .isInstanceOfSatisfying(
                        Answer.Found.class,
                        found -> assertThat(found.source().articleId()).isEqualTo(KYPHOPLASTY));
    }

    @Test
    void aProcedureCalledByOneWordOfItsNameIsAnsweredFromItsArticle() {
        // "the stimulator": a word of "spinal cord stimulation" that kyphoplasty's article never uses (the blind set's
        // words, dev half); answered when the article's ranking is sure, as an open question is
        for (String question :
                List.of("Will I feel tingling when the stimulator is on?", "Can I have an MRI with a stimulator?")) {
            assertThat(engine.answer(question))
                    .as(question)
                    .isInstanceOfSatisfying(
                            Answer.Found.class,
                            found -> assertThat(found.source().articleId()).isEqualTo(STIMULATION));
        }
        // a word of its name that kyphoplasty's article uses too ("spinal") names neither
        Answer spinal = engine.answer("is the spinal fracture treatment done under sedation?");
        assertThat(spinal instanceof Answer.Found found
                        && found.source().articleId().equals(STIMULATION))
                .as("%s", spinal)
                .isFalse();
    }

    @Test
    void aQuestionInWordsOnlyOneArticleUsesIsAnsweredFromThatArticle() {
        // the stimulation article speaks of its battery in many passages, kyphoplasty's never: before, the visitor was
        // asked which procedure, though only one has a battery
        assertThat(engine.answer("how long does the battery last?"))
                .isInstanceOfSatisfying(Answer.Found.class, found -> {
                    assertThat(found.source().articleId()).isEqualTo(STIMULATION);
                    assertThat(found.text()).containsAnyOf("9 to 15 years", "3 to 5 years");
                });
        // and the curated article keeps the questions in its own words ("will I be taller after?", in words neither
        // article's text uses, asks which procedure since the stimulation article's ranking finds an answer too)
        assertThat(engine.answer("will I get my height back?"))
                .isInstanceOfSatisfying(
                        Answer.Found.class,
                        found -> assertThat(found.source().articleId()).isEqualTo(KYPHOPLASTY));
    }

    @Test
    void aQuestionTheCuratedArticleAnswersBelowItsThresholdIsNotGivenTheImportedArticlesFact() throws Exception {
        // kyphoplasty's blind set (dev half): the calibrated sum reaches kyphoplasty's answer, though below its own
        // threshold, and the knee article's ranking alone is sure of one ("For 3 to 4 days, avoid running…"): before,
        // a visitor asking about kyphoplasty was given the knee procedure's recovery
        String genicular = "genicular-nerve-block-sample";
        KnowledgeBase knowledge = new KnowledgeBaseReader().read(LibraryEvaluationCommand.library(List.of(genicular)));
        try (AnswerEngine knee = new AnswerEngine(knowledge, SharedEmbedder.INSTANCE, Scoring.CALIBRATED)) {
            assertThat(knee.answer("how soon am i back on my feet"))
                    .isInstanceOfSatisfying(
                            Answer.Ambiguous.class,
                            ambiguous -> assertThat(ambiguous.choices())
                                    .extracting(Answer.Choice::articleId)
                                    .containsExactlyInAnyOrder(KYPHOPLASTY, genicular));
            // a question in words only the knee article uses is still answered from it
            assertThat(knee.answer("which nerves around the knee are treated?"))
                    .isInstanceOfSatisfying(
                            Answer.Found.class,
                            found -> assertThat(found.source().articleId()).isEqualTo(genicular));
        }
    }

    @Test
    void aPriceNoArticleStatesIsNeverAnsweredWithAnArticlesText() {
        assertThat(engine.answer("how much does it cost?")).isNotInstanceOf(Answer.Found.class);
        assertThat(engine.answer("what does the implant cost with medicare")).isNotInstanceOf(Answer.Found.class);
    }
}
