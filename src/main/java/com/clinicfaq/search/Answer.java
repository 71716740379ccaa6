package com.clinicfaq.search;

/** What the knowledge base says to a question, or that it has nothing good enough. */
public sealed interface Answer {

    /** How sure the engine is, on the scale the threshold is calibrated on. */
    double confidence();

    /**
     * Text copied word for word from the knowledge base; where it speaks in its author's first person, quoted after
     * who wrote it and where ("From Dr. Weisbein's article on kyphoplasty: “I typically recommend …”").
     *
     * @param itemId the FAQ id, or the passage id ({@code article#anchor/n})
     */
    record Found(String text, Source source, String itemId, double confidence, Basis basis) implements Answer {}

    /**
     * What the confidence measures: the hybrid score (cosine similarity, BM25 and the rest, see
     * {@link Scoring}), or the BM25 score alone when the question's words singled out the item.
     */
    enum Basis {
        HYBRID,
        LEXICAL
    }

    /** The question is about a topic the knowledge base deliberately does not cover (cost, insurance, ...). */
    record OutOfScope(String topicId, String topicTitle, double confidence) implements Answer {}

    /**
     * The question names no procedure, the conversation has no topic yet, and several procedures' articles answer it:
     * the visitor is asked which procedure rather than given one procedure's fact for another's (issue #14).
     *
     * @param choices the articles that answer it, the best first
     */
    record Ambiguous(java.util.List<Choice> choices, double confidence) implements Answer {

        public Ambiguous {
            choices = java.util.List.copyOf(choices);
        }
    }

    /** An article that may answer, by the name of its procedure ("radiofrequency ablation"). */
    record Choice(String articleId, String name) {}

    /** Nothing in the knowledge base answers the question well enough to say. */
    record Unknown(double confidence) implements Answer {}

    /** Where an answer comes from: the article and the section to link. */
    record Source(String articleId, String articleTitle, String sectionTitle, String anchor) {}
}
