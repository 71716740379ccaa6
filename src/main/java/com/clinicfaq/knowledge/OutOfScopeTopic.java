package com.clinicfaq.knowledge;

import java.util.List;
import java.util.Map;

/**
 * Something visitors ask that the knowledge base deliberately does not answer (cost, insurance,
 * office hours, other procedures): matching it makes the bot say it does not know, instead of
 * offering a loosely related sentence.
 */
public record OutOfScopeTopic(
        String id, String title, List<String> phrasings, Map<String, List<String>> translatedPhrasings) {

    /**
     * @param phrasings how visitors ask it in English ({@code ?} lines): what the engine declines
     * @param translatedPhrasings how visitors ask it in other languages, by language code ({@code ?es} lines): what
     *     the engine declines in a language it answers from a reviewed translation (issue #16); they never enter the
     *     English index, where a Spanish word would make every Spanish question look like the topic
     */
    public OutOfScopeTopic {
        phrasings = List.copyOf(phrasings);
        translatedPhrasings = Map.copyOf(translatedPhrasings);
    }

    public OutOfScopeTopic(String id, String title, List<String> phrasings) {
        this(id, title, phrasings, Map.of());
    }
}
