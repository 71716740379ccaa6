package com.clinicfaq.knowledge;

import java.util.List;
import java.util.Optional;

/**
 * Everything the bot may say, as curated by the practice.
 *
 * @param synonyms Solr-format synonym rules, one a line ("vcf, vertebral compression fracture")
 * @param outOfScope topics the bot must decline rather than answer
 */
public record KnowledgeBase(
        List<Article> articles, List<Faq> faqs, List<String> synonyms, List<OutOfScopeTopic> outOfScope) {

    public KnowledgeBase {
        articles = List.copyOf(articles);
        faqs = List.copyOf(faqs);
        synonyms = List.copyOf(synonyms);
        outOfScope = List.copyOf(outOfScope);
    }

    public KnowledgeBase(List<Article> articles, List<Faq> faqs, List<String> synonyms) {
        this(articles, faqs, synonyms, List.of());
    }

    public Optional<Article> article(String id) {
        return articles.stream().filter(a -> a.id().equals(id)).findFirst();
    }
}
