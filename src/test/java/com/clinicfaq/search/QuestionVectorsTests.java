package com.clinicfaq.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuestionVectorsTests {

    /** The real model, counting the texts it is asked to embed. */
    private static final class Counting implements Embedder {
        final List<String> embedded = new ArrayList<>();

        @Override
        public float[] embed(String text) {
            embedded.add(text);
            return SharedEmbedder.INSTANCE.embed(text);
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            embedded.addAll(texts);
            return SharedEmbedder.INSTANCE.embedAll(texts);
        }
    }

    @Test
    void embedsAQuestionAskedAgainOnlyOnceAndGivesTheSameVector() {
        Counting model = new Counting();
        QuestionVectors vectors = new QuestionVectors(model, 100);

        float[] first = vectors.embed("How long does kyphoplasty take?");
        float[] again = vectors.embed("How long does kyphoplasty take?");
        float[] other = vectors.embed("Is kyphoplasty painful?");

        assertThat(again).containsExactly(first);
        assertThat(first).containsExactly(SharedEmbedder.INSTANCE.embed("How long does kyphoplasty take?"));
        assertThat(other).isNotEqualTo(first);
        assertThat(model.embedded).containsExactly("how long does kyphoplasty take?", "is kyphoplasty painful?");
    }

    @Test
    void aQuestionAsTypedAndAsTheEngineReadsItAreEmbeddedOnceWithTheModelsOwnVector() {
        Counting model = new Counting();
        QuestionVectors vectors = new QuestionVectors(model, 100);

        float[] typed = vectors.embed(" How long does Kyphoplasty take? ");
        float[] lowered = vectors.embed("how long does kyphoplasty take?");

        assertThat(model.embedded).hasSize(1);
        assertThat(lowered).containsExactly(typed);
        // the model itself does not tell case apart: remembering by the lower-cased text changes no vector
        float[] asTyped = SharedEmbedder.INSTANCE.embed(" How long does Kyphoplasty take? ");
        assertThat(typed).hasSize(asTyped.length);
        for (int i = 0; i < asTyped.length; i++) {
            assertThat(typed[i]).isCloseTo(asTyped[i], org.assertj.core.data.Offset.offset(1e-5f));
        }
    }

    @Test
    void aMessageReadInPiecesIsNotEmbeddedAgainToAnswerIt() {
        Counting model = new Counting();
        QuestionVectors vectors = new QuestionVectors(model, 100);
        String message = "It was fine yesterday. How long should I avoid lifting after kyphoplasty?";
        List<String> pieces =
                List.of("It was fine yesterday.", "How long should I avoid lifting after kyphoplasty?", message);

        List<float[]> read = vectors.embedMessage(pieces, 2); // the policy reads every sentence and the whole
        float[] answered = vectors.embed(message.toLowerCase()); // the engine embeds the message as it reads it
        List<float[]> again = vectors.embedMessage(pieces, 2);

        assertThat(read).hasSize(3);
        assertThat(answered).containsExactly(read.get(2));
        assertThat(again.get(2)).containsExactly(read.get(2));
        assertThat(again.get(0)).containsExactly(read.get(0));
        // the whole message once; its sentences each time the policy reads them (they are not remembered)
        assertThat(model.embedded).containsOnlyOnce(message).hasSize(5);
    }

    @Test
    void keepsAtMostItsCapacityAndAQuestionAskedOftenOverOnesAskedOnce() {
        Counting model = new Counting();
        QuestionVectors vectors = new QuestionVectors(model, 100);

        for (int i = 0; i < 200; i++) {
            vectors.embed("an earlier question " + i); // a day's traffic has filled it
        }
        for (int i = 0; i < 5; i++) {
            vectors.embed("How long does kyphoplasty take?");
        }
        for (int i = 0; i < 500; i++) {
            vectors.embed("question number " + i);
        }
        vectors.embed("How long does kyphoplasty take?");

        assertThat(vectors.size()).isEqualTo(100);
        assertThat(model.embedded).hasSize(701).containsOnlyOnce("how long does kyphoplasty take?");
    }

    @Test
    void remembersNothingWithACapacityOfZeroAndPassesBatchesThrough() {
        Counting model = new Counting();
        QuestionVectors vectors = new QuestionVectors(model, 0);

        vectors.embed("the same question");
        vectors.embed("the same question");
        vectors.embedAll(List.of("a passage", "a passage"));

        assertThat(vectors.size()).isZero();
        assertThat(model.embedded).containsExactly("the same question", "the same question", "a passage", "a passage");
        assertThatThrownBy(() -> new QuestionVectors(model, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
