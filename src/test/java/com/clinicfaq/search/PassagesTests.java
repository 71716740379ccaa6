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
