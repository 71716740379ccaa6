package com.clinicfaq.policy;

import java.util.List;

/**
 * The curated wording the bot uses around answers (see {@code policy.yml}).
 *
 * @param disclaimer shown with every bot message
 * @param suggestions questions offered when a chat opens; the knowledge base answers each of them
 */
public record Texts(
        String disclaimer,
        String greeting,
        List<String> suggestions,
        String unknown,
        String outOfScope,
        String clinicianNote,
        String handoffOffer,
        String handoffAccepted,
        String handoffConfirmed,
        String handoffCancelled) {

    public Texts {
        suggestions = List.copyOf(suggestions);
    }
}
