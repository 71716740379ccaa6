package com.clinicfaq.search;

import com.clinicfaq.knowledge.KnowledgeBase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.QueryBuilder;
import org.apache.lucene.util.VectorUtil;

/**
 * Answers a visitor's question with text copied from the knowledge base, or says it does not know.
 * Lexical (BM25 with synonyms and spelling correction) and semantic (sentence embeddings in
 * Lucene's vector field) candidates are fused; the best one is answered when it clears the
 * calibrated threshold.
 *
 * <p>Thread-safe. {@link #rebuild} builds a new index off to the side and swaps it in atomically:
 * questions in flight finish on the index they started with.
 */
public final class AnswerEngine implements AutoCloseable {

    private static final int CANDIDATES = 20;
    /** How many of the nearest texts in meaning vote for their item. */
    static final int VOTERS = 10;

    private final Embedder embedder;
    private final ReusingEmbedder buildEmbedder;
    private final Scoring scoring;
    /** For articles imported without curated phrasings; null: the calibrated sum everywhere. */
    private volatile AnswerRanking ranking = AnswerRanking.shipped();

    private final AtomicReference<KnowledgeIndex> current = new AtomicReference<>();
    /** The reviewed translations, built with the index (issue #16). */
    private volatile TranslatedIndex translated = TranslatedIndex.empty();

    private volatile DraftTranslations drafts = DraftTranslations.empty();
    private volatile KnowledgeBase knowledge;
    private volatile IndexStats stats;

    public AnswerEngine(KnowledgeBase knowledge, Embedder embedder, Scoring scoring) {
        this(knowledge, embedder, scoring, new ReusingEmbedder(embedder));
    }

    private AnswerEngine(KnowledgeBase knowledge, Embedder embedder, Scoring scoring, ReusingEmbedder buildEmbedder) {
        this.embedder = embedder;
        this.buildEmbedder = buildEmbedder;
        this.scoring = scoring;
        rebuild(knowledge);
        SpanishGloss.shipped(); // read once, at start-up, rather than on the first Spanish visitor's question
    }

    /**
     * A separate engine over a draft, to try it before it is published; texts the live index already has are
     * not embedded again. The caller closes it.
     */
    public AnswerEngine preview(KnowledgeBase draft) {
        AnswerEngine preview = new AnswerEngine(draft, embedder, scoring, buildEmbedder.copy());
        preview.ranking = ranking;
        return preview;
    }

    /** The same engine with another learned ranking, or none (for training and comparing it). */
    AnswerEngine ranking(AnswerRanking ranking) {
        this.ranking = ranking;
        return this;
    }

    /**
     * The model this engine embeds visitors' questions with, remembering recent ones by digest: for others that
     * read visitors' messages by meaning (the policy's red flags), so that a sentence is embedded once.
     */
    public Embedder questionEmbedder() {
        return embedder;
    }

    /**
     * An out-of-scope topic that declines an article's own procedure: one of its phrasings is about nothing but the
     * procedure ("what is radiofrequency ablation", "do you offer RFA") that an article of the library is about.
     */
    public record Contradiction(String topicId, String phrasing, String articleId) {}

    /** Words that ask about a procedure itself, not about something of it (its cost, its insurance). */
    private static final Set<String> ABOUT_ITSELF = Set.of(
            "what",
            "whats",
            "is",
            "are",
            "do",
            "does",
            "you",
            "your",
            "offer",
            "provide",
            "perform",
            "have",
            "a",
            "an",
            "the",
            "about",
            "tell",
            "me",
            "explain",
            "mean",
            "means",
            "meaning",
            "define",
            "definition",
            "of",
            "it",
            "that",
            "this",
            "there",
            "can",
            "i",
            "get",
            "info",
            "information",
            "on");

    /**
     * The out-of-scope topics of the knowledge base that contradict its articles: written when the library had other
     * articles, they would decline what an article now answers (issue #14). For the publish safety net.
     */
    public List<Contradiction> outOfScopeContradictions(KnowledgeBase knowledge) {
        KnowledgeIndex index = acquire();
        try {
            List<Contradiction> found = new ArrayList<>();
            for (var topic : knowledge.outOfScope()) {
                for (String phrasing : topic.phrasings()) {
                    for (String article : index.articlesNaming(phrasing)) {
                        // "how much does kyphoplasty cost" names kyphoplasty but asks about its cost: no contradiction
                        if (ABOUT_ITSELF.containsAll(ArticleTopics.wordsBesides(index.topics.get(article), phrasing))) {
                            found.add(new Contradiction(topic.id(), phrasing, article));
                        }
                    }
                }
            }
            return found;
        } finally {
            index.decRef();
        }
    }

    /** What a rebuild produced: counts to log and report. */
    public record IndexStats(int items, int documents, long buildMillis) {}

    public synchronized IndexStats rebuild(KnowledgeBase knowledge) {
        long start = System.nanoTime();
        KnowledgeIndex fresh = KnowledgeIndex.build(knowledge, buildEmbedder);
        TranslatedIndex freshTranslations = TranslatedIndex.build(knowledge, buildEmbedder::embedAll);
        this.knowledge = knowledge;
        this.translated = freshTranslations;
        this.drafts = DraftTranslations.build(knowledge);
        KnowledgeIndex old = current.getAndSet(fresh);
        if (old != null) {
            old.decRef();
        }
        stats = new IndexStats(fresh.items.size(), fresh.itemOfDoc.length, (System.nanoTime() - start) / 1_000_000);
        return stats;
    }

    /** What the index now serving was built from. */
    public IndexStats stats() {
        return stats;
    }

    public Answer answer(String question) {
        return answer(question, null);
    }

    /** How well a question must match a translated item to be answered from it (chosen on the Spanish set's dev half). */
    static final double TRANSLATED_THRESHOLD = 0.45 / 1.15;

    /**
     * The answer in the visitor's language from a translation staff reviewed (issue #16): {@link Answer.Found} with
     * the translated text, its source in the language and the id of the English item it translates;
     * {@link Answer.OutOfScope} for a topic the practice declines, asked in the language; or {@link Answer.Unknown}
     * when no reviewed translation answers it well enough, and the visitor is answered as before (in English, with a
     * note in their language). A question that names a procedure, in either language, is answered from that
     * procedure's translation only; one that names none, from the conversation's topic's, or from the library's only
     * article: in a library of several, without a name or a topic, nothing is answered from a translation.
     *
     * @param language the visitor's language's ISO 639-1 code
     * @param topicArticle the article of the conversation's topic, or null for none
     */
    public Answer answerTranslated(String question, String language, String topicArticle) {
        TranslatedIndex translations = this.translated;
        if (!translations.hasLanguage(language) || question.codePoints().noneMatch(Character::isLetter)) {
            return new Answer.Unknown(0);
        }
        Set<String> named;
        KnowledgeIndex index = acquire();
        try {
            named = new java.util.LinkedHashSet<>(index.articlesNaming(question));
        } finally {
            index.decRef();
        }
        named.addAll(translations.articlesNaming(language, question));
        named.addAll(translations.articlesNamedAsWritten(question));
        Set<String> scope = !named.isEmpty() ? named : topicArticle != null ? Set.of(topicArticle) : null;
        if (scope == null && knowledge.articles().size() > 1) {
            // no procedure named and no topic yet, in a library of several: the articles without a translation cannot
            // say how well they would answer, so answering from one that has one would be a guess
            return new Answer.Unknown(0);
        }
        if (scope != null && scope.stream().noneMatch(article -> translations.translates(language, article))) {
            return new Answer.Unknown(0); // about an article without a reviewed translation: answered in English
        }
        List<TranslatedIndex.Scored> ranked =
                translations.rank(language, question, embedder.embed(readingInEnglish(question, language)), scope, 20);
        if (ranked.isEmpty() || ranked.getFirst().score() < TRANSLATED_THRESHOLD) {
            return new Answer.Unknown(ranked.isEmpty() ? 0 : ranked.getFirst().score());
        }
        TranslatedIndex.Scored best = ranked.getFirst();
        if (best.item().declined()) {
            return new Answer.OutOfScope(best.item().id(), best.item().articleTitle(), best.score());
        }
        TranslatedIndex.Item item = best.item();
        return new Answer.Found(
                attributed(item, language),
                new Answer.Source(item.articleId(), item.articleTitle(), item.sectionTitle(), item.anchor()),
                item.id(),
                Math.min(1, best.score()),
                Answer.Basis.HYBRID);
    }

    /**
     * The same answer from a reviewed translation in the language: the translation of the same FAQ, or the translated
     * passage of the same section that best fits the question. For a question whose English twin staff wrote (a
     * suggestion offered in both languages), so that it is answered from the same place in either language.
     */
    public Optional<Answer.Found> translationOf(Answer.Found english, String question, String language) {
        TranslatedIndex translations = this.translated;
        String article = english.source().articleId();
        if (article == null || !translations.translates(language, article)) {
            return Optional.empty();
        }
        return translations
                .rank(
                        language,
                        question,
                        embedder.embed(readingInEnglish(question, language)),
                        Set.of(article),
                        Integer.MAX_VALUE)
                .stream()
                .map(TranslatedIndex.Scored::item)
                .filter(item -> item.faq()
                        ? item.id().equals(english.itemId())
                        : !isFaq(english.itemId())
                                && item.anchor().equals(english.source().anchor()))
                .findFirst()
                .map(item -> new Answer.Found(
                        attributed(item, language),
                        new Answer.Source(item.articleId(), item.articleTitle(), item.sectionTitle(), item.anchor()),
                        item.id(),
                        english.confidence(),
                        english.basis()));
    }

    private boolean isFaq(String itemId) {
        return knowledge.faqs().stream().anyMatch(faq -> faq.id().equals(itemId));
    }

    /**
     * The English question that a question in another language asks, read from a translation staff have not reviewed
     * yet: only its ways of asking are read, never said, so the visitor is answered from the English article (issue
     * #16, item 4). Among the articles the question names, else the conversation's topic, else all; empty where no way of
     * asking fits well enough ({@link DraftTranslations#THRESHOLD}).
     */
    public Optional<String> englishQuestion(String question, String language, String topicArticle) {
        DraftTranslations drafts = this.drafts;
        if (!drafts.hasLanguage(language)) {
            return Optional.empty();
        }
        Set<String> named = new java.util.LinkedHashSet<>(drafts.articlesNaming(language, question));
        KnowledgeIndex index = acquire();
        try {
            named.addAll(index.articlesNaming(question));
        } finally {
            index.decRef();
        }
        Set<String> scope = !named.isEmpty() ? named : topicArticle != null ? Set.of(topicArticle) : null;
        if (scope == null && knowledge.articles().size() > 1) {
            return Optional
                    .empty(); // no procedure named and no topic, in a library of several: which one would be a guess
        }
        return drafts.englishQuestion(language, question, scope);
    }

    /** The translated text, quoted after who wrote it where its English speaks in its author's first person. */
    private String attributed(TranslatedIndex.Item item, String language) {
        com.clinicfaq.knowledge.Article article =
                knowledge.article(item.articleId()).orElseThrow();
        String english = item.faq()
                ? knowledge.faqs().stream()
                        .filter(f -> f.id().equals(item.id()))
                        .map(com.clinicfaq.knowledge.Faq::answer)
                        .findFirst()
                        .orElse("")
                : article.sections().stream()
                        .filter(s -> s.anchor().equals(item.anchor()))
                        .flatMap(s -> s.blocks().stream())
                        .map(com.clinicfaq.knowledge.Block::text)
                        .collect(java.util.stream.Collectors.joining("\n"));
        if (!com.clinicfaq.knowledge.Attribution.firstPerson(english)) {
            return item.text();
        }
        String author = com.clinicfaq.knowledge.Attribution.author(article.author());
        String about = knowledge.translations().stream()
                .filter(t ->
                        t.articleId().equals(item.articleId()) && t.language().equals(language))
                .flatMap(t -> t.names().stream())
                .findFirst()
                .orElse("");
        return (author.isEmpty() ? "Del artículo de la práctica" : "Del artículo de " + author)
                + (about.isEmpty() ? "" : " sobre " + about) + ": \u201c"
                + item.text().strip() + "\u201d";
    }

    /**
     * A question in another language as the English model and engine read it best: a Spanish one word by word in
     * English ({@link SpanishGloss}), since the embedding model reads Spanish poorly; in English, or in a language
     * without a glossary, as written.
     */
    public String readingInEnglish(String question, String language) {
        return "es".equals(language) ? SpanishGloss.shipped().gloss(question) : question;
    }

    /** For staff and evaluation: the best translated items for a question, with their scores. */
    List<TranslatedIndex.Scored> rankTranslated(String question, String language, int limit) {
        return translated.rank(language, question, embedder.embed(readingInEnglish(question, language)), null, limit);
    }

    /** The same, with the meaning read from another text (the question as written, for comparison). */
    List<TranslatedIndex.Scored> rankTranslated(String question, String meaningOf, String language, int limit) {
        return translated.rank(language, question, embedder.embed(meaningOf), null, limit);
    }

    /**
     * The answer within the conversation's topic: a question that names no procedure is answered from the topic's
     * article only (an elliptical follow-up: "and how long does it last?"); one that names a procedure, from that
     * procedure's article, whatever the topic.
     *
     * @param topicArticle the article of the conversation's topic, or null for none
     */
    public Answer answer(String question, String topicArticle) {
        if (question.codePoints().noneMatch(Character::isLetterOrDigit)) {
            // nothing to look for; and the embedding model refuses text that its tokenizer strips to
            // nothing, such as zero-width spaces, bidi marks or U+FFFD alone
            return new Answer.Unknown(0);
        }
        KnowledgeIndex index = acquire();
        try {
            Lexical lexical = lexical(index, question, topicArticle);
            String imported = ranked(index, lexical);
            if (imported != null) {
                return decideScoped(index, imported, lexical, hybrid(index, lexical));
            }
            if (!open(index, lexical)) {
                return shortcut(index, lexical).orElseGet(() -> decide(hybrid(index, lexical), scoring));
            }
            return decideOpen(index, hybrid(index, lexical));
        } finally {
            index.decRef();
        }
    }

    /**
     * The learned ranking's answer for a question scoped to one imported article. A question that calls the procedure by
     * a word of its name only ({@link KnowledgeIndex#articlesCalledIn}) is a weaker sign than its name: it is
     * answered as an open question is, only when the ranking is sure ({@link #OPEN_IMPORTED_ANSWER}).
     */
    private Answer decideScoped(KnowledgeIndex index, String article, Lexical lexical, Evidence evidence) {
        Answer ranked = decideRanked(index, article, evidence, ranking);
        return lexical.partly() && ranked instanceof Answer.Found found && found.confidence() < OPEN_IMPORTED_ANSWER
                ? new Answer.Unknown(found.confidence())
                : ranked;
    }

    /**
     * The article whose imported text alone answers the question, so the learned ranking decides: the one article it
     * is scoped to (named, or the topic), or the library's only article, unless that article is curated throughout
     * (the calibrated sum answers it, as it was tuned to).
     * Null otherwise.
     */
    private String ranked(KnowledgeIndex index, Lexical lexical) {
        if (ranking == null) {
            return null;
        }
        String article = lexical.scope().size() == 1
                ? lexical.scope().iterator().next()
                : index.topics.size() == 1 ? index.topics.keySet().iterator().next() : null;
        return article != null && !index.curatedArticles.contains(article) ? article : null;
    }

    /**
     * The learned ranking's answer: the most probable candidate answers when its probability reaches the ranking's
     * threshold, with that probability as its confidence. A topic the knowledge base declines stays declined unless
     * the article answers it beyond doubt (its best candidate reaches the ranking's overrule): the out-of-scope topics
     * were written for the articles of their day.
     */
    private Answer decideRanked(KnowledgeIndex index, String article, Evidence evidence, AnswerRanking ranking) {
        Answer calibrated = declined(index, article, evidence);
        if (calibrated instanceof Answer.Found found && index.curatedFaqs.contains(found.itemId())) {
            // an FAQ staff curated, found by the calibrated sum (its ways of asking are what it was tuned on)
            return found;
        }
        Answer ranked = rankedAnswer(index, article, evidence, ranking);
        IndexedItem definition = asksWhatItIs(index, article, evidence.corrected()) ? definition(index, article) : null;
        if (definition != null) {
            // "what is a medial branch block?": the article's own definition, however the ranking reads the few words
            return found(
                    definition,
                    ranked instanceof Answer.Found found && found.itemId().equals(definition.id())
                            ? found.confidence()
                            : Math.max(ranking.threshold(), ranked.confidence()),
                    Answer.Basis.HYBRID);
        }
        if (calibrated instanceof Answer.OutOfScope declined && appliesTo(index, declined.topicId(), article)) {
            return ranked instanceof Answer.Found found && found.confidence() >= ranking.overrule()
                    ? ranked
                    : calibrated;
        }
        return ranked;
    }

    /**
     * What the calibrated sum decides for a question scoped to an imported article; and when it does not decline a
     * question that names the article's procedure, an out-of-scope topic whose phrasing is the same question up to the
     * procedure's name: "how much does RFA cost" is "how much does kyphoplasty cost" of the topic written when
     * kyphoplasty was the library (both "how much does cost" without the names, closer in meaning than
     * {@link #SAME_QUESTION}).
     */
    private Answer declined(KnowledgeIndex index, String article, Evidence evidence) {
        Answer calibrated = decide(evidence, scoring);
        List<ArticleTopics.Name> names = index.topics.get(article);
        ArticleTopics.Asked asked = ArticleTopics.Asked.of(evidence.corrected());
        if (index.genericPhrasings.isEmpty() || names == null || !ArticleTopics.named(names, asked)) {
            return calibrated;
        }
        String generic = ArticleTopics.generic(names, asked);
        if (generic.isBlank()) {
            return calibrated;
        }
        // the same words as the ranking's reading without the names (hybrid), embedded once
        float[] vector = evidence.generic() != null ? evidence.generic() : embedder.embed(generic);
        if (calibrated instanceof Answer.OutOfScope declined) {
            // the topic declines this question whatever the procedure, or only because a phrasing names it: "who is a
            // good candidate for an epidural steroid injection" is close to "do you do epidural steroid injections"
            // by the procedure's name alone, and without it close to no phrasing of "other procedures"
            double best = 0;
            for (KnowledgeIndex.GenericPhrasing phrasing : index.genericPhrasings) {
                if (phrasing.topic().id().equals(declined.topicId())) {
                    best = Math.max(best, cosine(vector, phrasing.vector()));
                }
            }
            return best >= STILL_DECLINED ? calibrated : new Answer.Unknown(declined.confidence());
        }
        KnowledgeIndex.GenericPhrasing closest = null;
        double best = 0;
        for (KnowledgeIndex.GenericPhrasing phrasing : index.genericPhrasings) {
            if (!phrasing.named() || !phrasing.appliesTo(article)) {
                continue;
            }
            double cosine = cosine(vector, phrasing.vector());
            if (cosine > best) {
                best = cosine;
                closest = phrasing;
            }
        }
        return closest != null && best >= SAME_QUESTION
                ? found(closest.topic(), best, Answer.Basis.HYBRID)
                : calibrated;
    }

    /** The words a question asking what a procedure is has besides its name. */
    private static final Set<String> DEFINING = Set.of(
            "what",
            "whats",
            "s",
            "is",
            "are",
            "a",
            "an",
            "the",
            "exactly",
            "actually",
            "mean",
            "means",
            "does",
            "do",
            "que",
            "qué",
            "es",
            "son",
            "un",
            "una",
            "el",
            "la",
            "los",
            "las",
            "exactamente",
            "it",
            "this",
            "that",
            "eso",
            "esto");

    /**
     * The pronouns a question asking what the topic's procedure is may name it by: "what is it?"; not "what is that?",
     * more often about a word of the last answer than about the procedure.
     */
    private static final Set<String> REFERRING = Set.of("it", "this", "esto");

    /**
     * Whether the question asks what the article's procedure is, and nothing else: "what is a medial branch block?",
     * "whats RFA", "qué es la cifoplastia?", "what is it?" in its topic.
     */
    private static boolean asksWhatItIs(KnowledgeIndex index, String article, String question) {
        List<ArticleTopics.Name> names = index.topics.get(article);
        if (names == null) {
            return false;
        }
        List<String> all = com.clinicfaq.knowledge.ProcedureNames.words(question);
        List<String> besides = ArticleTopics.wordsOutside(all, titledMentions(names, all, index.titleWords(article)));
        boolean named = besides.size() < all.size();
        return !besides.isEmpty()
                && (besides.getFirst().equals("what")
                        || besides.getFirst().equals("whats")
                        || besides.getFirst().equals("que")
                        || besides.getFirst().equals("qué"))
                && DEFINING.containsAll(besides)
                && (named || besides.stream().anyMatch(REFERRING::contains));
    }

    /**
     * The article's definition of its procedure: its first passage that starts with one of the procedure's names and
     * says what it is ("A medial branch block is a short, minimally invasive diagnostic test…"); else the first passage
     * of a section headed "What is…"; null if neither.
     */
    private static IndexedItem definition(KnowledgeIndex index, String article) {
        List<ArticleTopics.Name> names = index.topics.get(article);
        String title = index.titleWords(article);
        IndexedItem headed = null;
        for (IndexedItem item : index.items) {
            if (item.kind() != IndexedItem.Kind.PASSAGE
                    || !item.source().articleId().equals(article)) {
                continue;
            }
            // "A medial branch block is a short…", "Lumbar spinal stenosis (LSS) is…", by the name's words in any form
            // ("medial branch blocks" names it); not "Medial branch blocks are among the lowest-risk procedures", which
            // says something of them, not what they are
            List<String> words = com.clinicfaq.knowledge.ProcedureNames.words(
                    item.text().strip().replaceFirst("^(?i)(?:a|an|the) ", "").replaceAll("\\([^)]*\\)", " "));
            for (ArticleTopics.Mention mention : titledMentions(names, words, title)) {
                int after = mention.start() + mention.length();
                if (mention.start() == 0
                        && after < words.size()
                        && words.get(after).equals("is")) {
                    return item;
                }
            }
            if (headed == null
                    && item.source().sectionTitle() != null
                    && item.source()
                            .sectionTitle()
                            .toLowerCase(java.util.Locale.ROOT)
                            .matches("what (?:is|are) .*")) {
                headed = item;
            }
        }
        return headed;
    }

    /**
     * The mentions of the names in these words ({@link com.clinicfaq.knowledge.ProcedureNames#words}), each with the
     * words beside it that the article's title says with it: "what is lumbar spinal stenosis" names the article called
     * "spinal stenosis" whose title is "Understanding Lumbar Spinal Stenosis…" by its three words, so it asks what that
     * is; "what are the symptoms of spinal stenosis" does not.
     *
     * @param titled the title's words, spaced and with a space either side ({@link KnowledgeIndex#titleWords}); null
     *     for the names alone
     */
    static List<ArticleTopics.Mention> titledMentions(
            List<ArticleTopics.Name> names, List<String> words, String titled) {
        List<ArticleTopics.Mention> mentions = new ArrayList<>();
        for (ArticleTopics.Mention mention : ArticleTopics.mentionsIn(names, words)) {
            int start = mention.start();
            int end = mention.start() + mention.length();
            // never over a short word or a question's or definition's own ("what is kyphoplasty for" beside a title
            // "What Is Kyphoplasty For?" is not all name)
            while (titled != null
                    && start > 0
                    && namelike(words.get(start - 1))
                    && titled.contains(phrase(words, start - 1, end))) {
                start--;
            }
            while (titled != null
                    && end < words.size()
                    && namelike(words.get(end))
                    && titled.contains(phrase(words, start, end + 1))) {
                end++;
            }
            mentions.add(new ArticleTopics.Mention(start, end - start));
        }
        return mentions;
    }

    /** A word that may be part of a procedure's name as its title says it: longer than three letters, not "what is". */
    private static boolean namelike(String word) {
        return word.length() > 3 && !DEFINING.contains(word);
    }

    /** The words from {@code start} to {@code end} (excluded), spaced and with a space either side. */
    private static String phrase(List<String> words, int start, int end) {
        return " " + String.join(" ", words.subList(start, end)) + " ";
    }

    /**
     * Whether the out-of-scope topic declines questions about the article: a topic written about other articles
     * ({@code about:}) does not, in a library of one article too (where questions are not scoped).
     */
    private static boolean appliesTo(KnowledgeIndex index, String topicId, String article) {
        for (KnowledgeIndex.GenericPhrasing phrasing : index.genericPhrasings) {
            if (phrasing.topic().id().equals(topicId)) {
                return phrasing.appliesTo(article);
            }
        }
        return true;
    }

    /**
     * How close in meaning a question without its procedure's name is to stay declined by the out-of-scope topic that
     * matched it with the name.
     */
    static final double STILL_DECLINED = 0.8;

    /** How close in meaning two questions without a procedure's name are to be the same question. */
    static final double SAME_QUESTION = 0.85;

    /**
     * The question's words the learned ranking looks for in a candidate of the article: not its procedure's names, and
     * each of a patient's words for a clinical thing as that thing ({@link LayWords}).
     */
    private static Set<String> rankingWords(KnowledgeIndex index, String question, String article) {
        return LayWords.shipped()
                .ofQuestion(AnswerRanking.questionWords(index.documentWords(), question, index.topics.get(article)));
    }

    /** {@link #rankingWords(KnowledgeIndex, String, String)}, for the ranking's trainer. */
    Set<String> rankingWords(String question, String article) {
        KnowledgeIndex index = acquire();
        try {
            return rankingWords(index, question, article);
        } finally {
            index.decRef();
        }
    }

    /** The words the learned ranking reads of a candidate (for the ranking's trainer). */
    Set<String> itemWords(IndexedItem item) {
        KnowledgeIndex index = acquire();
        try {
            return index.itemWords(item);
        } finally {
            index.decRef();
        }
    }

    /** Whether the calibrated sum declines the question scoped to the article (for the ranking's trainer). */
    boolean declines(String question, String article) {
        KnowledgeIndex index = acquire();
        try {
            return declined(index, article, hybrid(index, lexical(index, question, article)))
                    instanceof Answer.OutOfScope;
        } finally {
            index.decRef();
        }
    }

    private Answer rankedAnswer(KnowledgeIndex index, String article, Evidence evidence, AnswerRanking ranking) {
        Set<String> questionWords = rankingWords(index, evidence.corrected(), article);
        Candidate best = null;
        double bestProbability = 0;
        boolean takesHowLong = TAKES_HOW_LONG.matcher(evidence.corrected()).find()
                && !LASTS_HOW_LONG.matcher(evidence.corrected()).find();
        Candidate bestTimed = null;
        double bestTimedProbability = 0;
        // a price, a phone number, an address or hours asked for: only a text that states one answers
        List<AskedFacts> asked = AskedFacts.askedIn(evidence.corrected());
        for (Candidate candidate : evidence.candidates()) {
            if (candidate.item().kind() == IndexedItem.Kind.OUT_OF_SCOPE
                    || !AskedFacts.stated(asked, candidate.item().text())) {
                continue;
            }
            double p = ranking.probability(AnswerRanking.features(
                    candidate, evidence, evidence.corrected(), questionWords, index.itemWords(candidate.item())));
            if (p > bestProbability) {
                bestProbability = p;
                best = candidate;
            }
            if (takesHowLong
                    && p > bestTimedProbability
                    && MINUTES_OR_HOURS.matcher(candidate.item().text()).find()) {
                bestTimedProbability = p;
                bestTimed = candidate;
            }
        }
        if (bestTimed != null
                && bestTimed != best
                && bestTimedProbability >= ranking.threshold()
                && !MINUTES_OR_HOURS.matcher(best.item().text()).find()) {
            // "how long does the procedure take?" is answered in minutes or hours, not with how long relief lasts
            best = bestTimed;
            bestProbability = bestTimedProbability;
        }
        return best == null || bestProbability < ranking.threshold()
                ? new Answer.Unknown(bestProbability)
                : found(best.item(), bestProbability, Answer.Basis.HYBRID);
    }

    /** A question for how long a procedure or a visit takes ... */
    private static final Pattern TAKES_HOW_LONG = Pattern.compile(
            "(?i)\\bhow long\\b.*\\b(?:take|takes|taking|procedure|procedur|appointment|appt|visit|session)\\b");
    /** ... and not how long its effect lasts or recovery takes. */
    private static final Pattern LASTS_HOW_LONG = Pattern.compile(
            "(?i)\\b(?:last|lasts|relief|recover\\w*|heal\\w*|work|working|effect|benefit|wear|off work|back to)\\b");
    /** A text that says how many minutes or hours something takes. */
    private static final Pattern MINUTES_OR_HOURS = Pattern.compile(
            "(?i)\\b(?:\\d+|one|two|three|four|five|six|an?|a few|several|half an?)\\b[^.]{0,20}?\\b(?:minutes?|hours?)\\b");

    /**
     * The answer to a question that names no procedure in a library: an answer, or which procedure is meant. Which
     * articles answer is read by the calibrated sum over the whole library, as it has been since the library began;
     * once one article is found, an imported one answers as it does on its own page, by its learned ranking (the
     * calibrated sum was tuned on curated ways of asking and picks an imported article's passages poorly). A question
     * the calibrated sum finds no answer to is answered by an imported article whose ranking is sure of one.
     */
    private Answer decideOpen(KnowledgeIndex index, Evidence evidence) {
        Answer answer = decide(evidence, scoring);
        if (answer instanceof Answer.OutOfScope) {
            return answer;
        }
        Map<String, Double> reach = bestByArticle(evidence);
        // the question's words, read once for every rule below that weighs which articles use them
        Set<String> questionWords = AnswerRanking.words(index.documentWords(), evidence.corrected());
        if (!(answer instanceof Answer.Found)) {
            return ranking == null
                    ? answer
                    : importedOnly(index, evidence, reach, questionWords).orElse(answer);
        }
        List<Answer.Choice> choices = choices(index, reach, questionWords);
        if (choices.size() > 1) {
            return new Answer.Ambiguous(choices, answer.confidence());
        }
        String article = !choices.isEmpty()
                ? choices.getFirst().articleId()
                : ((Answer.Found) answer).source().articleId();
        List<Answer.Choice> alsoSure =
                ranking == null ? List.of() : alsoSure(index, evidence, reach, article, questionWords);
        if (!alsoSure.isEmpty()) {
            return new Answer.Ambiguous(alsoSure, answer.confidence());
        }
        if (ranking != null && !index.curatedArticles.contains(article) && index.topics.containsKey(article)) {
            return decideRanked(
                    index, article, hybrid(index, lexical(index, evidence.corrected(), article), evidence), ranking);
        }
        if (answer instanceof Answer.Found found && found.source().articleId().equals(article)) {
            return answer;
        }
        // the words say which article, though another scored higher: answer from that one, or not at all
        return decide(hybrid(index, lexical(index, evidence.corrected(), article), evidence), scoring);
    }

    /**
     * The article found and the imported articles besides it whose own ranking is sure of an answer
     * ({@link #OPEN_IMPORTED_ANSWER}), of those the question reaches best; empty when there is none. The calibrated sum
     * scores an imported article's passages below a curated article's ways of asking for the same meaning, so it alone
     * cannot tell that a question naming no procedure ("does the doctor use x-rays to guide the needle?") has good
     * answers in two articles; read on its own scale, the imported article can. A general question ("recovery time?")
     * is ambiguous with a less sure imported article too, one whose ranking would answer it on its own page, when
     * nothing in the question points to the article found: that article uses no word of it the other does not. An
     * imported article that uses fewer of the question's words than the article found is left out ("what does the
     * cement do?" is not about an article that never says cement, however sure its ranking).
     */
    private List<Answer.Choice> alsoSure(
            KnowledgeIndex index,
            Evidence evidence,
            Map<String, Double> reach,
            String article,
            Set<String> questionWords) {
        if (!index.topics.containsKey(article)) {
            return List.of();
        }
        Set<String> usedByArticle = index.questionWordsIn(article, questionWords);
        List<Answer.Choice> choices = new ArrayList<>();
        choices.add(choice(index, article));
        importedReadings(index, evidence, reach, article).forEach((other, found) -> {
            Set<String> usedByOther = index.questionWordsIn(other, questionWords);
            if ((found.confidence() >= OPEN_IMPORTED_ANSWER
                            // a general question ("recovery time?", "who qualifies?") that the other article's
                            // ranking would answer on its own page, when every word of it that the article found uses,
                            // the other uses too: nothing in it points to the one rather than the other
                            || (found.confidence() >= ranking.threshold() && usedByOther.containsAll(usedByArticle)))
                    // a text that names the article found is about that procedure, not a second answer ("…or
                    // kyphoplasty, which stabilizes a fractured vertebra with bone cement" for "what is the cement
                    // made of?")
                    && !ArticleTopics.named(index.topics.get(article), found.text())
                    && usedByOther.size() >= usedByArticle.size()) {
                choices.add(choice(index, other));
            }
        });
        return choices.size() > 1 ? choices : List.of();
    }

    /**
     * The answers found by their own learned ranking in the imported articles the question reaches best (at most
     * {@link #OPEN_IMPORTED}, {@code except} left out), by article, in the order of reach.
     */
    private Map<String, Answer.Found> importedReadings(
            KnowledgeIndex index, Evidence evidence, Map<String, Double> reach, String except) {
        Map<String, Answer.Found> found = new java.util.LinkedHashMap<>();
        List<String> read = new ArrayList<>(reach.entrySet().stream()
                .filter(e -> !e.getKey().equals(except)
                        && !index.curatedArticles.contains(e.getKey())
                        && index.topics.containsKey(e.getKey()))
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(OPEN_IMPORTED)
                .map(Map.Entry::getKey)
                .toList());
        if (read.size() < OPEN_IMPORTED) {
            for (String article : nearestImported(index, evidence)) {
                if (read.size() == OPEN_IMPORTED) {
                    break;
                }
                if (!article.equals(except) && !read.contains(article)) {
                    read.add(article);
                }
            }
        }
        read.forEach(article -> {
            if (decideRanked(
                            index,
                            article,
                            hybrid(index, lexical(index, evidence.corrected(), article), evidence),
                            ranking)
                    instanceof Answer.Found answer) {
                found.put(article, answer);
            }
        });
        return found;
    }

    /**
     * The imported articles in the order of their entry nearest in meaning to the question, searched among theirs alone:
     * beside a curated article, its many ways of asking can fill every candidate of a question that names no procedure
     * ("procedure length?"), so that an imported article that answers it too would never be read.
     */
    private List<String> nearestImported(KnowledgeIndex index, Evidence evidence) {
        Set<String> imported = new java.util.TreeSet<>(index.topics.keySet());
        imported.removeAll(index.curatedArticles);
        List<String> order = new ArrayList<>();
        if (imported.isEmpty() || evidence.vector() == null) {
            return order;
        }
        try {
            Query nearImported = new KnnFloatVectorQuery(
                    KnowledgeIndex.VECTOR, evidence.vector(), CANDIDATES, KnowledgeIndex.scope(imported));
            for (ScoreDoc doc : index.searcher.search(nearImported, CANDIDATES).scoreDocs) {
                Answer.Source source = index.items.get(index.itemOfDoc[doc.doc]).source();
                if (source != null && imported.contains(source.articleId()) && !order.contains(source.articleId())) {
                    order.add(source.articleId());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return order;
    }

    /** How many of the imported articles a question reaches are read by their ranking (the ones it reaches best). */
    static final int OPEN_IMPORTED = 3;

    /**
     * The least probability, by an imported article's ranking, of an answer beside another article's: a second answer
     * that makes a question naming no procedure ambiguous ({@link #alsoSure}), or the answer to a question that calls
     * a procedure by a word of its name only ({@link #decideScoped}).
     */
    static final double OPEN_IMPORTED_ANSWER = 0.65;

    /**
     * The least probability, by an imported article's ranking, of an answer to a question that names no procedure and
     * that nothing else answers, when no other imported article the question reaches answers it at all. Chosen on the
     * blind sample articles' dev questions (0.3, the ranking's own threshold; 0.4; 0.5; 0.65, the bar of an answer
     * beside another article's; {@code docs/evaluation.md}): below 0.5, "whats the weather in napa today" gets an
     * article's passage about its practice in Napa.
     */
    static final double OPEN_IMPORTED_ONLY = 0.5;

    /**
     * The answer of the one imported article whose ranking finds one likely enough ({@link #OPEN_IMPORTED_ONLY}), of
     * those the question reaches best (at most {@link #OPEN_IMPORTED}); none when none does, or when another of them
     * answers too (in a library of many imported articles, one of several likely answers is a guess at the procedure,
     * so the visitor is told nothing was found rather than given one procedure's fact for another's). A curated article
     * the question reaches as a second article would ({@link #SECOND_ARTICLE}), and that uses every word of it the
     * imported article uses, answers it too, though below its own threshold: the visitor is asked which procedure
     * ("how soon can I walk after?" is kyphoplasty's question as much as the imported article's).
     */
    private Optional<Answer> importedOnly(
            KnowledgeIndex index, Evidence evidence, Map<String, Double> reach, Set<String> questionWords) {
        List<Answer.Found> found =
                List.copyOf(importedReadings(index, evidence, reach, null).values());
        // one article sure of its answer, and none of the others answering at all: else which procedure is meant is a
        // guess
        if (found.size() != 1 || found.getFirst().confidence() < OPEN_IMPORTED_ONLY) {
            return Optional.empty();
        }
        Answer.Found only = found.getFirst();
        String article = only.source().articleId();
        Set<String> usedByArticle = index.questionWordsIn(article, questionWords);
        List<Answer.Choice> choices = new ArrayList<>();
        reach.entrySet().stream()
                .filter(e -> index.curatedArticles.contains(e.getKey())
                        && index.topics.containsKey(e.getKey())
                        && e.getValue() >= SECOND_ARTICLE
                        && index.questionWordsIn(e.getKey(), questionWords).containsAll(usedByArticle))
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> choices.add(choice(index, e.getKey())));
        if (choices.isEmpty()) {
            return Optional.of(only);
        }
        choices.add(choice(index, article));
        return Optional.of(new Answer.Ambiguous(choices, only.confidence()));
    }

    /** The choice of an article offered when the visitor is asked which procedure is meant. */
    private static Answer.Choice choice(KnowledgeIndex index, String article) {
        return new Answer.Choice(article, ArticleTopics.label(index.topics.get(article)));
    }

    /** Each article's best candidate's calibrated score, of the question's candidates (out-of-scope topics left out). */
    private Map<String, Double> bestByArticle(Evidence evidence) {
        Map<String, Double> best = new HashMap<>();
        for (Candidate candidate : evidence.candidates()) {
            Answer.Source source = candidate.item().source();
            if (source != null && candidate.item().kind() != IndexedItem.Kind.OUT_OF_SCOPE) {
                best.merge(source.articleId(), scoring.score(candidate, evidence.unknownShare()), Math::max);
            }
        }
        return best;
    }

    /**
     * The least score of a second article's best candidate for the question to count as answered there too. Below the
     * threshold of an answer: an article imported without curated phrasings scores lower than a curated one for the
     * same meaning, and which procedure is meant is what matters here, not how sure the engine is of the sentence.
     */
    static final double SECOND_ARTICLE = 0.5;

    /** A library of several articles, and a question that names none of their procedures with no topic yet. */
    private static boolean open(KnowledgeIndex index, Lexical lexical) {
        return lexical.scope().isEmpty() && index.topics.size() > 1;
    }

    /**
     * The articles that answer the question well enough and use the most of its words: several when it is ambiguous;
     * empty when only one article answers at all.
     */
    private List<Answer.Choice> choices(KnowledgeIndex index, Map<String, Double> reach, Set<String> questionWords) {
        List<String> plausible = reach.entrySet().stream()
                .filter(e -> e.getValue() >= SECOND_ARTICLE && index.topics.containsKey(e.getKey()))
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(Map.Entry::getKey)
                .toList();
        if (plausible.size() < 2) {
            return List.of();
        }
        // an article that uses clearly fewer of the question's words than another (two or more) is not what the
        // question
        // is about; when in doubt the visitor is asked, which costs a click, where a guess may give another procedure's
        // fact
        Map<String, Long> used = new HashMap<>();
        plausible.forEach(article -> used.put(article, index.wordsOfQuestionIn(article, questionWords)));
        long most = used.values().stream().mapToLong(Long::longValue).max().orElse(0);
        return plausible.stream()
                .filter(article -> used.get(article) >= most - 1)
                .map(article -> choice(index, article))
                .toList();
    }

    /**
     * The answer {@link #answer} gives, with the best {@code limit} items of the full hybrid ranking and their
     * scores, both from the same index; for staff trying a question.
     */
    public Explanation explain(String question, int limit) {
        return explain(question, null, limit);
    }

    /** The same within the conversation's topic ({@link #answer(String, String)}). */
    public Explanation explain(String question, String topicArticle, int limit) {
        KnowledgeIndex index = acquire();
        try {
            Lexical lexical = lexical(index, question, topicArticle);
            Evidence evidence = hybrid(index, lexical);
            String imported = ranked(index, lexical);
            Answer answer = imported != null
                    ? decideScoped(index, imported, lexical, evidence)
                    : open(index, lexical)
                            ? decideOpen(index, evidence)
                            : shortcut(index, lexical).orElseGet(() -> decide(evidence, scoring));
            List<Explanation.Weighed> candidates = evidence.candidates().stream()
                    .map(c -> weighed(c, scoring.score(c, evidence.unknownShare())))
                    .sorted(Comparator.comparingDouble(Explanation.Weighed::combined)
                            .reversed())
                    .limit(limit)
                    .toList();
            return new Explanation(lexical.corrected(), answer, candidates);
        } finally {
            index.decRef();
        }
    }

    private static Explanation.Weighed weighed(Candidate candidate, double combined) {
        IndexedItem item = candidate.item();
        Explanation.Kind kind = switch (item.kind()) {
            case FAQ -> Explanation.Kind.FAQ;
            case PASSAGE -> Explanation.Kind.PASSAGE;
            case OUT_OF_SCOPE -> Explanation.Kind.OUT_OF_SCOPE;
        };
        return new Explanation.Weighed(
                item.id(),
                kind,
                item.shown(),
                item.source(),
                candidate.bm25(),
                candidate.cosine(),
                candidate.votes(),
                combined);
    }

    /** The calibrated sum's decision, with its confidence on [0, 1] ({@link Confidence}). */
    static Answer decide(Evidence evidence, Scoring scoring) {
        return scoring.best(evidence)
                .<Answer>map(best -> best.score() < scoring.threshold()
                        ? new Answer.Unknown(Confidence.CALIBRATED.of(best.score()))
                        : found(best.candidate().item(), Confidence.CALIBRATED.of(best.score()), Answer.Basis.HYBRID))
                .orElseGet(() -> new Answer.Unknown(0));
    }

    private static Answer found(IndexedItem item, double confidence, Answer.Basis basis) {
        return switch (item.kind()) {
            case FAQ, PASSAGE -> new Answer.Found(item.shown(), item.source(), item.id(), confidence, basis);
            case OUT_OF_SCOPE -> new Answer.OutOfScope(item.id(), item.text(), confidence);
        };
    }

    /** The full hybrid evidence for a question, never shortcut; for calibration and for staff. */
    Evidence evidence(String question) {
        return evidence(question, null);
    }

    /** The same within the conversation's topic. */
    Evidence evidence(String question, String topicArticle) {
        KnowledgeIndex index = acquire();
        try {
            return hybrid(index, lexical(index, question, topicArticle));
        } finally {
            index.decRef();
        }
    }

    /**
     * The FAQ most likely to answer the question, however unsure the engine is: for staff deciding where a
     * question the bot missed belongs. Empty when no FAQ is among the candidates.
     */
    public Optional<String> closestFaq(String question) {
        Evidence evidence = evidence(question);
        return evidence.candidates().stream()
                .filter(c -> c.item().kind() == IndexedItem.Kind.FAQ)
                .max(Comparator.comparingDouble(c -> scoring.score(c, evidence.unknownShare())))
                .map(c -> c.item().id());
    }

    /**
     * The question after spelling correction, the BM25 score of each document it matches, and the articles it is
     * scoped to (empty: it names none, and every article may answer). A question that names a procedure is answered
     * from that procedure's article or not at all, never with another procedure's fact; out-of-scope topics stay in
     * ({@link KnowledgeIndex#scope}).
     */
    private record Lexical(
            String corrected, double unknownShare, Map<Integer, Double> bm25ByDoc, Set<String> scope, boolean partly) {}

    private static Lexical lexical(KnowledgeIndex index, String question) {
        return lexical(index, question, null);
    }

    private static Lexical lexical(KnowledgeIndex index, String question, String topicArticle) {
        String corrected = index.speller.correct(question, index.reader, KnowledgeIndex.WORDS);
        Set<String> scope = index.articlesNamedIn(question);
        String compared = index.comparedFrom(question, topicArticle, scope);
        if (compared != null) {
            // a comparison asked about the topic's procedure is answered from its article, which says how they differ;
            // the other procedure by the name the article uses for it ("is scs the same as rfa": "radiofrequency
            // ablation")
            // (each name once, and not one the question already says: articles that share a name add nothing)
            StringBuilder named = new StringBuilder(corrected);
            for (String other : new java.util.TreeSet<>(scope)) {
                String label = ArticleTopics.label(index.topics.get(other));
                if (!other.equals(compared)
                        && !named.toString().toLowerCase(Locale.ROOT).contains(label.toLowerCase(Locale.ROOT))) {
                    named.append(' ').append(label);
                }
            }
            corrected = named.toString();
            scope = Set.of(compared);
        }
        boolean partly = false;
        if (scope.isEmpty() && topicArticle == null) {
            // "the stimulator" beside kyphoplasty: a word of one article's name that no other article uses; else "my
            // knee" beside kyphoplasty and the knee's nerve block: a word one article alone uses, and often
            scope = index.articlesCalledIn(corrected);
            partly = !scope.isEmpty();
        }
        if (scope.isEmpty()
                && topicArticle != null
                && index.topics.size() > 1
                && index.topics.containsKey(topicArticle)) {
            scope = Set.of(topicArticle);
        }
        Map<Integer, Double> bm25ByDoc = new HashMap<>();
        Query query = wordsQuery(index, corrected, scope);
        if (query != null) {
            try {
                Query within = scope.isEmpty()
                        ? query
                        : new BooleanQuery.Builder()
                                .add(query, BooleanClause.Occur.MUST)
                                .add(KnowledgeIndex.scope(scope), BooleanClause.Occur.FILTER)
                                .build();
                for (ScoreDoc hit : index.searcher.search(within, CANDIDATES).scoreDocs) {
                    bm25ByDoc.put(hit.doc, (double) hit.score);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Lexical(corrected, index.unknownShare(corrected), bm25ByDoc, scope, partly);
    }

    /**
     * The words a question is searched by. Within the one imported article a question names, the procedure's names tell
     * no passage from another, and every passage that repeats them outscored the one that answers: "Who is a good
     * candidate for an epidural steroid injection?" found the passages saying "epidural steroid injection" twice, not
     * "The best candidates have leg pain…". There the question's other words lead, and the names count for
     * {@link #NAMES_WEIGHT} (a question that is little more than the name, "what is lumbar spinal stenosis?", is still
     * found by it). The curated articles keep the search they were tuned on.
     */
    private static Query wordsQuery(KnowledgeIndex index, String question, Set<String> scope) {
        QueryBuilder builder = new QueryBuilder(index.queryAnalyzer);
        Query all = builder.createBooleanQuery(KnowledgeIndex.TEXT, question);
        if (all == null || scope.size() != 1) {
            return all;
        }
        String article = scope.iterator().next();
        List<ArticleTopics.Name> names = index.topics.get(article);
        ArticleTopics.Asked asked = ArticleTopics.Asked.of(question);
        if (index.curatedArticles.contains(article) || names == null || !ArticleTopics.named(names, asked)) {
            return all;
        }
        Query besides = builder.createBooleanQuery(KnowledgeIndex.TEXT, ArticleTopics.generic(names, asked));
        return besides == null
                ? all
                : new BooleanQuery.Builder()
                        .add(besides, BooleanClause.Occur.SHOULD)
                        .add(new BoostQuery(all, NAMES_WEIGHT), BooleanClause.Occur.SHOULD)
                        .build();
    }

    /** What the whole question weighs beside its words without the procedure's names (chosen on the dev halves). */
    static final float NAMES_WEIGHT = 0.25f;

    /** The BM25 score of the lexical shortcut's answer to the question, when the words alone decide (for calibration). */
    Optional<Double> shortcutScore(String question) {
        KnowledgeIndex index = acquire();
        try {
            Lexical lexical = lexical(index, question);
            if (ranked(index, lexical) != null || open(index, lexical)) {
                return Optional.empty();
            }
            return singledOut(index, lexical).map(ByWords::bm25);
        } finally {
            index.decRef();
        }
    }

    /** Answers from the words alone when they single out one item, sparing the embedding. */
    private Optional<Answer> shortcut(KnowledgeIndex index, Lexical lexical) {
        return singledOut(index, lexical)
                .map(best -> found(
                        index.items.get(best.item()),
                        Confidence.CALIBRATED.ofLexical(best.bm25()),
                        Answer.Basis.LEXICAL));
    }

    /** The item the words alone single out, with its BM25 score. */
    private record ByWords(int item, double bm25) {}

    private Optional<ByWords> singledOut(KnowledgeIndex index, Lexical lexical) {
        Map<Integer, Double> bestByItem = new HashMap<>();
        lexical.bm25ByDoc().forEach((doc, bm25) -> bestByItem.merge(index.itemOfDoc[doc], bm25, Math::max));
        List<Map.Entry<Integer, Double>> ranked = bestByItem.entrySet().stream()
                .sorted(Map.Entry.<Integer, Double>comparingByValue().reversed())
                .limit(2)
                .toList();
        if (ranked.isEmpty()) {
            return Optional.empty();
        }
        double best = ranked.get(0).getValue();
        double next = ranked.size() > 1 ? ranked.get(1).getValue() : 0;
        return scoring.shortcut().applies(best, next, lexical.unknownShare())
                ? Optional.of(new ByWords(ranked.get(0).getKey(), best))
                : Optional.empty();
    }

    private Evidence hybrid(KnowledgeIndex index, Lexical lexical) {
        return hybrid(index, lexical, null);
    }

    /** The same, with the vector of a question already read ({@code known}) when its words are the same. */
    private Evidence hybrid(KnowledgeIndex index, Lexical lexical, Evidence known) {
        float[] vector =
                known != null && known.vector() != null && known.corrected().equals(lexical.corrected())
                        ? known.vector()
                        : embedder.embed(lexical.corrected());
        Map<Integer, Double> bm25ByDoc = new HashMap<>(lexical.bm25ByDoc());
        Map<Integer, Integer> votesByItem = new HashMap<>();
        try {
            Query semantic = lexical.scope().isEmpty()
                    ? new KnnFloatVectorQuery(KnowledgeIndex.VECTOR, vector, CANDIDATES)
                    : new KnnFloatVectorQuery(
                            KnowledgeIndex.VECTOR, vector, CANDIDATES, KnowledgeIndex.scope(lexical.scope()));
            ScoreDoc[] nearest = index.searcher.search(semantic, CANDIDATES).scoreDocs;
            for (int i = 0; i < nearest.length; i++) {
                bm25ByDoc.putIfAbsent(nearest[i].doc, 0.0);
                if (i < VOTERS) {
                    votesByItem.merge(index.itemOfDoc[nearest[i].doc], 1, Integer::sum);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<Integer, Candidate> byItem = new HashMap<>();
        float[] generic = withoutNames(index, lexical);
        bm25ByDoc.forEach((doc, bm25) -> {
            int item = index.itemOfDoc[doc];
            double cosine = cosine(vector, index.vectors[doc]);
            double genericCosine = generic == null ? cosine : cosine(generic, index.vectors[doc]);
            int votes = votesByItem.getOrDefault(item, 0);
            IndexedItem indexed = index.items.get(item);
            float[] heading = index.headingVector(indexed);
            double headingCosine = heading == null ? 0 : cosine(vector, heading);
            byItem.merge(
                    item,
                    new Candidate(indexed, bm25, cosine, votes, headingCosine, genericCosine),
                    (a, b) -> new Candidate(
                            a.item(),
                            Math.max(a.bm25(), b.bm25()),
                            Math.max(a.cosine(), b.cosine()),
                            votes,
                            headingCosine,
                            Math.max(a.generic(), b.generic())));
        });
        return new Evidence(lexical.corrected(), lexical.unknownShare(), List.copyOf(byItem.values()), generic, vector);
    }

    /**
     * The vector of the question without the procedure's names, for a question scoped to one imported article that
     * names it (what the learned ranking reads); null otherwise.
     */
    private float[] withoutNames(KnowledgeIndex index, Lexical lexical) {
        if (lexical.scope().size() != 1) {
            return null;
        }
        String article = lexical.scope().iterator().next();
        List<ArticleTopics.Name> names = index.topics.get(article);
        ArticleTopics.Asked asked = ArticleTopics.Asked.of(lexical.corrected());
        if (index.curatedArticles.contains(article) || names == null || !ArticleTopics.named(names, asked)) {
            return null;
        }
        String generic = ArticleTopics.generic(names, asked);
        return generic.isBlank() ? null : embedder.embed(generic);
    }

    /** Lucene's, in vector instructions: it runs for every candidate of every question. */
    private static double cosine(float[] a, float[] b) {
        return VectorUtil.cosine(a, b);
    }

    private KnowledgeIndex acquire() {
        while (true) {
            KnowledgeIndex index = current.get();
            if (index.tryIncRef()) {
                return index;
            }
        }
    }

    @Override
    public void close() {
        KnowledgeIndex index = current.getAndSet(null);
        if (index != null) {
            index.decRef();
        }
    }
}
