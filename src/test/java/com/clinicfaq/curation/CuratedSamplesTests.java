package com.clinicfaq.curation;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicfaq.knowledge.Article;
import com.clinicfaq.knowledge.Block;
import com.clinicfaq.knowledge.Faq;
import com.clinicfaq.knowledge.KnowledgeBase;
import com.clinicfaq.knowledge.KnowledgeBaseReader;
import com.clinicfaq.knowledge.Section;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The sample articles as staff curated them (the library evaluation's {@code --curated}): the library they make can
 * be read, and every curated FAQ's answer is the article's own sentences, so the curated figures never rest on a fact
 * an article does not state.
 */
class CuratedSamplesTests {

    @Test
    void everyCuratedAnswerIsTheArticlesOwnSentences() throws Exception {
        Path folder = LibraryEvaluationCommand.library();
        LibraryEvaluationCommand.curate(folder);
        KnowledgeBase knowledge = new KnowledgeBaseReader().read(folder);

        List<String> invented = new ArrayList<>();
        int curated = 0;
        for (String id : LibraryEvaluationCommand.ARTICLES) {
            Article article = knowledge.article(id).orElseThrow();
            String text = spaces(article.sections().stream()
                    .map(Section::blocks)
                    .flatMap(List::stream)
                    .map(Block::text)
                    .collect(Collectors.joining(" ")));
            for (Faq faq : knowledge.faqs()) {
                if (!faq.articleId().equals(id) || faq.origin() != Faq.Origin.CURATED) {
                    continue;
                }
                curated++;
                for (String sentence : spaces(faq.answer()).split("(?<=[.!?:])\\s+")) {
                    if (!text.contains(sentence)) {
                        invented.add(faq.id() + ": " + sentence);
                    }
                }
            }
        }
        assertThat(curated)
                .as("curated FAQs of the samples")
                .isGreaterThan(10 * LibraryEvaluationCommand.ARTICLES.size());
        assertThat(invented).isEmpty();
    }

    private static String spaces(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
