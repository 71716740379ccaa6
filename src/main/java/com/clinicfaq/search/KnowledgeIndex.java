package com.clinicfaq.search;

import com.clinicfaq.knowledge.Article;
import com.clinicfaq.knowledge.Attribution;
import com.clinicfaq.knowledge.Block;
import com.clinicfaq.knowledge.Faq;
import com.clinicfaq.knowledge.KnowledgeBase;
import com.clinicfaq.knowledge.OutOfScopeTopic;
import com.clinicfaq.knowledge.Section;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * One immutable, searchable build of the knowledge base: the Lucene index of curated questions and
 * passages with their vectors, and the items they answer with. Reference-counted so that a rebuild
 * can replace it while questions are still being answered on it.
 */
final class KnowledgeIndex {

    static final String TEXT = "text";
    static final String WORDS = "words";
    static final String VECTOR = "vector";
    static final String ITEM = "item";
    /** The article an entry's item comes from ({@link #NO_ARTICLE} for an out-of-scope topic): a question's scope. */
    static final String ARTICLE = "article";

    static final String NO_ARTICLE = "";

    final List<IndexedItem> items;
    /** Each article's title as its words, spaced and with a space either side ({@link #titleWords}). */
    private final Map<String, String> titleWords;
    /** The vector of each document, by document id: what the visitor's question is compared with. */
    final float[][] vectors;

    final int[] itemOfDoc;
    /** The names of each article's procedure or topic ({@link ArticleTopics}), by article id. */
    final Map<String, List<ArticleTopics.Name>> topics;
    /**
     * The articles curated throughout, as the shipped one is (at least half of their FAQs with the ways visitors ask
     * them, so that a FAQ staff add without any does not turn such an article over): the calibrated sum answers them,
     * not the learned ranking.
     */
    final Set<String> curatedArticles;

    /**
     * The FAQs staff curated: written by staff, or given the ways visitors ask them. In an article not curated
     * throughout (an imported one, as staff begin to curate it), such a FAQ answers when the calibrated sum finds it,
     * and the learned ranking answers the rest: each FAQ staff curate lifts the article, none turns it over to the
     * calibrated sum.
     */
    final Set<String> curatedFaqs;
    /** Each item's words as the documents' analyzer reads them (the learned ranking reads them for every candidate). */
    private final Map<IndexedItem, Set<String>> itemWords;
    /**
     * The vector of what each article item answers, by item: its section's heading for a passage, its FAQ's question
     * for a FAQ and the passages of its answer. Headings are often the questions patients ask ("How Is Sacroiliac
     * Joint Pain Diagnosed?"): the learned ranking reads how close the question is to them.
     */
    private final Map<IndexedItem, float[]> headingVectors;
    /**
     * The out-of-scope phrasings without the procedure's name they give ("how much does kyphoplasty cost" as "how much
     * does cost"; the others as written), with their vectors: written when that article was the library, they say
     * what the practice does not answer about any procedure.
     */
    final List<GenericPhrasing> genericPhrasings;

    /**
     * An out-of-scope phrasing without the procedure's name it had ({@code named}), or as written when it names none:
     * what the topic declines whatever the procedure.
     */
    record GenericPhrasing(IndexedItem topic, String text, float[] vector, boolean named, List<String> about) {

        /** Whether its topic declines questions about the article (an out-of-scope topic's {@code about:}). */
        boolean appliesTo(String article) {
            return article == null || about.isEmpty() || about.contains(article);
        }
    }
    /** The articles whose names (not abbreviations) hold a word, by the word: worked out once, not per question. */
    private final Map<String, Set<String>> articlesByNameWord;
    /** The words that name an article alone, for {@link #articlesCalledIn}. */
    private final Map<String, String> partialNames;

    /** The words (as the documents' analyzer reads them) of each article's texts, by article id. */
    private final Map<String, Set<String>> termsByArticle;
    /** The words one article's text alone uses, and often, for {@link #articlesCalledIn}. */
    private final Map<String, String> ownWords;

    final DirectoryReader reader;
    final IndexSearcher searcher;
    final Analyzer queryAnalyzer;
    final SpellingCorrector speller;
    private final Set<String> synonymWords;
    private final Analyzer documentAnalyzer = Analysis.documents();
    private final Analyzer wordAnalyzer = Analysis.words();
    /**
     * Whether each word asked so far is in the vocabulary: the index never changes, and looking a word up
     * in its terms dictionary costs more than the rest of the lexical search.
     */
    private final Cache<String, Boolean> knownWords =
            Caffeine.newBuilder().maximumSize(10_000).executor(Runnable::run).build();

    private KnowledgeIndex(
            List<IndexedItem> items,
            float[][] vectors,
            int[] itemOfDoc,
            Map<String, List<ArticleTopics.Name>> topics,
            Map<IndexedItem, Set<String>> itemWords,
            Map<IndexedItem, float[]> headingVectors,
            List<GenericPhrasing> genericPhrasings,
            Map<String, Set<String>> termsByArticle,
            Map<String, String> ownWords,
            Set<String> curatedArticles,
            Set<String> curatedFaqs,
            DirectoryReader reader,
            Analyzer queryAnalyzer,
            Set<String> synonymWords) {
        this.itemWords = itemWords;
        this.headingVectors = headingVectors;
        this.genericPhrasings = genericPhrasings;
        this.termsByArticle = termsByArticle;
        this.ownWords = topics.size() < 2 ? Map.of() : ownWords;
        this.curatedArticles = curatedArticles;
        this.curatedFaqs = curatedFaqs;
        this.items = items;
        Map<String, String> titles = new HashMap<>();
        for (IndexedItem item : items) {
            if (item.source() != null && item.source().articleTitle() != null) {
                titles.computeIfAbsent(
                        item.source().articleId(),
                        article -> spaced(item.source().articleTitle()));
            }
        }
        this.titleWords = Map.copyOf(titles);
        this.vectors = vectors;
        this.itemOfDoc = itemOfDoc;
        this.topics = topics;
        Map<String, Set<String>> byWord = new HashMap<>();
        topics.forEach((article, names) -> names.stream()
                .filter(name -> !name.abbreviation())
                .flatMap(name -> com.clinicfaq.knowledge.ProcedureNames.words(name.text()).stream())
                .forEach(word -> byWord.computeIfAbsent(word, w -> new java.util.TreeSet<>())
                        .add(article)));
        this.articlesByNameWord = Map.copyOf(byWord);
        this.partialNames = partialNames(topics, termsByArticle);
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        this.queryAnalyzer = queryAnalyzer;
        this.synonymWords = synonymWords;
        this.speller = new SpellingCorrector(synonymWords);
    }

    /**
     * The articles whose procedure the question names; empty when it names none, or when the library has a single
     * article (nothing to tell apart).
     */
    Set<String> articlesNamedIn(String question) {
        if (topics.size() < 2) {
            return Set.of();
        }
        Set<String> named = new java.util.HashSet<>();
        ArticleTopics.Asked asked = ArticleTopics.Asked.of(question);
        topics.forEach((article, names) -> {
            if (ArticleTopics.named(names, asked)) {
                named.add(article);
            }
        });
        if (named.isEmpty()) {
            return named;
        }
        // "genicular radiofrequency ablation" names the genicular nerve block's article, not radiofrequency
        // ablation's: every mention of the one is qualified by a word of another's names that its own text never uses
        List<String> words = asked.words();
        Set<String> qualified = new java.util.HashSet<>();
        for (String article : List.copyOf(named)) {
            List<ArticleTopics.Mention> mentions = ArticleTopics.mentionsIn(topics.get(article), words);
            Set<String> others = new java.util.HashSet<>();
            for (ArticleTopics.Mention mention : mentions) {
                String other = qualifierOf(article, words, mention.start());
                if (other == null) {
                    others.clear();
                    break;
                }
                others.add(other);
            }
            if (!mentions.isEmpty() && !others.isEmpty()) {
                named.remove(article);
                qualified.addAll(others);
            }
        }
        named.addAll(qualified);
        return named;
    }

    /**
     * The one article the question calls without naming it: by a word of its name alone, a word no other article's
     * text uses ("the ablation", "the stimulator", "the epidural" beside kyphoplasty); else by its own words, words
     * that one article's text uses in at least {@link #OWN_WORD_PASSAGES} passages and no other article's text uses
     * ("knee" beside kyphoplasty and a genicular nerve block; "battery" beside a spinal cord stimulator). Empty when it
     * calls none, or several. The words are read from the library as it is, so they thin out as articles on near
     * subjects are added, and a question that uses none is read as naming no procedure, as before.
     */
    Set<String> articlesCalledIn(String question) {
        if (partialNames.isEmpty() && ownWords.isEmpty()) {
            return Set.of();
        }
        List<String> words = tokens(documentAnalyzer, question);
        Set<String> byName = theOneArticle(partialNames, words);
        return byName.isEmpty() ? theOneArticle(ownWords, words) : byName;
    }

    /** The one article the words point to by the map, word by word; empty when none or several. */
    private static Set<String> theOneArticle(Map<String, String> articleByWord, List<String> words) {
        Set<String> pointed = new java.util.HashSet<>();
        for (String word : words) {
            String article = articleByWord.get(word);
            if (article != null) {
                pointed.add(article);
            }
        }
        return pointed.size() == 1 ? pointed : Set.of();
    }

    /**
     * In how many passages (windows of a few sentences, one starting at each sentence) an article must use a word for
     * it to be one of its own: a subject the article is about, not a word it says once. Chosen on the blind sample
     * articles' dev questions (3, 5 and 10 tried; {@code docs/evaluation.md}).
     */
    static final int OWN_WORD_PASSAGES = 5;

    /**
     * Each word that one article's passages use in at least {@link #OWN_WORD_PASSAGES} and no other article's passages
     * or section headings use, to it (a word counted 0 times is one an article's headings use alone).
     */
    static Map<String, String> ownWords(Map<String, Map<String, Integer>> passagesByWord) {
        Map<String, String> own = new HashMap<>();
        passagesByWord.forEach((word, byArticle) -> {
            if (byArticle.size() == 1) {
                Map.Entry<String, Integer> only =
                        byArticle.entrySet().iterator().next();
                if (only.getValue() >= OWN_WORD_PASSAGES) {
                    own.put(word, only.getKey());
                }
            }
        });
        return Map.copyOf(own);
    }

    /**
     * The first and last words of an article's names (of two words or more) that no other article's text uses, by the
     * analyzer's reading.
     */
    private Map<String, String> partialNames(
            Map<String, List<ArticleTopics.Name>> topics, Map<String, Set<String>> termsByArticle) {
        if (topics.size() < 2) {
            return Map.of();
        }
        Map<String, String> partial = new HashMap<>();
        Set<String> shared = new java.util.HashSet<>();
        topics.forEach((article, names) -> {
            for (ArticleTopics.Name name : names) {
                List<String> words = com.clinicfaq.knowledge.ProcedureNames.words(name.text());
                if (name.abbreviation() || words.size() < 2) {
                    continue;
                }
                // the head, its last word ("ablation", "block", "stimulation"), and the word that sets it apart, its
                // first ("epidural", "genicular"); not the words between, mostly anatomy ("nerve", "cord", "lumbar")
                // that a question about another procedure may use
                for (String word : List.of(words.getFirst(), words.getLast())) {
                    for (String term : word.length() < 4 ? List.<String>of() : tokens(documentAnalyzer, word)) {
                        boolean elsewhere = termsByArticle.entrySet().stream()
                                .anyMatch(e -> !e.getKey().equals(article)
                                        && e.getValue().contains(term));
                        String before = partial.putIfAbsent(term, article);
                        if (elsewhere || before != null && !before.equals(article)) {
                            shared.add(term);
                        }
                    }
                }
            }
        });
        shared.forEach(partial::remove);
        return Map.copyOf(partial);
    }

    /** A question that compares procedures: "is it the same as kyphoplasty?", "how is mild different from an epidural?". */
    private static final java.util.regex.Pattern COMPARES = java.util.regex.Pattern.compile(
            "(?i)\\b(?:same (?:thing )?as|(?:different|differs?) (?:from|than|to)|difference|differ|vs\\.?|versus"
                    + "|compared? (?:to|with)|better than|worse than|instead of|rather than|similar to|(?:kind|sort) of like|(?:is|it's|its|is it|is this) like"
                    + "|igual (?:que|a)|lo mismo que|diferencia|diferente (?:de|a|que)|mejor que|peor que|en vez de)\\b");

    /**
     * The article a comparison asked in the context of one is answered from: that article, when the question names it
     * or a procedure its own text speaks of ("is it the same as kyphoplasty?" on the page of an ablation article that
     * says it is not); null otherwise.
     */
    String comparedFrom(String question, String topicArticle, Set<String> named) {
        if (topicArticle == null || named.isEmpty() || !topics.containsKey(topicArticle)) {
            return null;
        }
        Set<String> spokenOf = spokenOf(topicArticle);
        if (named.contains(topicArticle) && named.size() > 1) {
            // "what is the mild procedure for spinal stenosis?" on mild's page: its article speaks of stenosis
            Set<String> others = new java.util.HashSet<>(named);
            others.remove(topicArticle);
            return spokenOf.containsAll(others) || COMPARES.matcher(question).find() ? topicArticle : null;
        }
        if (!COMPARES.matcher(question).find()) {
            return null;
        }
        return named.contains(topicArticle) || spokenOf.containsAll(named) ? topicArticle : null;
    }

    /** The articles whose procedure an article's own text names, by article. */
    private final Map<String, Set<String>> spokenOf = new java.util.concurrent.ConcurrentHashMap<>();

    private Set<String> spokenOf(String article) {
        return spokenOf.computeIfAbsent(article, a -> {
            StringBuilder text = new StringBuilder();
            for (IndexedItem item : items) {
                if (item.kind() == IndexedItem.Kind.PASSAGE
                        && item.source().articleId().equals(a)) {
                    text.append(item.text()).append(' ');
                }
            }
            Set<String> named = new java.util.HashSet<>();
            ArticleTopics.Asked asked = ArticleTopics.Asked.of(text.toString());
            topics.forEach((other, names) -> {
                if (!other.equals(a) && ArticleTopics.named(names, asked)) {
                    named.add(other);
                }
            });
            return Set.copyOf(named);
        });
    }

    /**
     * The other article whose names hold one of the two words before a mention of this article's names, when this
     * article's own text never uses that word ("genicular" before "radiofrequency ablation"); null if none or several.
     */
    private String qualifierOf(String article, List<String> words, int start) {
        Set<String> own = termsByArticle.getOrDefault(article, Set.of());
        String found = null;
        for (int i = Math.max(0, start - 2); i < start; i++) {
            String word = words.get(i);
            if (word.length() < 4 || tokens(documentAnalyzer, word).stream().anyMatch(own::contains)) {
                continue;
            }
            for (String other : articlesByNameWord.getOrDefault(word, Set.of())) {
                if (other.equals(article)) {
                    continue;
                }
                if (found != null && !found.equals(other)) {
                    return null;
                }
                found = other;
            }
        }
        return found;
    }

    /**
     * The question's words that this article's texts use: an article that uses fewer of them than another is less
     * likely what the question is about ("how long is an aquatic therapy session in the pool" is not about
     * kyphoplasty, whose article says how long a procedure takes but never mentions a pool).
     */
    long wordsOfQuestionIn(String article, Set<String> questionWords) {
        return questionWordsIn(article, questionWords).size();
    }

    /** The article's title as its words, spaced and with a space either side; null for an article it does not hold. */
    String titleWords(String article) {
        return titleWords.get(article);
    }

    /** A text's words ({@link com.clinicfaq.knowledge.ProcedureNames#words}), spaced, with a space either side. */
    static String spaced(String text) {
        return " " + String.join(" ", com.clinicfaq.knowledge.ProcedureNames.words(text)) + " ";
    }

    /** Those of the question's words that this article's texts use. */
    Set<String> questionWordsIn(String article, Set<String> questionWords) {
        Set<String> terms = termsByArticle.getOrDefault(article, Set.of());
        Set<String> in = new java.util.HashSet<>(questionWords);
        in.retainAll(terms);
        return in;
    }

    /** The item's words as the documents' analyzer reads them. */
    Set<String> itemWords(IndexedItem item) {
        Set<String> words = itemWords.get(item);
        return words != null ? words : LayWords.shipped().ofText(AnswerRanking.words(documentAnalyzer, item.text()));
    }

    /** The vector of the item's heading (see {@link #headingVectors}); null for an out-of-scope topic. */
    float[] headingVector(IndexedItem item) {
        return headingVectors.get(item);
    }

    /** The analyzer of the documents' words (stemmed, without stop words). */
    Analyzer documentWords() {
        return documentAnalyzer;
    }

    /** Every article that names the text's procedure, even in a library of one. */
    Set<String> articlesNaming(String text) {
        Set<String> named = new java.util.TreeSet<>();
        ArticleTopics.Asked asked = ArticleTopics.Asked.of(text);
        topics.forEach((article, names) -> {
            if (ArticleTopics.named(names, asked)) {
                named.add(article);
            }
        });
        return named;
    }

    /**
     * The entries a question scoped to these articles may be answered from: theirs and the out-of-scope topics'. Lucene
     * searches within it, so that in a large library the scoped articles' entries are not crowded out of the nearest
     * ones by the others'.
     */
    static Query scope(Set<String> articles) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        any.add(new TermQuery(new Term(ARTICLE, NO_ARTICLE)), BooleanClause.Occur.SHOULD);
        for (String article : articles) {
            any.add(new TermQuery(new Term(ARTICLE, article)), BooleanClause.Occur.SHOULD);
        }
        return any.build();
    }

    /** A text that leads to an item: a curated question, one of its phrasings, or the passage itself. */
    private record Entry(int item, String text) {}

    static KnowledgeIndex build(KnowledgeBase knowledge, ReusingEmbedder embedder) {
        Analyzer queryAnalyzer = Analysis.queries(Analysis.synonyms(knowledge.synonyms()));
        Map<String, Article> articles =
                knowledge.articles().stream().collect(Collectors.toMap(Article::id, Function.identity()));
        List<IndexedItem> items = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        Map<Integer, String> headings = new HashMap<>();
        // how each article's passages are presented: its source is worked out once, not for each passage
        Map<Article, UnaryOperator<String>> presenters = new IdentityHashMap<>();
        for (Faq faq : knowledge.faqs()) {
            Article article = articles.get(faq.articleId());
            UnaryOperator<String> present = presenters.computeIfAbsent(article, Attribution::presenter);
            int item = items.size();
            items.add(new IndexedItem(
                    faq.id(),
                    faq.answer(),
                    source(article, faq.sectionAnchor()),
                    IndexedItem.Kind.FAQ,
                    present.apply(faq.answer())));
            headings.put(item, faq.question());
            entries.add(new Entry(item, faq.question()));
            faq.phrasings().forEach(p -> entries.add(new Entry(item, p)));
            if (faq.origin() == Faq.Origin.ARTICLE) {
                // Published answers are article text too: their passages answer other questions.
                int n = 0;
                for (String text : Passages.windows(new Block(Block.Kind.PARAGRAPH, faq.answer()))) {
                    headings.put(items.size(), faq.question());
                    entries.add(new Entry(items.size(), text));
                    items.add(new IndexedItem(
                            faq.id() + "/" + (++n),
                            text,
                            items.get(item).source(),
                            IndexedItem.Kind.PASSAGE,
                            present.apply(text)));
                }
            }
        }
        for (Article article : knowledge.articles()) {
            addPassages(article, presenters.computeIfAbsent(article, Attribution::presenter), items, entries, headings);
        }
        Map<String, List<ArticleTopics.Name>> topics = new java.util.LinkedHashMap<>();
        knowledge.articles().forEach(article -> topics.put(article.id(), ArticleTopics.of(article)));
        List<Integer> genericTopics = new ArrayList<>();
        List<String> genericTexts = new ArrayList<>();
        List<Integer> plainPhrasings = new ArrayList<>();
        Map<Integer, List<String>> about = new HashMap<>();
        for (OutOfScopeTopic topic : knowledge.outOfScope()) {
            int item = items.size();
            items.add(new IndexedItem(topic.id(), topic.title(), null, IndexedItem.Kind.OUT_OF_SCOPE));
            about.put(item, topic.about());
            for (String phrasing : topic.phrasings()) {
                boolean namesOne = false;
                // the phrasing without the procedure it names, if it names one (GenericPhrasing)
                ArticleTopics.Asked asked = ArticleTopics.Asked.of(phrasing);
                for (List<ArticleTopics.Name> names : topics.values()) {
                    String generic = ArticleTopics.named(names, asked) ? ArticleTopics.generic(names, asked) : "";
                    if (!generic.isBlank()) {
                        genericTopics.add(item);
                        genericTexts.add(generic);
                        namesOne = true;
                    }
                }
                if (!namesOne) {
                    plainPhrasings.add(entries.size());
                }
                entries.add(new Entry(item, phrasing));
            }
        }
        List<String> texts = new ArrayList<>(entries.stream().map(Entry::text).toList());
        List<String> headingTexts = headings.values().stream().distinct().toList();
        texts.addAll(headingTexts);
        texts.addAll(genericTexts);
        List<float[]> all = embedder.embedAll(texts);
        List<float[]> embedded = all.subList(0, entries.size());
        Map<String, float[]> headingVector = new HashMap<>();
        for (int i = 0; i < headingTexts.size(); i++) {
            headingVector.put(headingTexts.get(i), all.get(entries.size() + i));
        }
        Map<IndexedItem, float[]> headingVectors = new java.util.IdentityHashMap<>();
        headings.forEach((item, heading) -> headingVectors.put(items.get(item), headingVector.get(heading)));
        List<GenericPhrasing> genericPhrasings = new ArrayList<>();
        for (int i = 0; i < genericTexts.size(); i++) {
            genericPhrasings.add(new GenericPhrasing(
                    items.get(genericTopics.get(i)),
                    genericTexts.get(i),
                    all.get(entries.size() + headingTexts.size() + i),
                    true,
                    about.get(genericTopics.get(i))));
        }
        for (int entry : plainPhrasings) {
            int item = entries.get(entry).item();
            genericPhrasings.add(new GenericPhrasing(
                    items.get(item), entries.get(entry).text(), all.get(entry), false, about.get(item)));
        }
        Set<String> synonymWords = knowledge.synonyms().stream()
                .flatMap(rule -> Arrays.stream(rule.toLowerCase(Locale.ROOT).split("[^\\p{L}']+")))
                .filter(w -> !w.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        Set<String> curatedFaqs = knowledge.faqs().stream()
                .filter(faq -> !faq.phrasings().isEmpty() || faq.origin() == Faq.Origin.CURATED)
                .map(Faq::id)
                .collect(Collectors.toUnmodifiableSet());
        Set<String> curated =
                knowledge.faqs().stream()
                        .collect(Collectors.groupingBy(Faq::articleId, Collectors.toList()))
                        .entrySet()
                        .stream()
                        .filter(e -> 2
                                        * e.getValue().stream()
                                                .filter(faq -> !faq.phrasings().isEmpty())
                                                .count()
                                >= e.getValue().size())
                        .map(Map.Entry::getKey)
                        .collect(Collectors.toUnmodifiableSet());
        return index(
                items,
                entries,
                about,
                embedded,
                headings,
                headingVectors,
                List.copyOf(genericPhrasings),
                Map.copyOf(topics),
                curated,
                curatedFaqs,
                queryAnalyzer,
                synonymWords);
    }

    private static void addPassages(
            Article article,
            UnaryOperator<String> present,
            List<IndexedItem> items,
            List<Entry> entries,
            Map<Integer, String> headings) {
        for (Passages.Passage passage : Passages.of(article)) {
            headings.put(items.size(), passage.section().title());
            entries.add(new Entry(items.size(), passage.text()));
            items.add(new IndexedItem(
                    passage.id(),
                    passage.text(),
                    source(article, passage.section().anchor()),
                    IndexedItem.Kind.PASSAGE,
                    present.apply(passage.text())));
        }
    }

    private static Answer.Source source(Article article, String anchor) {
        return new Answer.Source(article.id(), article.title(), sectionTitle(article, anchor), anchor);
    }

    private static String sectionTitle(Article article, String anchor) {
        return article.sections().stream()
                .filter(s -> s.anchor().equals(anchor))
                .map(Section::title)
                .findFirst()
                .orElse(article.title());
    }

    private static KnowledgeIndex index(
            List<IndexedItem> items,
            List<Entry> entries,
            Map<Integer, List<String>> about,
            List<float[]> embedded,
            Map<Integer, String> headings,
            Map<IndexedItem, float[]> headingVectors,
            List<GenericPhrasing> genericPhrasings,
            Map<String, List<ArticleTopics.Name>> topics,
            Set<String> curated,
            Set<String> curatedFaqs,
            Analyzer queryAnalyzer,
            Set<String> synonymWords) {
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        Analyzer analyzer = new PerFieldAnalyzerWrapper(Analysis.documents(), Map.of(WORDS, Analysis.words()));
        IndexWriterConfig config = new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE);
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (int i = 0; i < entries.size(); i++) {
                Entry entry = entries.get(i);
                Document document = new Document();
                document.add(new TextField(TEXT, entry.text(), Field.Store.NO));
                document.add(new TextField(WORDS, entry.text(), Field.Store.NO));
                document.add(new StoredField(ITEM, entry.item()));
                Answer.Source source = items.get(entry.item()).source();
                // an out-of-scope topic written about some articles is within the scope of their questions only
                List<String> scopes =
                        source != null ? List.of(source.articleId()) : about.getOrDefault(entry.item(), List.of());
                if (scopes.isEmpty()) {
                    document.add(new StringField(ARTICLE, NO_ARTICLE, Field.Store.NO));
                }
                for (String article : scopes) {
                    document.add(new StringField(ARTICLE, article, Field.Store.NO));
                }
                document.add(new KnnFloatVectorField(VECTOR, embedded.get(i), VectorSimilarityFunction.COSINE));
                writer.addDocument(document);
            }
            writer.forceMerge(1);
            writer.commit();
            DirectoryReader reader = DirectoryReader.open(directory);
            // forceMerge(1) with no deletions keeps documents in the order they were added.
            int[] itemOfDoc = entries.stream().mapToInt(Entry::item).toArray();
            Analyzer documents = Analysis.documents();
            Map<IndexedItem, Set<String>> itemWords = new java.util.IdentityHashMap<>();
            Map<String, Map<String, Integer>> passagesByWord = new java.util.HashMap<>();
            Map<String, Set<String>> headingWords = new HashMap<>();
            Map<IndexedItem, String> headingOf = new java.util.IdentityHashMap<>();
            headings.forEach((item, heading) -> headingOf.put(items.get(item), heading));
            for (IndexedItem item : items) {
                Set<String> words = AnswerRanking.itemWords(documents, item, headingOf.get(item));
                itemWords.put(item, LayWords.shipped().ofText(words));
                // the article's own text (its passages), not the questions curated for it (many, in visitors' words)
                if (item.source() != null && item.kind() == IndexedItem.Kind.PASSAGE) {
                    for (String word : words) {
                        passagesByWord
                                .computeIfAbsent(word, w -> new java.util.HashMap<>())
                                .merge(item.source().articleId(), 1, Integer::sum);
                    }
                    // the heading of a passage's section is the article's own text too ("Recovery After a Spinal Cord
                    // Stimulator Implant"): the article uses its words, though they count toward no passage
                    String heading = headingOf.get(item);
                    if (heading != null) {
                        // a section's passages share its heading: read once
                        for (String word :
                                headingWords.computeIfAbsent(heading, h -> AnswerRanking.words(documents, h))) {
                            passagesByWord
                                    .computeIfAbsent(word, w -> new java.util.HashMap<>())
                                    .merge(item.source().articleId(), 0, Integer::sum);
                        }
                    }
                }
            }
            Map<String, Set<String>> termsByArticle = new java.util.HashMap<>();
            passagesByWord.forEach((word, byArticle) -> byArticle
                    .keySet()
                    .forEach(article -> termsByArticle
                            .computeIfAbsent(article, a -> new java.util.HashSet<>())
                            .add(word)));
            return new KnowledgeIndex(
                    items,
                    embedded.toArray(float[][]::new),
                    itemOfDoc,
                    topics,
                    itemWords,
                    headingVectors,
                    genericPhrasings,
                    Map.copyOf(termsByArticle),
                    ownWords(passagesByWord),
                    curated,
                    curatedFaqs,
                    reader,
                    queryAnalyzer,
                    synonymWords);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The share of the question's meaningful words that appear nowhere in the knowledge base nor its
     * synonyms: "how much does kyphoplasty cost" has one known word and one unknown.
     */
    double unknownShare(String question) {
        List<String> words = tokens(wordAnalyzer, question).stream()
                .filter(w -> !Analysis.STOP_WORDS.contains(w))
                .toList();
        if (words.isEmpty()) {
            return 0;
        }
        long unknown = words.stream().filter(w -> !known(w)).count();
        return (double) unknown / words.size();
    }

    private boolean known(String word) {
        return knownWords.get(word, this::lookUpKnown);
    }

    private boolean lookUpKnown(String word) {
        if (synonymWords.contains(word)) {
            return true;
        }
        try {
            if (reader.docFreq(new Term(WORDS, word)) > 0) {
                return true;
            }
            for (String stem : tokens(documentAnalyzer, word)) {
                if (reader.docFreq(new Term(TEXT, stem)) > 0) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> tokens(Analyzer analyzer, String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(TEXT, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    boolean tryIncRef() {
        return reader.tryIncRef();
    }

    void decRef() {
        try {
            reader.decRef();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
