package com.clinicfaq.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;

/**
 * A short question in a conversation with a topic is asked again with the topic's word only when that finds what the
 * question alone did not, or finds it more surely: an answer beats a decline or "I don't know", but "I don't know" never
 * replaces a decline, and a surer answer to the question alone is never replaced.
 */
class ContextualAnswerTests {

    static final String TOPIC = "radiofrequency-ablation";
    static final String WORD = "ablation";
    static final Answer.OutOfScope DECLINED = new Answer.OutOfScope("insurance", "Insurance coverage", 0.92);
    static final Answer.Found FOUND = new Answer.Found(
            "It takes 30 to 45 minutes.",
            new Answer.Source(TOPIC, "Ablation", "What to expect", "what-to-expect"),
            "how-long",
            0.9,
            Answer.Basis.HYBRID);

    private final AnswerEngine engine = mock(AnswerEngine.class);

    @Test
    void aTopicDeclinedOnPurposeStaysDeclinedWhenTheTopicsWordFindsNothing() {
        String question = "does insurance cover ablation";
        when(engine.answer(question, TOPIC)).thenReturn(DECLINED);
        when(engine.answer(question + " " + WORD, TOPIC)).thenReturn(new Answer.Unknown(0.2));

        assertThat(ContextualAnswer.of(engine, question, TOPIC, WORD)).isEqualTo(DECLINED);
    }

    @Test
    void theTopicsWordStillAnswersWhatTheQuestionAloneDidNot() {
        String question = "how long is it";
        when(engine.answer(question, TOPIC)).thenReturn(new Answer.Unknown(0.2));
        when(engine.answer(question + " " + WORD, TOPIC)).thenReturn(FOUND);

        ContextualAnswer.Asked asked = ContextualAnswer.asked(engine, question, TOPIC, WORD);

        assertThat(asked.answer()).isEqualTo(FOUND);
        assertThat(asked.question()).isEqualTo(question + " " + WORD);
    }

    @Test
    void theQuestionsOwnAnswerStaysWhenTheTopicsWordFindsAnotherLessSurely() {
        // "what is the recovery like" after "how long does it take?": the recovery, not what the procedure is
        String question = "what is the recovery like";
        Answer.Found recovery = new Answer.Found(
                "Most people walk the same day; avoid lifting for two weeks.",
                new Answer.Source(TOPIC, "Ablation", "Recovery", "recovery"),
                "recovery",
                0.97,
                Answer.Basis.HYBRID);
        Answer.Found definition = new Answer.Found(
                "Ablation is a procedure that ...",
                new Answer.Source(TOPIC, "Ablation", "What is it", "what-is-it"),
                "what-is",
                0.95,
                Answer.Basis.HYBRID);
        when(engine.answer(question, TOPIC)).thenReturn(recovery);
        when(engine.answer(question + " " + WORD, TOPIC)).thenReturn(definition);

        assertThat(ContextualAnswer.asked(engine, question, TOPIC, WORD))
                .isEqualTo(new ContextualAnswer.Asked(question, recovery));

        when(engine.answer(question, TOPIC)).thenReturn(definition);
        when(engine.answer(question + " " + WORD, TOPIC)).thenReturn(recovery);

        assertThat(ContextualAnswer.asked(engine, question, TOPIC, WORD).answer())
                .isEqualTo(recovery);
    }
}
