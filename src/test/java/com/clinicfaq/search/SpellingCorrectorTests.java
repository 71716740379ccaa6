package com.clinicfaq.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicfaq.knowledge.KnowledgeBaseReader;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpellingCorrectorTests {

    private static KnowledgeIndex index;

    @BeforeAll
    static void buildIndex() {
        index = KnowledgeIndex.build(
                new KnowledgeBaseReader().read(Path.of("knowledge-base")),
                new ReusingEmbedder(SharedEmbedder.INSTANCE));
    }

    @AfterAll
    static void close() {
        index.decRef();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            what is kyphoplasy,                  what is kyphoplasty
            how long is recovry,                 how long is recovery
            does the cemnt leak,                 does the cement leak
            Vertebroplsty vs kyphoplasty?,       vertebroplasty vs kyphoplasty?
            does insurance pay,                  does insurance pay
            will i be asleep,                    will i be asleep
            """)
    void correctsMisspelledWordsOfTheKnowledgeBaseOnly(String typed, String corrected) {
        assertThat(index.speller.correct(typed, index.reader, KnowledgeIndex.WORDS))
                .isEqualTo(corrected);
    }
}
