package com.clinicfaq.policy;

import java.util.List;

/**
 * The curated wording the bot uses around answers (see {@code policy.yml}).
 *
 * @param disclaimer shown with every bot message
 * @param suggestions questions offered when a chat opens; the knowledge base answers each of them
 * @param disclaimerEs the disclaimer in Spanish, with urgent guidance given in Spanish
 * @param handoffOfferEs the offer of a staff follow-up in Spanish, after urgent guidance given in Spanish
 * @param whichProcedure asked when a question fits several procedures' articles (optional in {@code policy.yml})
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
        String handoffCancelled,
        String disclaimerEs,
        String handoffOfferEs,
        String whichProcedure) {

    /** Asked when a question fits several procedures' articles and the conversation has no topic yet. */
    public static final String WHICH_PROCEDURE = "Which procedure are you asking about? Choose one, or name it in your question.";

    public Texts {
        suggestions = List.copyOf(suggestions);
        whichProcedure = whichProcedure == null || whichProcedure.isBlank() ? WHICH_PROCEDURE : whichProcedure;
    }

    public Texts(String disclaimer, String greeting, List<String> suggestions, String unknown, String outOfScope,
            String clinicianNote, String handoffOffer, String handoffAccepted, String handoffConfirmed, String handoffCancelled,
            String disclaimerEs, String handoffOfferEs) {
        this(disclaimer, greeting, suggestions, unknown, outOfScope, clinicianNote, handoffOffer, handoffAccepted, handoffConfirmed,
                handoffCancelled, disclaimerEs, handoffOfferEs, WHICH_PROCEDURE);
    }

    public Texts(String disclaimer, String greeting, List<String> suggestions, String unknown, String outOfScope,
            String clinicianNote, String handoffOffer, String handoffAccepted, String handoffConfirmed, String handoffCancelled) {
        this(disclaimer, greeting, suggestions, unknown, outOfScope, clinicianNote, handoffOffer, handoffAccepted, handoffConfirmed,
                handoffCancelled, disclaimer, handoffOffer, WHICH_PROCEDURE);
    }

    /** The disclaimer in the visitor's language. */
    public String disclaimer(Language language) {
        return language == Language.SPANISH ? disclaimerEs : disclaimer;
    }

    /** The offer of a staff follow-up in the visitor's language. */
    public String handoffOffer(Language language) {
        return language == Language.SPANISH ? handoffOfferEs : handoffOffer;
    }
}
