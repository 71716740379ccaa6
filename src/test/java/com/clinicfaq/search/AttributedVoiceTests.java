package com.clinicfaq.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicfaq.TestKnowledgeBases;
import com.clinicfaq.knowledge.Attribution;
import com.clinicfaq.knowledge.KnowledgeBase;
import com.clinicfaq.knowledge.KnowledgeBaseReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bot is an automated assistant, never the doctor: no answer says "I recommend" or "I perform" in its own voice.
 * Every item of the shipped knowledge base and of the sample articles (imported by the importer alone), as the engine
 * gives it, either speaks in no one's first person or quotes its author word for word (issue #19).
 */
class AttributedVoiceTests {

    private static final Pattern QUOTED = Pattern.compile(
            "(?s)^(From [^\u201c\u201d]+ article[^\u201c\u201d]*(?:\u201c[^\u201d]+\u201d)?): \u201c(.+)\u201d$");

    private static KnowledgeIndex index;
    private static KnowledgeBase library;

    @BeforeAll
    static void buildLibrary() {
        Path folder = TestKnowledgeBases.copyOfShipped("voice", false);
        for (String sample : com.clinicfaq.curation.LibraryEvaluationCommand.ARTICLES) {
            TestKnowledgeBases.importArticle(folder, Path.of("src/test/resources/library", sample + ".txt"));
        }
        library = new KnowledgeBaseReader().read(folder);
        index = KnowledgeIndex.build(library, new ReusingEmbedder(SharedEmbedder.INSTANCE));
    }

    @AfterAll
    static void close() {
        index.decRef();
    }

    @Test
    void noItemOfTheLibrarySpeaksInItsAuthorsFirstPersonWithoutSayingWhoseWordsTheyAre() {
        assertThat(library.articles()).hasSize(1 + com.clinicfaq.curation.LibraryEvaluationCommand.ARTICLES.size());
        List<String> unattributed = new ArrayList<>();
        int quoted = 0;
        for (IndexedItem item : index.items) {
            if (item.kind() == IndexedItem.Kind.OUT_OF_SCOPE) {
                continue;
            }
            Matcher quote = QUOTED.matcher(item.shown());
            if (quote.matches()) {
                quoted++;
                assertThat(quote.group(2))
                        .as("the author's words, word for word")
                        .isEqualTo(item.text().strip());
                assertThat(Attribution.firstPerson(quote.group(1)))
                        .as("the bot's own words around the quote")
                        .isFalse();
            } else {
                assertThat(item.shown()).isEqualTo(item.text());
                if (Attribution.firstPerson(item.shown())) {
                    unattributed.add(item.id() + ": " + item.shown());
                }
            }
        }
        assertThat(unattributed).isEmpty();
        assertThat(quoted)
                .as("the articles are written in the first person: some items must be quotes")
                .isGreaterThan(20);
    }

    @Test
    void aFirstPersonAnswerNamesItsAuthorAndProcedureAndKeepsTheWordsInsideTheQuote() {
        IndexedItem lifting = index.items.stream()
                .filter(item -> item.kind() != IndexedItem.Kind.OUT_OF_SCOPE
                        && item.text().contains("I typically recommend"))
                .findFirst()
                .orElseThrow();
        assertThat(lifting.shown())
                .startsWith("From Dr. Weisbein's article on kyphoplasty: \u201c")
                .contains("I typically recommend limiting heavy lifting")
                .endsWith("\u201d");

        IndexedItem rfa = index.items.stream()
                .filter(item -> item.kind() != IndexedItem.Kind.OUT_OF_SCOPE
                        && item.source().articleId().contains("radiofrequency")
                        && Attribution.firstPerson(item.text()))
                .findFirst()
                .orElseThrow();
        assertThat(rfa.shown()).startsWith("From Dr. Weisbein's article on radiofrequency ablation: \u201c");
    }

    @Test
    void eachArticleIsAttributedToItsOwnAuthorWhoeverWroteIt() {
        assertThat(firstPersonItemOf("mild Procedure").shown()).startsWith("From Dr. Okafor's article on ");
        // a physical therapist, not a doctor of medicine: named in full
        assertThat(firstPersonItemOf("Understanding Sciatica").shown()).startsWith("From Maria Chen's article on ");
    }

    private static IndexedItem firstPersonItemOf(String inTitle) {
        return index.items.stream()
                .filter(item -> item.kind() != IndexedItem.Kind.OUT_OF_SCOPE
                        && item.source().articleTitle().contains(inTitle)
                        && Attribution.firstPerson(item.text()))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void whatSpeaksInNoOnesFirstPersonIsSaidAsWritten() {
        assertThat(Attribution.firstPerson("Kyphoplasty usually takes 45 to 60 minutes per level."))
                .isFalse();
        assertThat(Attribution.firstPerson("Type I diabetes and grade I slips are read as numerals."))
                .isFalse();
        assertThat(Attribution.firstPerson("Most patients go home the same day; I'd plan for a ride."))
                .isTrue();
        assertThat(Attribution.firstPerson("We perform it under sedation.")).isTrue();
        assertThat(Attribution.firstPerson("In my practice, patients walk the same day."))
                .isTrue();
    }
}
