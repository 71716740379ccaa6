package com.clinicfaq.knowledge;

import java.util.List;
import java.util.Map;

/**
 * Something visitors ask that the knowledge base deliberately does not answer (cost, insurance,
 * office hours, other procedures): matching it makes the bot say it does not know, instead of
 * offering a loosely related sentence.
 */
public record OutOfScopeTopic(
        String id,
        String title,
        List<String> phrasings,
        Map<String, List<String>> translatedPhrasings,
        List<String> about) {

    /**
     * @param phrasings how visitors ask it in English ({@code ?} lines): what the engine declines
     * @param translatedPhrasings how visitors ask it in other languages, by language code ({@code ?es} lines): what
     *     the engine declines in a language it answers from a reviewed translation (issue #16); they never enter the
     *     English index, where a Spanish word would make every Spanish question look like the topic
     * @param about the articles the topic was written about ({@code about:} line), whose questions alone it declines:
     *     "how do I prepare" is declined for an article that does not say, and answered from one that does; empty:
     *     the whole practice (cost, insurance, hours)
     */
    public OutOfScopeTopic {
        phrasings = List.copyOf(phrasings);
        translatedPhrasings = Map.copyOf(translatedPhrasings);
        about = List.copyOf(about);
    }

    public OutOfScopeTopic(
            String id, String title, List<String> phrasings, Map<String, List<String>> translatedPhrasings) {
        this(id, title, phrasings, translatedPhrasings, List.of());
    }

    /** Whether the topic declines questions about the article (null: a question about no article in particular). */
    public boolean appliesTo(String article) {
        return article == null || about.isEmpty() || about.contains(article);
    }

    public OutOfScopeTopic(String id, String title, List<String> phrasings) {
        this(id, title, phrasings, Map.of());
    }
}
