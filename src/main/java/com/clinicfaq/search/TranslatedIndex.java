package com.clinicfaq.search;

import com.clinicfaq.knowledge.Article;
import com.clinicfaq.knowledge.Block;
import com.clinicfaq.knowledge.Faq;
import com.clinicfaq.knowledge.Folding;
import com.clinicfaq.knowledge.KnowledgeBase;
import com.clinicfaq.knowledge.OutOfScopeTopic;
import com.clinicfaq.knowledge.ProcedureNames;
import com.clinicfaq.knowledge.Section;
import com.clinicfaq.knowledge.Translation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The reviewed translations of the articles, to answer a visitor who writes in their language from the text staff
 * reviewed in it (issue #16). Each translated FAQ (its question and the ways visitors ask it) and each paragraph of a
 * translated section is an item; a question is matched to them by its words, read with Lucene's Spanish analysis
 * (lower case, accents folded, stop words out, light stemming; a word one letter off a known word is taken for it), and
 * by meaning (the engine's embedding model, which reads Spanish poorly but not at random). An item's id is its English
 * item's (the FAQ id, or {@code article#anchor/es-n} for a paragraph), so that what it answers can be checked against
 * the English article.
 */
final class TranslatedIndex {

    /** An item in the language: what it answers, and where it comes from. */
    record Item(
            String id,
            String articleId,
            String articleTitle,
            String sectionTitle,
            String anchor,
            String text,
            List<String> asked,
            Set<String> askedTerms,
            List<Set<String>> eachAsked,
            Set<String> textTerms,
            List<float[]> askedVectors,
            float[] textVector,
            boolean faq) {

        /** Whether it is a topic the practice declines rather than an answer. */
        boolean declined() {
            return articleId == null;
        }
    }

    /** An item with how well it matches a question, on [0, 1], and the parts of that. */
    record Scored(
            Item item,
            double score,
            double askedWords,
            double textWords,
            double askedMeaning,
            double textMeaning,
            double closestAsked) {}

    /**
     * How much each reading counts (chosen on the Spanish set's dev half, {@code SpanishAnswersCommand --grid}): the
     * words of the one way of asking closest to the question, the meaning of the closest way of asking, and the
     * meaning of the answer; the words of the answer did not help. They add up to 1.
     */
    static final double ASKED_WORDS = 0.5 / 1.15;

    static final double TEXT_WORDS = 0;
    static final double ASKED_MEANING = 0.5 / 1.15;
    static final double TEXT_MEANING = 0.15 / 1.15;

    private static final CharArraySet SPANISH_STOP;

    static {
        CharArraySet stop = new CharArraySet(64, true);
        for (Object word : SpanishAnalyzer.getDefaultStopSet()) {
            stop.add(Folding.withoutAccents(new String((char[]) word)));
        }
        // the words every question is made of, which say nothing of what it asks
        stop.addAll(List.of(
                "puedo",
                "puede",
                "pueden",
                "hay",
                "tengo",
                "tiene",
                "quiero",
                "saber",
                "pregunta",
                "favor",
                "hola",
                "usted",
                "ustedes",
                "doctor",
                "doctora",
                "dr",
                "q",
                "k",
                "xq",
                "pq",
                "cual",
                "cuales",
                "como",
                "que",
                "donde",
                "cuando",
                "porque",
                "mi",
                "mis",
                "mama",
                "papa",
                "esposo",
                "esposa",
                "si",
                "no"));
        SPANISH_STOP = CharArraySet.unmodifiableSet(stop);
    }

    private static final Analyzer SPANISH = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            StandardTokenizer tokenizer = new StandardTokenizer();
            TokenStream stream = new StopFilter(new ASCIIFoldingFilter(new LowerCaseFilter(tokenizer)), SPANISH_STOP);
            return new TokenStreamComponents(tokenizer, new SpanishLightStemFilter(stream));
        }
    };

    private final Map<String, List<Item>> byLanguage;
    /** Per language, per article, the names visitors writing in it give the procedure, as terms. */
    private final Map<String, Map<String, List<List<String>>>> names;
    /** Per article of the library, the words of five letters or more of its names (read once, at build). */
    private final Map<String, List<String>> nameWords;

    private final Map<String, Map<String, Double>> idf;
    private final Map<String, Set<String>> vocabulary;
    /** Per language, the words its translations give as the same thing. */
    private final Map<String, TranslatedSynonyms> synonyms;

    private TranslatedIndex(
            Map<String, List<Item>> byLanguage,
            Map<String, Map<String, List<List<String>>>> names,
            Map<String, List<String>> nameWords,
            Map<String, TranslatedSynonyms> synonyms) {
        this.byLanguage = byLanguage;
        this.synonyms = synonyms;
        this.names = names;
        this.nameWords = nameWords;
        this.idf = new HashMap<>();
        this.vocabulary = new HashMap<>();
        byLanguage.forEach((language, items) -> {
            Map<String, Double> weights = idf(items.stream()
                    .map(item -> {
                        Set<String> terms = new LinkedHashSet<>(item.askedTerms());
                        terms.addAll(item.textTerms());
                        return terms;
                    })
                    .toList());
            idf.put(language, weights);
            vocabulary.put(language, weights.keySet());
        });
    }

    /** Each term's rarity among the documents (each a set of terms): the weight a question's shared term counts with. */
    static Map<String, Double> idf(List<Set<String>> documents) {
        Map<String, Integer> df = new HashMap<>();
        documents.forEach(terms -> terms.forEach(t -> df.merge(t, 1, Integer::sum)));
        Map<String, Double> weights = new HashMap<>();
        df.forEach((term, n) -> weights.put(term, Math.log(1 + (documents.size() + 1.0) / (n + 0.5))));
        return weights;
    }

    static TranslatedIndex empty() {
        return new TranslatedIndex(Map.of(), Map.of(), Map.of(), Map.of());
    }

    /** The reviewed translations of the knowledge base, embedded with the model the engine embeds questions with. */
    static TranslatedIndex build(
            KnowledgeBase knowledge, java.util.function.Function<List<String>, List<float[]>> embedder) {
        Map<String, List<Item>> byLanguage = new HashMap<>();
        Map<String, Map<String, List<List<String>>>> names = new HashMap<>();
        Set<String> outOfScopeAdded = new java.util.HashSet<>();
        Map<String, TranslatedSynonyms> synonyms = new HashMap<>();
        for (Translation translation : knowledge.translations()) {
            if (!translation.isReviewed()) {
                continue;
            }
            TranslatedSynonyms same =
                    synonyms.computeIfAbsent(translation.language(), l -> TranslatedSynonyms.of(knowledge, l));
            Article article = knowledge.article(translation.articleId()).orElseThrow();
            List<Item> items = byLanguage.computeIfAbsent(translation.language(), l -> new ArrayList<>());
            for (Translation.TranslatedFaq faq : translation.faqs()) {
                Faq english = knowledge.faqs().stream()
                        .filter(f -> f.id().equals(faq.faqId()))
                        .findFirst()
                        .orElseThrow();
                Section section = translation
                        .section(english.sectionAnchor())
                        .orElseGet(() -> article.sections().stream()
                                .filter(s -> s.anchor().equals(english.sectionAnchor()))
                                .findFirst()
                                .orElseThrow());
                List<String> asked = new ArrayList<>(faq.phrasings());
                asked.addFirst(faq.question());
                // and as it is asked in English: visitors mix the two ("puedo hacer heavy lifting después?")
                asked.add(english.question());
                asked.addAll(english.phrasings());
                items.add(item(
                        faq.faqId(),
                        translation.articleId(),
                        translation.title(),
                        section,
                        faq.answer(),
                        asked,
                        embedder,
                        same));
            }
            for (Section section : translation.sections()) {
                int n = 0;
                for (Block block : section.blocks()) {
                    n++;
                    if (terms(block.text()).size() < 4) {
                        continue; // a heading-like line says nothing by itself
                    }
                    items.add(item(
                            translation.articleId() + "#" + section.anchor() + "/" + translation.language() + "-" + n,
                            translation.articleId(),
                            translation.title(),
                            section,
                            block.text(),
                            List.of(section.title()),
                            embedder,
                            same));
                }
            }
            List<List<String>> articleNames = new ArrayList<>();
            if (!outOfScopeAdded.contains(translation.language())) {
                // the topics the practice declines, asked in any language: declined in this one as in English
                outOfScopeAdded.add(translation.language());
                for (OutOfScopeTopic topic : knowledge.outOfScope()) {
                    List<String> asked = new ArrayList<>(
                            topic.translatedPhrasings().getOrDefault(translation.language(), List.of()));
                    asked.addAll(topic.phrasings());
                    items.add(item(topic.id(), null, topic.title(), null, "", asked, embedder, same));
                }
            }
            for (String name : translation.names()) {
                articleNames.add(terms(name));
            }
            names.computeIfAbsent(translation.language(), l -> new HashMap<>())
                    .put(translation.articleId(), articleNames);
        }
        Map<String, List<String>> nameWords = new HashMap<>();
        if (!byLanguage.isEmpty()) {
            for (Article article : knowledge.articles()) {
                List<String> articleNames =
                        article.names().isEmpty() ? ProcedureNames.propose(article) : article.names();
                nameWords.put(
                        article.id(),
                        articleNames.stream()
                                .flatMap(name ->
                                        ProcedureNames.words(
                                                Folding.withoutAccents(name).toLowerCase(Locale.ROOT))
                                                .stream())
                                .filter(w -> w.length() >= 5)
                                .distinct()
                                .toList());
            }
        }
        return new TranslatedIndex(byLanguage, names, nameWords, synonyms);
    }

    /** @param articleId null for a topic the practice declines (then {@code section} is null and the text empty) */
    private static Item item(
            String id,
            String articleId,
            String articleTitle,
            Section section,
            String text,
            List<String> asked,
            java.util.function.Function<List<String>, List<float[]>> embedder,
            TranslatedSynonyms same) {
        Set<String> askedTerms = new LinkedHashSet<>();
        List<Set<String>> eachAsked = new ArrayList<>();
        asked.forEach(a -> {
            askedTerms.addAll(same.apply(terms(a)));
            eachAsked.add(new LinkedHashSet<>(same.apply(terms(a))));
        });
        List<String> texts = new ArrayList<>(asked);
        if (!text.isEmpty()) {
            texts.add(text);
        }
        List<float[]> vectors = embedder.apply(texts);
        float[] textVector = text.isEmpty() ? new float[vectors.getFirst().length] : vectors.getLast();
        boolean faq = section != null && !id.contains("#");
        return new Item(
                id,
                articleId,
                articleTitle,
                section == null ? null : section.title(),
                section == null ? null : section.anchor(),
                text,
                List.copyOf(asked),
                askedTerms,
                List.copyOf(eachAsked),
                new LinkedHashSet<>(same.apply(terms(text))),
                List.copyOf(vectors.subList(0, asked.size())),
                textVector,
                faq);
    }

    /** Whether the article has a reviewed translation into the language. */
    boolean translates(String language, String articleId) {
        return names.getOrDefault(language, Map.of()).containsKey(articleId);
    }

    boolean hasLanguage(String language) {
        return byLanguage.containsKey(language);
    }

    /** The articles of the language whose names the question gives ("cifoplastia", "la kifoplastia"). */
    Set<String> articlesNaming(String language, String question) {
        List<String> words = terms(question);
        Set<String> named = new LinkedHashSet<>();
        names.getOrDefault(language, Map.of()).forEach((article, list) -> {
            for (List<String> name : list) {
                if (!name.isEmpty() && containsInOrder(words, name)) {
                    named.add(article);
                }
            }
        });
        return named;
    }

    private static boolean containsInOrder(List<String> words, List<String> name) {
        outer:
        for (int i = 0; i + name.size() <= words.size(); i++) {
            for (int j = 0; j < name.size(); j++) {
                if (!close(words.get(i + j), name.get(j))) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /**
     * The articles a question names by a word one letter off a word of their names, as another language writes an
     * English name: "ablación" for "ablation", "fractura" for "fracture" (words of five letters or more). Question and
     * names lose their accents alike ({@link Folding#withoutAccents}); compatibility forms are left as they are, unlike
     * the policy's {@link Folding#plain}.
     */
    Set<String> articlesNamedAsWritten(String question) {
        List<String> words =
                ProcedureNames.words(Folding.withoutAccents(question).toLowerCase(Locale.ROOT));
        Set<String> named = new LinkedHashSet<>();
        nameWords.forEach((article, nameWordsOfArticle) -> {
            if (nameWordsOfArticle.stream().anyMatch(w -> words.stream().anyMatch(q -> close(q, w)))) {
                named.add(article);
            }
        });
        return named;
    }

    /**
     * The best items of the language for the question, among the given articles' (all of them if null), best first.
     */
    List<Scored> rank(String language, String question, float[] meaning, Set<String> articles, int limit) {
        List<Item> items = byLanguage.getOrDefault(language, List.of());
        Map<String, Double> weights = idf.getOrDefault(language, Map.of());
        Set<String> known = vocabulary.getOrDefault(language, Set.of());
        List<String> asked = new ArrayList<>();
        for (String term : new LinkedHashSet<>(
                synonyms.getOrDefault(language, TranslatedSynonyms.none()).apply(terms(question)))) {
            asked.add(known.contains(term) ? term : nearest(term, known));
        }
        double total = asked.stream()
                .mapToDouble(t -> weights.getOrDefault(t, maxWeight(weights)))
                .sum();
        List<Scored> scored = new ArrayList<>();
        for (Item item : items) {
            if (articles != null && item.articleId() != null && !articles.contains(item.articleId())) {
                continue;
            }
            double askedWords = total == 0
                    ? 0
                    : asked.stream()
                                    .filter(item.askedTerms()::contains)
                                    .mapToDouble(t -> weights.getOrDefault(t, 0.0))
                                    .sum()
                            / total;
            double textWords = total == 0
                    ? 0
                    : asked.stream()
                                    .filter(item.textTerms()::contains)
                                    .mapToDouble(t -> weights.getOrDefault(t, 0.0))
                                    .sum()
                            / total;
            double askedMeaning = item.askedVectors().stream()
                    .mapToDouble(v -> Vectors.dot(meaning, v))
                    .max()
                    .orElse(0);
            double textMeaning = Vectors.dot(meaning, item.textVector());
            // the one way of asking that shares most of the question's words, less those it has and the question lacks
            double closestAsked = 0;
            for (Set<String> one : item.eachAsked()) {
                double shared = asked.stream()
                        .filter(one::contains)
                        .mapToDouble(t -> weights.getOrDefault(t, 0.0))
                        .sum();
                double extra = one.stream()
                        .filter(t -> !asked.contains(t))
                        .mapToDouble(t -> weights.getOrDefault(t, 0.0))
                        .sum();
                closestAsked = Math.max(closestAsked, total == 0 ? 0 : shared / (total + extra));
            }
            double score = ASKED_WORDS * closestAsked
                    + TEXT_WORDS * textWords
                    + ASKED_MEANING * Math.max(0, askedMeaning)
                    + TEXT_MEANING * Math.max(0, textMeaning);
            scored.add(new Scored(item, score, askedWords, textWords, askedMeaning, textMeaning, closestAsked));
        }
        scored.sort((a, b) -> Double.compare(b.score(), a.score()));
        return scored.subList(0, Math.min(limit, scored.size()));
    }

    static double maxWeight(Map<String, Double> weights) {
        return weights.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
    }

    /**
     * A known term one edit from the word (for words of five letters or more), else one that sounds the same or one
     * edit from the same sound ({@link #sound}: "bertebras" for "vértebras", "sirujia" for "cirugía", "vaolon" for
     * "balón"), or the word itself.
     */
    static String nearest(String term, Set<String> known) {
        if (term.length() < 4) {
            return term;
        }
        if (term.length() >= 5) {
            for (String candidate : known) {
                if (close(term, candidate)) {
                    return candidate;
                }
            }
        }
        if (!SOUNDS_ALIKE) {
            return term;
        }
        String sound = com.clinicfaq.knowledge.Folding.spanishSound(term);
        java.util.NavigableMap<String, String> bySound = SOUNDS.get(known, TranslatedIndex::bySound);
        String same = bySound.get(sound);
        if (same != null) {
            return same;
        }
        if (sound.length() >= 5) {
            for (Map.Entry<String, String> entry : bySound.entrySet()) {
                if (close(sound, entry.getKey())) {
                    return entry.getValue();
                }
            }
        }
        return term;
    }

    /**
     * Each vocabulary's terms of four letters or more by their sound (the first in alphabetical order where two sound
     * alike), computed once per vocabulary: a vocabulary is known by identity, and forgotten with it.
     */
    private static final com.github.benmanes.caffeine.cache.Cache<Set<String>, java.util.NavigableMap<String, String>>
            SOUNDS = com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
                    .weakKeys()
                    .executor(Runnable::run)
                    .build();

    private static java.util.NavigableMap<String, String> bySound(Set<String> known) {
        java.util.NavigableMap<String, String> bySound = new java.util.TreeMap<>();
        known.stream()
                .filter(t -> t.length() >= 4)
                .sorted()
                .forEach(t -> bySound.putIfAbsent(com.clinicfaq.knowledge.Folding.spanishSound(t), t));
        return java.util.Collections.unmodifiableNavigableMap(bySound);
    }

    /** Off only to measure what it changes ({@code -Dclinicfaq.no-sounds-alike=true}). */
    private static final boolean SOUNDS_ALIKE = !Boolean.getBoolean("clinicfaq.no-sounds-alike");

    /** The same term, or one edit apart (a letter changed, added, dropped or two swapped) for terms of five letters or more. */
    static boolean close(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        if (Math.min(a.length(), b.length()) < 5 || Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        int i = 0;
        while (i < Math.min(a.length(), b.length()) && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (a.length() == b.length()) {
            return a.substring(i + 1).equals(b.substring(i + 1))
                    || i + 1 < a.length()
                            && a.charAt(i) == b.charAt(i + 1)
                            && a.charAt(i + 1) == b.charAt(i)
                            && a.substring(i + 2).equals(b.substring(i + 2));
        }
        return a.length() > b.length()
                ? a.substring(i + 1).equals(b.substring(i))
                : a.substring(i).equals(b.substring(i + 1));
    }

    /** The text's terms as the Spanish analysis reads them. */
    static List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = SPANISH.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    Optional<Item> item(String language, String id) {
        return byLanguage.getOrDefault(language, List.of()).stream()
                .filter(i -> i.id().equals(id))
                .findFirst();
    }
}
