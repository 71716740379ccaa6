package com.clinicfaq.knowledge;

import java.util.List;
import java.util.Optional;

/**
 * Everything the bot may say, as curated by the practice.
 *
 * @param synonyms Solr-format synonym rules, one a line ("vcf, vertebral compression fracture")
 * @param outOfScope topics the bot must decline rather than answer
 * @param translations the articles in other languages, reviewed or not (only reviewed ones are served)
 */
public record KnowledgeBase(
        List<Article> articles,
        List<Faq> faqs,
        List<String> synonyms,
        List<OutOfScopeTopic> outOfScope,
        List<Translation> translations) {

    public KnowledgeBase {
        articles = List.copyOf(articles);
        faqs = List.copyOf(faqs);
        synonyms = List.copyOf(synonyms);
        outOfScope = List.copyOf(outOfScope);
        translations = List.copyOf(translations);
    }

    public KnowledgeBase(
            List<Article> articles, List<Faq> faqs, List<String> synonyms, List<OutOfScopeTopic> outOfScope) {
        this(articles, faqs, synonyms, outOfScope, List.of());
    }

    public KnowledgeBase(List<Article> articles, List<Faq> faqs, List<String> synonyms) {
        this(articles, faqs, synonyms, List.of());
    }

    public Optional<Article> article(String id) {
        return articles.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    /** The translations staff reviewed into the language: what visitors writing in it may be given. */
    public List<Translation> reviewedTranslations(String language) {
        return translations.stream()
                .filter(t -> t.language().equals(language) && t.isReviewed())
                .toList();
    }
}
