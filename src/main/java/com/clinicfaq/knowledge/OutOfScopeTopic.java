package com.clinicfaq.knowledge;

import java.util.List;

/**
 * Something visitors ask that the knowledge base deliberately does not answer (cost, insurance,
 * office hours, other procedures): matching it makes the bot say it does not know, instead of
 * offering a loosely related sentence.
 */
public record OutOfScopeTopic(String id, String title, List<String> phrasings) {

    public OutOfScopeTopic {
        phrasings = List.copyOf(phrasings);
    }
}
