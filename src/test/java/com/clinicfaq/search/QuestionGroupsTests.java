package com.clinicfaq.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Visitors' questions grouped by meaning with the service's own embedding model. */
class QuestionGroupsTests {

    private final QuestionGroups groups = new QuestionGroups(SharedEmbedder.INSTANCE);

    @Test
    void putsRewordingsOfOneQuestionTogetherAndOtherTopicsApart() {
        List<String> texts = List.of(
                "how soon am i back on my feet",
                "do you take medicare",
                "when can i get back on my feet",
                "is kyphoplasty covered by insurance",
                "how soon will i be back on my feet",
                "what does kyphoplasty cost",
                "can i drive after the procedure");

        assertThat(groups.group(texts, QuestionGroups.SAME_QUESTION))
                .containsExactly(List.of(0, 2, 4), List.of(1), List.of(3), List.of(5), List.of(6));
    }

    @Test
    void aTextJoinsTheGroupWhoseRepresentativeIsClosest() {
        List<String> texts = List.of("how soon am i back on my feet", "can i shower after", "when can i take a shower");

        assertThat(groups.group(texts, 0.5)).containsExactly(List.of(0), List.of(1, 2));
        assertThat(groups.group(texts, 1.01)).containsExactly(List.of(0), List.of(1), List.of(2));
    }

    @Test
    void noTextsNoGroups() {
        assertThat(groups.group(List.of(), QuestionGroups.SAME_QUESTION)).isEmpty();
    }
}
