package com.clinicfaq.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The learned reading of turns, on its own: what it reads of a turn's surface, and that the model file keeps it whole. */
class TurnClassifierTests {

    /** No meaning at all (a zero vector): only the surface can tell the classes apart. */
    private static final float[] NO_MEANING = new float[8];

    private static TurnClassifier trained() {
        List<TurnClassifier.Example> examples = new ArrayList<>();
        for (String text : List.of("thanks", "thank you so much", "thanks a lot!", "many thanks 🙏", "thx")) {
            examples.add(new TurnClassifier.Example(text, NO_MEANING, "thanks", 1));
        }
        for (String text :
                List.of("how long does it take?", "what is the recovery like", "does it hurt?", "can i drive after")) {
            examples.add(new TurnClassifier.Example(text, NO_MEANING, TurnClassifier.QUESTION, 1));
        }
        return TurnClassifier.train(
                        "test-model",
                        NO_MEANING.length,
                        List.of(TurnClassifier.QUESTION, "thanks"),
                        examples,
                        30,
                        1e-4,
                        1)
                .withThreshold(0.6)
                .withQuietBelow(0.3)
                .withQuietable(java.util.Set.of("thanks"));
    }

    @Test
    void readsThanksAndQuestionsByTheirWordsAndWhetherTheyAsk() {
        TurnClassifier model = trained();

        assertThat(model.conversational("thank you!", NO_MEANING)).contains("thanks");
        assertThat(model.conversational("how long is the recovery?", NO_MEANING))
                .isEmpty();
        assertThat(model.read("🙏", NO_MEANING).label()).isEqualTo("thanks");
    }

    @Test
    void theModelFileKeepsItsClassesThresholdsAndReadings() throws Exception {
        TurnClassifier model = trained();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.write(bytes);

        TurnClassifier read = TurnClassifier.read(new ByteArrayInputStream(bytes.toByteArray()));

        assertThat(read.labels()).containsExactly(TurnClassifier.QUESTION, "thanks");
        assertThat(read.threshold()).isEqualTo(0.6);
        assertThat(read.quietBelow()).isEqualTo(0.3);
        assertThat(read.quietable("thanks")).isTrue();
        assertThat(read.quietable(TurnClassifier.QUESTION)).isFalse();
        assertThat(read.readsVectorsOf("test-model")).isTrue();
        assertThat(read.read("thanks so much", NO_MEANING).probability())
                .isEqualTo(model.read("thanks so much", NO_MEANING).probability());
    }

    @Test
    void theShippedModelReadsTheShippedPolicysSmallTalkRules() {
        TurnClassifier shipped = TurnClassifier.shipped().orElseThrow();
        List<String> ruleIds =
                RealPolicy.policy().rules().smallTalk().stream().map(Rule::id).toList();

        assertThat(shipped.labels().getFirst()).isEqualTo(TurnClassifier.QUESTION);
        assertThat(ruleIds)
                .containsAll(shipped.labels().subList(1, shipped.labels().size()));
        assertThat(shipped.quietBelow()).isBetween(0.0, 0.5);
    }
}
