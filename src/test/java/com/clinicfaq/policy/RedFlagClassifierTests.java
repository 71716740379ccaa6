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
        RedFlagClassifier model = RedFlagClassifier.train("toy", examples(), 2, 30, 1e-4, 7);

        double[] typo = model.probabilities(RedFlagClassifier.features("mi esposo no pueod respirar", meaning("")));
        double[] calm = model.probabilities(RedFlagClassifier.features("how long does the consulta take", meaning("")));
        double[] suicide = model.probabilities(RedFlagClassifier.features("i want to die", meaning("die")));

        assertThat(typo[RedFlagClassifier.Label.URGENT_911.ordinal()]).isGreaterThan(typo[RedFlagClassifier.Label.CALM.ordinal()]);
        assertThat(calm[RedFlagClassifier.Label.CALM.ordinal()]).isGreaterThan(0.5);
        assertThat(suicide[RedFlagClassifier.Label.URGENT_988.ordinal()]).isGreaterThan(suicide[RedFlagClassifier.Label.URGENT_911.ordinal()]);
    }

    @Test
    void theSameExamplesGiveTheSameModelAndAWrittenModelReadsTheSame() throws IOException {
        RedFlagClassifier first = RedFlagClassifier.train("toy", examples(), 2, 10, 1e-4, 7).withThreshold(0.6);
        RedFlagClassifier second = RedFlagClassifier.train("toy", examples(), 2, 10, 1e-4, 7);
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
    void refusesAFileThatIsNotAModel() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(bytes)) {
            zip.write("not a model at all".getBytes());
        }
        assertThatThrownBy(() -> RedFlagClassifier.read(new ByteArrayInputStream(bytes.toByteArray()))).isInstanceOf(IOException.class);
    }

    @Test
    void theShippedModelReadsTheServicesEmbeddingModelWithARecallFirstThreshold() {
        RedFlagClassifier shipped = RedFlagClassifier.shipped();

        assertThat(shipped).isNotNull();
        assertThat(shipped.readsVectorsOf("all-minilm-l6-v2-q")).isTrue();
        assertThat(shipped.threshold()).isBetween(0.05, 0.95);
    }
}
