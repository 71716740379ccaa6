package com.clinicfaq.search;

import java.util.List;
import java.util.Set;

/**
 * A visitor's question answered in the conversation's context (issue #14). A question that names a procedure is
 * answered from that procedure's article, whatever the topic; one that names none is answered from the topic's
 * article (the article of the last answer), never with another procedure's fact: "will I be put to sleep for it?"
 * after questions about ablation is about ablation. The topic narrows where the answer may come from; it is not
 * added to the question's words, unless the question is elliptical ("and how long does it last?"): so "what is the
 * recovery like" after a question about how long kyphoplasty takes is answered with the recovery, not with what
 * kyphoplasty is, and "can I bring my cat?" is not made into a question about kyphoplasty.
 */
public final class ContextualAnswer {

    private ContextualAnswer() {}

    /** The question as the engine was asked it (with the topic's word, for an elliptical one), and the answer. */
    public record Asked(String question, Answer answer) {}

    /**
     * @param topicArticle the article of the conversation's topic, or null
     * @param topicWord what that article is about, in a word ({@link com.clinicfaq.knowledge.Topics}), or null
     */
    public static Answer of(AnswerEngine engine, String text, String topicArticle, String topicWord) {
        return asked(engine, text, topicArticle, topicWord).answer();
    }

    /**
     * See {@link #of}; an elliptical follow-up is also read after the question the topic's answer answered ("Are both
     * sides of the neck done at once?" then "what about the low back?").
     *
     * @param previous the visitor's question that the conversation's last answer answered, or null; asked for only
     *     where the question is an elliptical one in a topic
     */
    public static Asked asked(
            AnswerEngine engine,
            String text,
            String topicArticle,
            String topicWord,
            java.util.function.Supplier<String> previous) {
        Asked plain = asked(engine, text, topicArticle, topicWord);
        if (topicArticle == null || !FollowUps.isElliptical(text)) {
            return plain;
        }
        String before = previous.get();
        if (before == null || before.isBlank()) {
            return plain;
        }
        String joined = before.strip() + " " + text.strip();
        if (!(engine.answer(joined, topicArticle) instanceof Answer.Found after)
                || !topicArticle.equals(after.source().articleId())) {
            // within the topic's article only: the earlier question may name another procedure
            return plain;
        }
        // it must speak of what the follow-up names beyond the earlier question (a word in common), unless the
        // follow-up names nothing ("how many?"): "will i have a scar" after how long it takes is not answered with how
        // long it takes, "is it painful?" after how long relief lasts keeps its own answer, and so does "what about
        // recovery?"
        Set<String> own = AnswerRanking.words(WORDS, text);
        Set<String> added = new java.util.HashSet<>(own);
        added.removeAll(AnswerRanking.words(WORDS, before));
        boolean speaksOfIt = own.isEmpty()
                || AnswerRanking.words(WORDS, after.text()).stream().anyMatch(added::contains);
        if (!speaksOfIt) {
            return plain;
        }
        // and it replaces an answer of the follow-up's own only when surer
        return !(plain.answer() instanceof Answer.Found alone) || after.confidence() > alone.confidence()
                ? new Asked(joined, after)
                : plain;
    }

    /** A question's and an answer's words, as the documents' analyzer reads them (stemmed, without stop words). */
    private static final org.apache.lucene.analysis.Analyzer WORDS = Analysis.documents();

    /** See {@link #of}; with the question as asked. */
    public static Asked asked(AnswerEngine engine, String text, String topicArticle, String topicWord) {
        Answer scoped = topicArticle == null ? engine.answer(text) : engine.answer(text, topicArticle);
        if (topicArticle == null || topicWord == null || !FollowUps.isElliptical(text)) {
            return new Asked(text, scoped);
        }
        String expandedText = text + " " + topicWord;
        Answer expanded = engine.answer(expandedText, topicArticle);
        // the topic's word helps only if it finds an answer more surely than the question alone ("what is the recovery
        // like" after "how long does kyphoplasty take?" is the recovery, not what kyphoplasty is), or the question
        // alone found nothing: a topic declined on purpose stays declined ("does insurance cover it?"), not made into
        // a question the bot does not know
        if (scoped instanceof Answer.Found alone
                && !(expanded instanceof Answer.Found withWord && withWord.confidence() > alone.confidence())) {
            return new Asked(text, scoped);
        }
        boolean keepScoped = scoped instanceof Answer.OutOfScope;
        return expanded instanceof Answer.Found || !keepScoped
                ? new Asked(expandedText, expanded)
                : new Asked(text, scoped);
    }

    /**
     * A question in the visitor's language answered as the chat answers it (issue #16).
     *
     * @param answer what the knowledge base answered
     * @param asked the question as the English engine was asked it (an English reading of a question in another
     *     language, with the topic's word for an elliptical one), or the question as written when a reviewed translation
     *     answered it
     * @param reading the English the question was read as, or null when it was asked as written
     * @param translated whether the answer is a reviewed translation's, in the visitor's language
     */
    public record InLanguage(Answer answer, String asked, String reading, boolean translated) {}

    /**
     * The answer to a question in the visitor's language. In English, {@link #asked}. In another: from a translation
     * staff reviewed if one answers; else the English question it asks is answered (a suggestion's English twin, else
     * the question read word by word in English, which any article answers, else the one read from a translation not
     * yet reviewed), from a reviewed translation of the item found if there is one, else in English. A topic the
     * practice declines, asked in the language, stays declined.
     *
     * @param language the visitor's language's ISO 639-1 code
     * @param twinOf the English twin of a suggestion offered in the language, if the question is one
     * @param previous the question the conversation's last answer answered, or null (see {@link #asked(AnswerEngine,
     *     String, String, String, java.util.function.Supplier)})
     */
    public static InLanguage inLanguage(
            AnswerEngine engine,
            String text,
            String language,
            String topicArticle,
            String topicWord,
            java.util.function.Function<String, java.util.Optional<String>> twinOf,
            java.util.function.Supplier<String> previous) {
        if (!"es".equals(language)) {
            Asked asked = asked(engine, text, topicArticle, topicWord, previous);
            return new InLanguage(asked.answer(), asked.question(), null, false);
        }
        // the earlier question is read from the transcript, and in English, once however many readings ask for it
        org.springframework.util.function.SingletonSupplier<java.util.Optional<String>> earlier =
                org.springframework.util.function.SingletonSupplier.of(
                        () -> java.util.Optional.ofNullable(previous.get())
                                .map(before -> engine.readingInEnglish(before, language)));
        java.util.function.Supplier<String> earlierInEnglish =
                () -> earlier.obtain().orElse(null);
        Answer translated = engine.answerTranslated(text, language, topicArticle);
        if (translated instanceof Answer.Found || translated instanceof Answer.OutOfScope) {
            return new InLanguage(translated, text, null, translated instanceof Answer.Found);
        }
        List<java.util.function.Supplier<java.util.Optional<String>>> readings = List.of(
                () -> twinOf.apply(text),
                () -> java.util.Optional.ofNullable(engine.readingInEnglish(text, language)),
                () -> engine.englishQuestion(text, language, topicArticle));
        Asked asked = null;
        String reading = null;
        for (var next : readings) {
            if (asked != null && settled(asked.answer())) {
                break;
            }
            java.util.Optional<String> english = next.get();
            if (english.isPresent()) {
                asked = asked(engine, english.get(), topicArticle, topicWord, earlierInEnglish);
                reading = english.get();
            }
        }
        if (asked == null) { // nothing read it in English
            asked = asked(engine, text, topicArticle, topicWord);
            return new InLanguage(asked.answer(), asked.question(), null, false);
        }
        if (asked.answer() instanceof Answer.Found found) {
            java.util.Optional<Answer.Found> inLanguage = engine.translationOf(found, text, language);
            if (inLanguage.isPresent()) {
                return new InLanguage(inLanguage.get(), asked.question(), reading, true);
            }
        }
        return new InLanguage(asked.answer(), asked.question(), reading, false);
    }

    /** Whether an answer says something: found, declined as out of scope, or which procedure. */
    private static boolean settled(Answer answer) {
        return answer instanceof Answer.Found
                || answer instanceof Answer.OutOfScope
                || answer instanceof Answer.Ambiguous;
    }
}
