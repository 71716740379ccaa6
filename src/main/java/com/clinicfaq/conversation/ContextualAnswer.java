package com.clinicfaq.conversation;

import com.clinicfaq.search.Answer;
import com.clinicfaq.search.AnswerEngine;

/**
 * A visitor's question answered in the conversation's context, only where it needs it: a self-contained question
 * that the engine answers is answered as asked; an elliptical one ("and how long does it last?"), or one the engine
 * cannot answer alone, is asked again about the topic (the article of the last answer) and answered from that
 * article, unless it names another procedure (issue #14).
 */
public final class ContextualAnswer {

    private ContextualAnswer() {}

    /**
     * @param topicArticle the article of the conversation's topic, or null
     * @param topicWord what that article is about, in a word ({@link com.clinicfaq.knowledge.Topics}), or null
     */
    public static Answer of(AnswerEngine engine, String text, String topicArticle, String topicWord) {
        Answer plain = engine.answer(text);
        if (topicArticle == null || topicWord == null || (plain instanceof Answer.Found && !FollowUps.isElliptical(text))) {
            return plain;
        }
        Answer contextual = engine.answer(text + " " + topicWord, topicArticle);
        return contextual instanceof Answer.Found || !(plain instanceof Answer.Found) ? contextual : plain;
    }
}
