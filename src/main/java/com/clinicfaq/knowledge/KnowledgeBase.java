package com.clinicfaq.knowledge;

import java.util.List;
import java.util.Optional;

/**
 * Everything the bot may say, as curated by the practice.
 *
 * @param synonyms Solr-format synonym rules, one a line ("vcf, vertebral compression fracture")
 */
public record KnowledgeBase(List<Article> articles, List<Faq> faqs, List<String> synonyms) {

    public KnowledgeBase {
        articles = List.copyOf(articles);
        faqs = List.copyOf(faqs);
        synonyms = List.copyOf(synonyms);
    }

    public Optional<Article> article(String id) {
        return articles.stream().filter(a -> a.id().equals(id)).findFirst();
    }
}
