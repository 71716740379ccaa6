package com.clinicfaq.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicfaq.curation.Evaluation;
import com.clinicfaq.curation.EvaluationSet;
import com.clinicfaq.curation.SafetyNet;
import com.clinicfaq.knowledge.KnowledgeBaseReader;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Guards the answer engine's accuracy on realistic visitor questions. The floors sit just under the
 * figures measured when they were set (docs/evaluation.md): a change to the engine or the knowledge
 * base that loses answers fails here, with the questions it got wrong.
 */
class EvaluationTests {

    private static AnswerEngine engine;

    @BeforeAll
    static void buildIndex() {
        engine = new AnswerEngine(
                new KnowledgeBaseReader().read(Path.of("knowledge-base")), SharedEmbedder.INSTANCE, Scoring.CALIBRATED);
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "holdout"})
    void answersRealisticQuestionsAndDeclinesWhatTheArticleDoesNotSay(String set) {
        Evaluation evaluation = Evaluation.run(EvaluationSet.load(EvaluationSet.PROJECT_CHECKS, set), engine::answer);

        assertThat(evaluation.accuracy())
                .as("%s%nmisses: %s", evaluation.summary(), evaluation.misses())
                .isGreaterThanOrEqualTo(SafetyNet.ACCURACY_FLOOR);
        assertThat(evaluation.rejection())
                .as("%s%nmisses: %s", evaluation.summary(), evaluation.misses())
                .isGreaterThanOrEqualTo(SafetyNet.REJECTION_FLOOR);
    }
}
