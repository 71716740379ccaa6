package com.clinicfaq.search;

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

    /** See {@link #of}; with the question as asked. */
    public static Asked asked(AnswerEngine engine, String text, String topicArticle, String topicWord) {
        Answer scoped = topicArticle == null ? engine.answer(text) : engine.answer(text, topicArticle);
        if (topicArticle == null || topicWord == null || !FollowUps.isElliptical(text)) {
            return new Asked(text, scoped);
        }
        String expandedText = text + " " + topicWord;
        Answer expanded = engine.answer(expandedText, topicArticle);
        // the topic's word helps only if it finds an answer, or the question alone found nothing: a topic declined on
        // purpose
        // stays declined ("does insurance cover it?"), not made into a question the bot does not know
        boolean keepScoped = scoped instanceof Answer.Found || scoped instanceof Answer.OutOfScope;
        return expanded instanceof Answer.Found || !keepScoped
                ? new Asked(expandedText, expanded)
                : new Asked(text, scoped);
    }
}
