package com.clinicfaq.knowledge;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How texts are folded before they are compared, in one place for every module: the knowledge base's questions,
 * the policy's reading of a message, the translated index's words, slugs and the evaluation's snippets.
 *
 * <p>Three foldings of a text are not here, as they keep what these drop: {@code curation.QuestionTexts} keeps a
 * question's punctuation and masks contact details (staff read it), {@code conversation.Replies} drops punctuation
 * inside words ("o.k." is "ok") and digits, and {@code curation.KnowledgeEditor} only unifies line ends.
 */
public final class Folding {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_LETTERS_OR_DIGITS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Folding() {}

    /**
     * Accents removed: canonical decomposition, then combining marks dropped ("é" is "e", "ñ" is "n"); case and
     * everything else kept.
     */
    public static String withoutAccents(String text) {
        return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
    }

    /**
     * Lower case without accents, compatibility forms unified first (the ligature "ﬁ" is "fi", a full-width "Ａ" is
     * "a", "²" is "2"): how the policy reads a visitor's message, so that a rule's words match whatever keyboard typed
     * them.
     */
    public static String plain(String text) {
        return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD))
                .replaceAll("")
                .toLowerCase(Locale.ROOT);
    }

    /**
     * Words only: lower case, each run of anything but letters and digits one space, no space at either end ("Is it
     * safe?!" is "is it safe"). Two questions that differ only so are the same question.
     */
    public static String words(String text) {
        return NOT_LETTERS_OR_DIGITS
                .matcher(text.toLowerCase(Locale.ROOT))
                .replaceAll(" ")
                .strip();
    }

    /**
     * Lower case, the typographic apostrophe straight and each run of spaces one space, punctuation kept: how an
     * expected snippet is looked for in an answer's text.
     */
    public static String caseAndSpaces(String text) {
        return SPACES.matcher(text.toLowerCase(Locale.ROOT).replace('’', '\'')).replaceAll(" ");
    }

    /**
     * How a Spanish term (lower case, without accents) sounds, written as one who is unsure of its spelling writes
     * it: b and v alike, s, z and a soft c alike, a hard c, qu and k alike, a soft g and j alike, h silent, ll and y
     * alike, ph as f, a doubled letter as one.
     */
    public static String spanishSound(String term) {
        // the letters two make first ("ch" kept apart from a hard c); then each letter as it sounds before the next
        String letters =
                term.replace("ch", "#").replace("ph", "f").replace("ll", "y").replace("qu", "k");
        StringBuilder out = new StringBuilder(letters.length());
        for (int i = 0; i < letters.length(); i++) {
            char next = i + 1 < letters.length() ? letters.charAt(i + 1) : 0;
            boolean soft = next == 'e' || next == 'i';
            char sound = switch (letters.charAt(i)) {
                case 'v' -> 'b';
                case 'z' -> 's';
                case 'c' -> soft ? 's' : 'k';
                case 'q' -> 'k';
                case 'g' -> soft ? 'j' : 'g';
                case 'h' -> 0;
                default -> letters.charAt(i);
            };
            if (sound != 0 && (out.isEmpty() || out.charAt(out.length() - 1) != sound)) {
                out.append(sound);
            }
        }
        return out.toString();
    }
}
