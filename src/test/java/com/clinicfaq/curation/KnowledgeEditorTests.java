package com.clinicfaq.curation;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicfaq.knowledge.Block;
import com.clinicfaq.knowledge.Block.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a section's text typed in the console becomes paragraphs, list items and quotations, and back. */
class KnowledgeEditorTests {

    @Test
    void readsParagraphsListItemsAndQuotationsAsTyped() {
        String typed = """
                Kyphoplasty is a minimally
                invasive procedure.

                It helps with:
                - pain, within
                  48 hours
                * height
                > I walked the
                > next day.
                """;

        assertThat(KnowledgeEditor.blocks(typed))
                .containsExactly(
                        new Block(Kind.PARAGRAPH, "Kyphoplasty is a minimally invasive procedure."),
                        new Block(Kind.PARAGRAPH, "It helps with:"),
                        new Block(Kind.BULLET, "pain, within 48 hours"),
                        new Block(Kind.BULLET, "height"),
                        new Block(Kind.QUOTE, "I walked the next day."));
    }

    @Test
    void writesBlocksAsTheTextThatReadsBackAsThem() {
        List<Block> blocks = List.of(
                new Block(Kind.PARAGRAPH, "First."),
                new Block(Kind.BULLET, "one"),
                new Block(Kind.BULLET, "two"),
                new Block(Kind.QUOTE, "Said."),
                new Block(Kind.PARAGRAPH, "Last."));

        String text = KnowledgeEditor.text(blocks);

        assertThat(text).isEqualTo("First.\n\n- one\n- two\n\n> Said.\n\nLast.");
        assertThat(KnowledgeEditor.blocks(text)).isEqualTo(blocks);
        assertThat(KnowledgeEditor.blocks("\r\n \r\n")).isEmpty();
    }
}
