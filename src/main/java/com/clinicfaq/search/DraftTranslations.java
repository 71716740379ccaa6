package com.clinicfaq.search;

import com.clinicfaq.knowledge.Faq;
import com.clinicfaq.knowledge.KnowledgeBase;
import com.clinicfaq.knowledge.OutOfScopeTopic;
import com.clinicfaq.knowledge.Translation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The translations staff have not reviewed yet, read for one thing only: which English question a visitor writing in
 * their language is asking (issue #16, item 4). Their text is never said; the visitor gets the English answer, its
 * source and the note that the practice's information is in English. Only the words of each translated FAQ's ways of
 * asking are read (with Lucene's Spanish analysis, as {@link TranslatedIndex} reads them), so building it costs no
 * embedding. Immutable; thread-safe.
 */
final class DraftTranslations {

    /**
     * How much of a question's words (weighted by rarity) one way of asking must share, less the words it has and the
     * question lacks, for the question to be taken as its English one. Chosen on the Spanish set's dev half (see
     * {@code docs/evaluation.md}).
     */
    static final double THRESHOLD = 0.3;

    /**
     * One way of asking a translated FAQ: its terms, the English question it stands for, and the article; or of a topic
     * the practice declines (no article), standing for one of the topic's English ways of asking.
     */
    record Asked(String articleId, String english, Set<String> terms) {}

    private final Map<String, List<Asked>> byLanguage;
    /** Per language, per article, the terms of each name the translation gives the procedure ("cifoplastia"). */
    private final Map<String, Map<String, List<Set<String>>>> names;

    private final Map<String, Map<String, Double>> idf = new HashMap<>();

    /** Per language, the words its translations give as the same thing. */
    private final Map<String, TranslatedSynonyms> synonyms;

    private DraftTranslations(
            Map<String, List<Asked>> byLanguage,
            Map<String, Map<String, List<Set<String>>>> names,
            Map<String, TranslatedSynonyms> synonyms) {
        this.byLanguage = byLanguage;
        this.names = names;
        this.synonyms = synonyms;
        byLanguage.forEach((language, asked) -> idf.put(
                language, TranslatedIndex.idf(asked.stream().map(Asked::terms).toList())));
    }

    static DraftTranslations empty() {
        return new DraftTranslations(Map.of(), Map.of(), Map.of());
    }

    static DraftTranslations build(KnowledgeBase knowledge) {
        Map<String, List<Asked>> byLanguage = new HashMap<>();
        Map<String, Map<String, List<Set<String>>>> names = new HashMap<>();
        Map<String, TranslatedSynonyms> synonyms = new HashMap<>();
        for (Translation translation : knowledge.translations()) {
            if (translation.isReviewed()) {
                continue; // a reviewed translation answers in its own language (TranslatedIndex)
            }
            TranslatedSynonyms same =
                    synonyms.computeIfAbsent(translation.language(), l -> TranslatedSynonyms.of(knowledge, l));
            names.computeIfAbsent(translation.language(), l -> new HashMap<>())
                    .put(
                            translation.articleId(),
                            translation.names().stream()
                                    .map(name -> (Set<String>) new LinkedHashSet<>(TranslatedIndex.terms(name)))
                                    .filter(terms -> !terms.isEmpty())
                                    .toList());
            List<Asked> asked = byLanguage.computeIfAbsent(translation.language(), l -> new ArrayList<>());
            for (Translation.TranslatedFaq faq : translation.faqs()) {
                Optional<Faq> english = knowledge.faqs().stream()
                        .filter(f -> f.id().equals(faq.faqId()))
                        .findFirst();
                if (english.isEmpty()) {
                    continue;
                }
                List<String> ways = new ArrayList<>(faq.phrasings());
                ways.addFirst(faq.question());
                for (String way : ways) {
                    Set<String> terms = new LinkedHashSet<>(same.apply(TranslatedIndex.terms(way)));
                    if (!terms.isEmpty()) {
                        asked.add(
                                new Asked(translation.articleId(), english.get().question(), terms));
                    }
                }
            }
        }
        byLanguage.forEach((language, asked) -> {
            // the topics the practice declines, asked in the language: their English way of asking is declined in
            // English
            for (OutOfScopeTopic topic : knowledge.outOfScope()) {
                for (String way : topic.translatedPhrasings().getOrDefault(language, List.of())) {
                    Set<String> terms =
                            new LinkedHashSet<>(synonyms.get(language).apply(TranslatedIndex.terms(way)));
                    if (!terms.isEmpty() && !topic.phrasings().isEmpty()) {
                        asked.add(new Asked(null, topic.phrasings().getFirst(), terms));
                    }
                }
            }
        });
        byLanguage.values().removeIf(List::isEmpty);
        return new DraftTranslations(byLanguage, names, synonyms);
    }

    /** The articles whose names in the language the question gives, every word of one of them. */
    Set<String> articlesNaming(String language, String question) {
        Set<String> terms = new LinkedHashSet<>(TranslatedIndex.terms(question));
        Set<String> named = new LinkedHashSet<>();
        names.getOrDefault(language, Map.of()).forEach((article, list) -> {
            if (list.stream()
                    .anyMatch(name -> name.stream()
                            .allMatch(word -> terms.stream().anyMatch(t -> TranslatedIndex.close(t, word))))) {
                named.add(article);
            }
        });
        return named;
    }

    boolean hasLanguage(String language) {
        return byLanguage.containsKey(language);
    }

    /**
     * The English question of the translated FAQ whose way of asking best fits the question, among the given articles'
     * (all if null), if it fits well enough.
     */
    Optional<String> englishQuestion(String language, String question, Set<String> articles) {
        List<Asked> all = byLanguage.getOrDefault(language, List.of());
        Map<String, Double> weights = idf.getOrDefault(language, Map.of());
        if (all.isEmpty()) {
            return Optional.empty();
        }
        double unknown = TranslatedIndex.maxWeight(weights);
        List<String> terms = new ArrayList<>();
        for (String term : new LinkedHashSet<>(
                synonyms.getOrDefault(language, TranslatedSynonyms.none()).apply(TranslatedIndex.terms(question)))) {
            terms.add(weights.containsKey(term) ? term : TranslatedIndex.nearest(term, weights.keySet()));
        }
        double total = terms.stream()
                .mapToDouble(t -> weights.getOrDefault(t, unknown))
                .sum();
        if (total == 0) {
            return Optional.empty();
        }
        Asked best = null;
        double bestScore = 0;
        for (Asked asked : all) {
            if (articles != null && asked.articleId() != null && !articles.contains(asked.articleId())) {
                continue;
            }
            double shared = terms.stream()
                    .filter(asked.terms()::contains)
                    .mapToDouble(t -> weights.getOrDefault(t, 0.0))
                    .sum();
            double extra = asked.terms().stream()
                    .filter(t -> !terms.contains(t))
                    .mapToDouble(t -> weights.getOrDefault(t, 0.0))
                    .sum();
            double score = shared / (total + extra);
            if (score > bestScore) {
                bestScore = score;
                best = asked;
            }
        }
        return best != null && bestScore >= THRESHOLD ? Optional.of(best.english()) : Optional.empty();
    }
}
