package com.clinicfaq.search;

/** What the knowledge base says to a question, or that it has nothing good enough. */
public sealed interface Answer {

    /** How sure the engine is, on the scale the threshold is calibrated on. */
    double confidence();

    /**
     * Text copied word for word from the knowledge base.
     *
     * @param itemId the FAQ id, or the passage id ({@code article#anchor/n})
     */
    record Found(String text, Source source, String itemId, double confidence) implements Answer {}

    /** The question is about a topic the knowledge base deliberately does not cover (cost, insurance, ...). */
    record OutOfScope(String topicId, String topicTitle, double confidence) implements Answer {}

    /** Nothing in the knowledge base answers the question well enough to say. */
    record Unknown(double confidence) implements Answer {}

    /** Where an answer comes from: the article and the section to link. */
    record Source(String articleId, String articleTitle, String sectionTitle, String anchor) {}
}
