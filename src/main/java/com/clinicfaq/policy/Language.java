package com.clinicfaq.policy;

import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The language a visitor writes in, as far as the policy needs it: urgent guidance is given in Spanish to a
 * message written in Spanish. Told first from the short function words both languages are full of, which a phone
 * message keeps even when accents and capitals are dropped; a message of four words or more they do not tell ("me van a
 * dormir completa o nomas sedasion", "mismo dia a casa?") is told by Lingua, a language detector made for short
 * texts, between English and Spanish only. Lingua alone misreads Spanglish ("como es el recovery despues de la
 * kyphoplasty" reads English to it), which the function words tell.
 */
public enum Language {
    ENGLISH("en"),
    SPANISH("es");

    private static final Set<String> SPANISH_WORDS = Set.of(
            "el",
            "la",
            "los",
            "las",
            "de",
            "del",
            "que",
            "y",
            "en",
            "un",
            "una",
            "mi",
            "mis",
            "su",
            "sus",
            "se",
            "por",
            "con",
            "para",
            "es",
            "esta",
            "estoy",
            "esto",
            "eso",
            "tiene",
            "tengo",
            "muy",
            "pero",
            "le",
            "lo",
            "al",
            "como",
            "mas",
            "ya",
            "puedo",
            "puede",
            "hay",
            "ayuda",
            "dolor",
            "porque",
            "cuando",
            "donde",
            "quiero",
            "siento",
            "estaba",
            "desde",
            "despues",
            "hace",
            "nada",
            "ella",
            "ahora",
            "ahorita",
            "mucho",
            "poco",
            "usted",
            "ustedes",
            "yo",
            "tu",
            "nos",
            "fue",
            "son",
            "estan",
            "sin",
            "sobre",
            "todo",
            "tambien",
            "cuanto",
            "cuanta",
            "cual",
            "quien",
            "bien",
            "mal",
            "si",
            "pierna",
            "piernas",
            "espalda",
            "pecho",
            "cabeza",
            "esposo",
            "esposa",
            "mama",
            "papa",
            "hijo",
            "hija",
            "abuela",
            "abuelo",
            "puedes",
            "necesito",
            "favor",
            "hola",
            "gracias");
    private static final Set<String> ENGLISH_WORDS = Set.of(
            "the", "an", "and", "of", "to", "in", "is", "it", "my", "i", "you", "he", "she", "can", "cant", "not",
            "have", "has", "what", "how", "with", "for", "on", "this", "that", "after", "do", "does", "im", "was",
            "are", "be", "will", "should", "would", "could", "just", "back", "pain", "legs", "leg", "chest", "since",
            "about", "when", "his", "her", "we", "they", "there", "from", "at", "dont", "but", "so", "if", "am", "been",
            "get", "got", "feel", "cannot", "husband", "wife", "mom", "dad", "please", "help", "hi", "hello", "thanks");

    /** The fewest words Lingua is asked about: "ok gracias", "frio o calor?" keep the conversation's language. */
    private static final int DETECTOR_WORDS = 4;

    public final String code;

    Language(String code) {
        this.code = code;
    }

    /** Spanish when the message has more Spanish than English function words, else English. */
    public static Language of(String message) {
        return of(Words.of(message));
    }

    /**
     * The message's language when its words tell it (more function words of one language than of the other); empty for a
     * message that does not ("ok", "no", "Medicare?"), which is said in the language the conversation was in.
     */
    public static java.util.Optional<Language> detect(String message) {
        return detect(Words.of(message));
    }

    private static java.util.Optional<Language> detect(List<String> words) {
        int spanish = 0;
        int english = 0;
        for (String word : words) {
            spanish += SPANISH_WORDS.contains(word) ? 1 : 0;
            english += ENGLISH_WORDS.contains(word) ? 1 : 0;
        }
        if (spanish != english) {
            return java.util.Optional.of(spanish > english ? SPANISH : ENGLISH);
        }
        if (words.size() < DETECTOR_WORDS) {
            return java.util.Optional.empty();
        }
        Map<com.github.pemistahl.lingua.api.Language, Double> confidence =
                Detector.DETECTOR.computeLanguageConfidenceValues(String.join(" ", words));
        double es = confidence.getOrDefault(com.github.pemistahl.lingua.api.Language.SPANISH, 0.0);
        double en = confidence.getOrDefault(com.github.pemistahl.lingua.api.Language.ENGLISH, 0.0);
        return es == en ? java.util.Optional.empty() : java.util.Optional.of(es > en ? SPANISH : ENGLISH);
    }

    /**
     * Lingua between English and Spanish, built once on first use. Its low-accuracy mode reads trigrams only: 2 MB of
     * models instead of 49, and on the project's labelled messages it decides as well as the high-accuracy mode where
     * the function words do not (`docs/evaluation.md`, session 32). Thread-safe.
     */
    private static final class Detector {
        static final LanguageDetector DETECTOR = LanguageDetectorBuilder.fromLanguages(
                        com.github.pemistahl.lingua.api.Language.ENGLISH,
                        com.github.pemistahl.lingua.api.Language.SPANISH)
                .withLowAccuracyMode()
                .withPreloadedLanguageModels()
                .build();
    }

    /**
     * The language to answer a message in: the one its words tell, else the conversation's. A word or two of English in a
     * Spanish conversation ("hello?", "ok thanks") does not turn it to English: Spanish speakers write them too, and a
     * visitor who writes English goes on in English.
     */
    public static Language answering(String message, java.util.function.Supplier<Language> spoken) {
        List<String> words = Words.of(message);
        java.util.Optional<Language> told = detect(words);
        if (told.isEmpty()) {
            return spoken.get();
        }
        if (told.get() == ENGLISH && words.size() <= 2 && spoken.get() == SPANISH) {
            return SPANISH;
        }
        return told.get();
    }

    /** The language of this code ("en", "es"); English for any other or none. */
    public static Language ofCode(String code) {
        return SPANISH.code.equals(code) ? SPANISH : ENGLISH;
    }

    /** Whether the word is one of the short function words Spanish is told by. */
    static boolean spanishWord(String word) {
        return SPANISH_WORDS.contains(word);
    }

    /** The language of a message's words: worked out once per message ({@link Words.Message#language()}). */
    static Language of(List<String> words) {
        return words instanceof Words.Message message ? message.language() : read(words);
    }

    /** Spanish when the words tell it, else English. */
    static Language read(List<String> words) {
        return detect(words).orElse(ENGLISH);
    }
}
