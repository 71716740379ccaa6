package com.clinicfaq.knowledge;

/** The knowledge base the bot answers from now; it changes when staff publish a new version. */
public interface CurrentKnowledge {

    KnowledgeBase knowledge();
}
