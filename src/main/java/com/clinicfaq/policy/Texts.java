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
 * @param suggestionsEs the suggestions in Spanish, each the Spanish of the English one in the same place
 * @param spanish the Spanish of the other texts, by their key in {@code policy.yml} ({@link #SPANISH_KEYS}; written
 *     there as {@code greeting-es}, {@code unknown-es} ...): said to a visitor who writes Spanish; {@code policy.yml}
 *     must have each of them (a text built in code without its Spanish is said in English)
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
        String whichProcedure,
        java.util.Map<String, String> spanish,
        List<String> suggestionsEs) {

    /** Asked when a question fits several procedures' articles and the conversation has no topic yet. */
    public static final String WHICH_PROCEDURE =
            "Which procedure are you asking about? Choose one, or name it in your question.";

    public Texts {
        suggestions = List.copyOf(suggestions);
        whichProcedure = whichProcedure == null || whichProcedure.isBlank() ? WHICH_PROCEDURE : whichProcedure;
        spanish = spanish == null ? java.util.Map.of() : java.util.Map.copyOf(spanish);
        suggestionsEs = suggestionsEs == null ? List.of() : List.copyOf(suggestionsEs);
    }

    public Texts(
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
            String whichProcedure,
            java.util.Map<String, String> spanish) {
        this(
                disclaimer,
                greeting,
                suggestions,
                unknown,
                outOfScope,
                clinicianNote,
                handoffOffer,
                handoffAccepted,
                handoffConfirmed,
                handoffCancelled,
                disclaimerEs,
                handoffOfferEs,
                whichProcedure,
                spanish,
                List.of());
    }

    /** The questions offered when a chat opens, in the visitor's language (in English where a policy has no Spanish ones). */
    public List<String> suggestions(Language language) {
        return language == Language.SPANISH && !suggestionsEs.isEmpty() ? suggestionsEs : suggestions;
    }

    /**
     * The English question a Spanish suggestion is the Spanish of (the one in the same place of {@code suggestions}), so
     * that a visitor who taps it is answered from the English article where no reviewed translation answers it.
     */
    public java.util.Optional<String> englishOfSuggestion(String text) {
        String asked = text == null ? "" : text.strip();
        for (int i = 0; i < suggestionsEs.size() && i < suggestions.size(); i++) {
            if (suggestionsEs.get(i).equalsIgnoreCase(asked)) {
                return java.util.Optional.of(suggestions.get(i));
            }
        }
        return java.util.Optional.empty();
    }

    /** The keys of the texts that may have a Spanish version ({@code <key>-es} in {@code policy.yml}). */
    public static final List<String> SPANISH_KEYS = List.of(
            "greeting",
            "unknown",
            "out-of-scope",
            "clinician-note",
            "which-procedure",
            "handoff-accepted",
            "handoff-confirmed",
            "handoff-cancelled",
            "english-only",
            "answer-missed",
            "handoff-declined");

    /**
     * Said after an answer in English to a visitor who writes Spanish, when {@code policy.yml} has no wording of its own
     * ({@code english-only-es}): the article's information is in English, and the offer of a follow-up in Spanish.
     */
    public static final String ENGLISH_ONLY =
            "The practice's information on this is in English (above). Would you like a member "
                    + "of the staff to contact you to explain it in Spanish?";

    public static final String ENGLISH_ONLY_ES =
            "La información de la práctica sobre esto está en inglés (arriba). ¿Quiere que "
                    + "alguien del personal se comunique con usted para explicárselo en español?";

    /**
     * Said when a visitor answers "no" to "Did this answer your question?", before the next best answers as buttons and
     * the offer of a follow-up, when {@code policy.yml} has no wording of its own ({@code answer-missed-es}).
     */
    public static final String ANSWER_MISSED =
            "I'm sorry that did not answer your question. One of these may, or a member of "
                    + "the practice's staff can contact you.";

    public static final String ANSWER_MISSED_ES =
            "Disculpe, eso no contestó su pregunta. Quizás una de estas opciones sí, o alguien "
                    + "del personal de la práctica puede comunicarse con usted.";

    /**
     * Said when a visitor says no to the offer of a follow-up before any request was started, when {@code policy.yml}
     * has no wording of its own ({@code handoff-declined-es}): nothing was requested, so nothing is "cancelled".
     */
    public static final String HANDOFF_DECLINED = "No problem. You can keep asking me questions here.";

    public static final String HANDOFF_DECLINED_ES = "Está bien. Puede seguir haciéndome preguntas aquí.";

    /** Asked in Spanish when a question fits several procedures' articles and {@code policy.yml} has no Spanish of its own. */
    public static final String WHICH_PROCEDURE_ES =
            "¿Sobre qué procedimiento pregunta? Elija uno, o nómbrelo en su pregunta.";

    public Texts(
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
        this(
                disclaimer,
                greeting,
                suggestions,
                unknown,
                outOfScope,
                clinicianNote,
                handoffOffer,
                handoffAccepted,
                handoffConfirmed,
                handoffCancelled,
                disclaimerEs,
                handoffOfferEs,
                whichProcedure,
                java.util.Map.of());
    }

    private String in(Language language, String key, String english) {
        return language == Language.SPANISH ? spanish.getOrDefault(key, english) : english;
    }

    /** "I don't have that information", in the visitor's language. */
    public String unknown(Language language) {
        return in(language, "unknown", unknown);
    }

    public String outOfScope(Language language) {
        return in(language, "out-of-scope", outOfScope);
    }

    public String clinicianNote(Language language) {
        return in(language, "clinician-note", clinicianNote);
    }

    public String whichProcedure(Language language) {
        return in(language, "which-procedure", whichProcedure);
    }

    /** Said after an English answer to a visitor who writes Spanish: the information is in English; a follow-up in Spanish. */
    public String englishOnly(Language language) {
        return in(language, "english-only", ENGLISH_ONLY);
    }

    /** Said after a visitor's "no, that did not answer my question", in the visitor's language. */
    public String answerMissed(Language language) {
        return in(language, "answer-missed", ANSWER_MISSED);
    }

    /** The greeting a chat opens with, in the visitor's language. */
    public String greeting(Language language) {
        return in(language, "greeting", greeting);
    }

    /** What the bot says as the contact form opens, in the visitor's language. */
    public String handoffAccepted(Language language) {
        return in(language, "handoff-accepted", handoffAccepted);
    }

    /** The confirmation of a stored request, in the visitor's language. */
    public String handoffConfirmed(Language language) {
        return in(language, "handoff-confirmed", handoffConfirmed);
    }

    /** What the bot says when the visitor says no to the offer of a follow-up, in the visitor's language. */
    public String handoffDeclined(Language language) {
        return in(language, "handoff-declined", HANDOFF_DECLINED);
    }

    /** What the bot says when the visitor cancels the request, in the visitor's language. */
    public String handoffCancelled(Language language) {
        return in(language, "handoff-cancelled", handoffCancelled);
    }

    /** Whether the text of this key is said in Spanish to a visitor who writes Spanish. */
    public boolean hasSpanish(String key) {
        return spanish.containsKey(key);
    }

    public Texts(
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
            String handoffOfferEs) {
        this(
                disclaimer,
                greeting,
                suggestions,
                unknown,
                outOfScope,
                clinicianNote,
                handoffOffer,
                handoffAccepted,
                handoffConfirmed,
                handoffCancelled,
                disclaimerEs,
                handoffOfferEs,
                WHICH_PROCEDURE,
                java.util.Map.of());
    }

    public Texts(
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
        this(
                disclaimer,
                greeting,
                suggestions,
                unknown,
                outOfScope,
                clinicianNote,
                handoffOffer,
                handoffAccepted,
                handoffConfirmed,
                handoffCancelled,
                disclaimer,
                handoffOffer,
                WHICH_PROCEDURE);
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
