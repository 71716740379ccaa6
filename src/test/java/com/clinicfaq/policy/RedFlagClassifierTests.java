package com.clinicfaq.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class RedFlagClassifierTests {

    /** A toy meaning: two dimensions, "alarm" and "calm", read from the words. */
    private static float[] meaning(String text) {
        boolean alarming = text.contains("breathe") || text.contains("respirar") || text.contains("die");
        return alarming ? new float[] {1, 0} : new float[] {0, 1};
    }

    private static RedFlagClassifier.Example example(String text, RedFlagClassifier.Label label) {
        return new RedFlagClassifier.Example(RedFlagClassifier.features(text, meaning(text)), label, 1);
    }

    private static List<RedFlagClassifier.Example> examples() {
        List<RedFlagClassifier.Example> examples = new ArrayList<>();
        examples.add(example("my husband cannot breathe", RedFlagClassifier.Label.URGENT_911));
        examples.add(example("mi esposo no puede respirar", RedFlagClassifier.Label.URGENT_911));
        examples.add(example("i want to die tonight", RedFlagClassifier.Label.URGENT_988));
        examples.add(example("quiero morir hoy", RedFlagClassifier.Label.URGENT_988));
        examples.add(example("how long does the procedure take", RedFlagClassifier.Label.CALM));
        examples.add(example("cuanto cuesta la consulta", RedFlagClassifier.Label.CALM));
        examples.add(example("is parking free at the clinic", RedFlagClassifier.Label.CALM));
        return examples;
    }

    @Test
    void learnsTheClassesAndReadsTyposByTheirPiecesOfWords() {
        RedFlagClassifier model = RedFlagClassifier.train("toy", examples(), 2, 30, 1e-4, 7, false);

        double[] typo = model.probabilities(RedFlagClassifier.features("mi esposo no pueod respirar", meaning("")));
        double[] calm = model.probabilities(RedFlagClassifier.features("how long does the consulta take", meaning("")));
        double[] suicide = model.probabilities(RedFlagClassifier.features("i want to die", meaning("die")));

        assertThat(typo[RedFlagClassifier.Label.URGENT_911.ordinal()])
                .isGreaterThan(typo[RedFlagClassifier.Label.CALM.ordinal()]);
        assertThat(calm[RedFlagClassifier.Label.CALM.ordinal()]).isGreaterThan(0.5);
        assertThat(suicide[RedFlagClassifier.Label.URGENT_988.ordinal()])
                .isGreaterThan(suicide[RedFlagClassifier.Label.URGENT_911.ordinal()]);
    }

    @Test
    void theSameExamplesGiveTheSameModelAndAWrittenModelReadsTheSame() throws IOException {
        RedFlagClassifier first = RedFlagClassifier.train("toy", examples(), 2, 10, 1e-4, 7, false)
                .withThreshold(0.6);
        RedFlagClassifier second = RedFlagClassifier.train("toy", examples(), 2, 10, 1e-4, 7, false);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        first.write(bytes);
        RedFlagClassifier read = RedFlagClassifier.read(new ByteArrayInputStream(bytes.toByteArray()));

        RedFlagClassifier.Features features = RedFlagClassifier.features("he can't breathe", meaning("breathe"));
        assertThat(second.probabilities(features)).containsExactly(first.probabilities(features));
        assertThat(read.probabilities(features)).containsExactly(first.probabilities(features));
        assertThat(read.threshold()).isEqualTo(0.6);
        assertThat(read.readsVectorsOf("toy")).isTrue();
        assertThat(read.readsVectorsOf("all-minilm-l6-v2-q")).isFalse();
    }

    @Test
    void aModelThatReadsSentencesWithinTheirMessageKeepsItsVetoWhenWrittenAndRead() throws IOException {
        // the same sentence, in a message about the past and in one about now: the message's words tell them apart
        List<RedFlagClassifier.Example> examples = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            examples.add(new RedFlagClassifier.Example(
                    RedFlagClassifier.features(
                            "she cant breathe", meaning("breathe"), "she cant breathe. help now", meaning("now")),
                    RedFlagClassifier.Label.URGENT_911,
                    1));
            examples.add(new RedFlagClassifier.Example(
                    RedFlagClassifier.features(
                            "she cant breathe",
                            meaning("breathe"),
                            "in 2015 she cant breathe. fine since then",
                            meaning("since")),
                    RedFlagClassifier.Label.CALM,
                    1));
        }
        RedFlagClassifier model = RedFlagClassifier.train("toy", examples, 4, 30, 1e-4, 7, true)
                .withThreshold(0.4)
                .withVeto(0.1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.write(bytes);
        RedFlagClassifier read = RedFlagClassifier.read(new ByteArrayInputStream(bytes.toByteArray()));

        RedFlagClassifier.Features now = RedFlagClassifier.features(
                "she cant breathe", meaning("breathe"), "she cant breathe. help now", meaning("now"));
        RedFlagClassifier.Features past = RedFlagClassifier.features(
                "she cant breathe", meaning("breathe"), "in 2015 she cant breathe. fine since then", meaning("since"));
        assertThat(read.urgency(now)).isGreaterThan(0.5);
        assertThat(read.urgency(past)).isLessThan(0.5);
        assertThat(read.readsInMessage()).isTrue();
        assertThat(read.veto()).isEqualTo(0.1);
        assertThat(read.threshold()).isEqualTo(0.4);
        assertThat(read.probabilities(now)).containsExactly(model.probabilities(now));
    }

    @Test
    void refusesAFileThatIsNotAModel() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(bytes)) {
            zip.write("not a model at all".getBytes());
        }
        assertThatThrownBy(() -> RedFlagClassifier.read(new ByteArrayInputStream(bytes.toByteArray())))
                .isInstanceOf(IOException.class);
    }

    @Test
    void theShippedModelReadsTheServicesEmbeddingModelWithARecallFirstThreshold() {
        RedFlagClassifier shipped = RedFlagClassifier.shipped();

        assertThat(shipped).isNotNull();
        assertThat(shipped.readsVectorsOf("all-minilm-l6-v2-q")).isTrue();
        assertThat(shipped.threshold()).isBetween(0.05, 0.95);
        assertThat(shipped.readsInMessage()).isTrue();
        assertThat(shipped.veto()).isBetween(0.0, shipped.threshold());
    }
}
