package com.clinicfaq.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopicsTests {

    @Test
    void findsTheSubjectOfTheKyphoplastyArticle() {
        Article article = new KnowledgeBaseReader()
                .read(Path.of("knowledge-base"))
                .articles()
                .getFirst();

        assertThat(Topics.of(article)).isEqualTo("kyphoplasty");
    }

    @Test
    void takesTheTitleWordTheTextUsesMost() {
        Article article = new Article(
                "rfa",
                "Comparing Cervical vs Lumbar Radiofrequency Ablation",
                "",
                "A",
                "",
                "",
                "",
                "s",
                LocalDate.of(2026, 11, 27),
                "For education only.",
                List.of(new Section(
                        "a",
                        "About",
                        List.of(new Block(
                                Block.Kind.PARAGRAPH,
                                "Ablation calms a nerve. Ablation of cervical nerves differs. "
                                        + "Radiofrequency ablation lasts months.")))));

        assertThat(Topics.of(article)).isEqualTo("ablation");
    }
}
