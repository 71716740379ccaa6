package com.clinicfaq.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicfaq.knowledge.Article;
import com.clinicfaq.knowledge.Block;
import com.clinicfaq.knowledge.KnowledgeBaseReader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PassagesTests {

    @Test
    void splitsSentencesButNotAtAbbreviations() {
        assertThat(Passages.sentences(
                        "Dr. Jacqueline Weisbein, D.O. performs it. It takes 45 to 60 minutes. Most go home."))
                .containsExactly(
                        "Dr. Jacqueline Weisbein, D.O. performs it.", "It takes 45 to 60 minutes.", "Most go home.");
    }

    @Test
    void aSentenceThatIntroducesAListIsGivenWithItsItems() {
        // the blind set's "What symptoms is the mild procedure designed to treat?" was answered "The mild procedure
        // may not be appropriate for patients with:", and nothing more
        var passages = Passages.of(ArticleTopicsTests.sample("lumbar-decompression-mild-sample"));
        assertThat(passages)
                .extracting(Passages.Passage::text)
                .noneMatch(text -> text.strip().endsWith(":"))
                .anySatisfy(text -> assertThat(text)
                        .startsWith("The mild procedure may not be appropriate for patients with:")
                        .contains("greater than grade 1")
                        .contains("A previous laminectomy or fusion"))
                // and each item is still a passage of its own
                .anySatisfy(text -> assertThat(text).startsWith("A previous laminectomy or fusion"));
        // a list ends where a quotation or the next introduction begins
        var blocks = java.util.List.of(
                new Block(Block.Kind.PARAGRAPH, "Call us if you notice:"),
                new Block(Block.Kind.BULLET, "A fever above 101 F."),
                new Block(Block.Kind.BULLET, "Redness that spreads."),
                new Block(Block.Kind.QUOTE, "\"I felt fine the next day.\""),
                new Block(Block.Kind.BULLET, "Not part of the list."));
        assertThat(Passages.listAfter(blocks, 0)).isEqualTo("A fever above 101 F. Redness that spreads.");
        assertThat(Passages.listAfter(blocks, 1)).isNull();
        // a longer introduction keeps its windows: the one that ends it is given with the list
        var longer = new java.util.ArrayList<>(blocks);
        longer.set(0, new Block(Block.Kind.PARAGRAPH, "Most days go well. Some do not. Call us if you notice:"));
        var article = new Article(
                "a",
                "A",
                null,
                "Author",
                null,
                null,
                null,
                "test",
                java.time.LocalDate.of(2026, 12, 1),
                "Educational only.",
                java.util.List.of(new com.clinicfaq.knowledge.Section("s", "S", longer)),
                java.util.List.of());
        assertThat(Passages.of(article))
                .extracting(Passages.Passage::text)
                .startsWith(
                        "Most days go well. Some do not.",
                        "Some do not. Call us if you notice: A fever above 101 F. Redness that spreads.");
    }

    @Test
    void passagesAreAnswerSizedAndCoverEverySentenceExceptQuotations() {
        Article article = new KnowledgeBaseReader()
                .read(Path.of("knowledge-base"))
                .articles()
                .getFirst();

        var passages = Passages.of(article);

        assertThat(passages)
                .allSatisfy(p -> assertThat(Passages.sentences(p.text())).hasSizeBetween(1, 3));
        String all =
                String.join(" ", passages.stream().map(Passages.Passage::text).toList());
        article.sections().stream().flatMap(s -> s.blocks().stream()).forEach(block -> {
            if (block.kind() == Block.Kind.QUOTE) {
                assertThat(all).doesNotContain(block.text().substring(0, 40));
            } else {
                Passages.sentences(block.text())
                        .forEach(sentence -> assertThat(all).contains(sentence));
            }
        });
    }
}
