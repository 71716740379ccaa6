package com.clinicfaq.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AnswerRankingTests {

    private static Candidate candidate(String text, double cosine, double bm25) {
        IndexedItem item = new IndexedItem(
                "id-" + text.hashCode(), text, new Answer.Source("a", "A", "S", "s"), IndexedItem.Kind.PASSAGE);
        return new Candidate(item, bm25, cosine, 0);
    }

    @Test
    void readsWhetherACandidateHoldsWhatTheQuestionAsksFor() {
        Candidate duration = candidate("The ablation itself typically takes 30 to 45 minutes.", 0.5, 2);
        Candidate none = candidate("Ice packs and over-the-counter pain relievers usually help.", 0.5, 2);
        Evidence evidence = new Evidence("how long does the procedure take", 0, List.of(duration, none));

        double[] withDuration = AnswerRanking.features(
                duration,
                evidence,
                "how long does the procedure take",
                Set.of("procedur", "take"),
                Set.of("ablat", "take", "minut"));
        double[] without = AnswerRanking.features(
                none, evidence, "how long does the procedure take", Set.of("procedur", "take"), Set.of("ice", "pack"));

        assertThat(withDuration).hasSize(AnswerRanking.FEATURES);
        assertThat(withDuration[10]).isEqualTo(1);
        assertThat(without[10]).isEqualTo(-1);
        assertThat(withDuration[8]).isEqualTo(0.5); // one of the question's two words besides the procedure's names
        assertThat(without[8]).isZero();
    }

    @Test
    void aWrittenRankingReadsTheSameAndAMalformedOneIsRefused() throws IOException {
        double[] weights = new double[AnswerRanking.FEATURES];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = i / 10.0 - 0.3;
        }
        AnswerRanking ranking = new AnswerRanking(weights, 0.35);
        AnswerRanking read = AnswerRanking.read(new ByteArrayInputStream(
                ranking.write("a comment\non two lines").getBytes(StandardCharsets.UTF_8)));

        assertThat(read.threshold()).isEqualTo(0.35);
        assertThat(read.weights()).containsExactly(weights);
        double[] x = new double[AnswerRanking.FEATURES];
        x[0] = 1;
        x[1] = 0.7;
        assertThat(read.probability(x)).isEqualTo(ranking.probability(x)).isBetween(0.0, 1.0);
        assertThatThrownBy(() ->
                        AnswerRanking.read(new ByteArrayInputStream("0.5\n1\n2\n".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IOException.class);
    }

    @Test
    void theShippedRankingIsReadable() {
        AnswerRanking shipped = AnswerRanking.shipped();

        assertThat(shipped).isNotNull();
        assertThat(shipped.threshold()).isBetween(0.05, 0.95);
    }
}
