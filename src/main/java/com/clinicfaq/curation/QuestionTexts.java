package com.clinicfaq.curation;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Visitors' words as staff pages group and show them (analytics, unanswered questions): the same question
 * typed with other capitals, spaces or punctuation counts once, and contact details a visitor typed into
 * the chat are masked, so the pages show no way to reach anyone. Not {@code knowledge.Folding.words}: staff read these
 * texts, so the punctuation inside them (and their accents) stays.
 */
public final class QuestionTexts {

    public static final int MAX_CHARS = 200;

    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\p{Punct}\\s]+|[\\p{Punct}\\s]+$");
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");
    /** Digits with the separators phone numbers are written with; masked when there are 7 or more digits. */
    private static final Pattern NUMBER = Pattern.compile("\\+?\\(?\\d[\\d\\s().\\-/]*\\d");

    private QuestionTexts() {}

    public static String normalise(String text) {
        String plain = SPACE.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ");
        String trimmed = EDGE_PUNCTUATION.matcher(plain).replaceAll("");
        String masked = maskNumbers(EMAIL.matcher(trimmed).replaceAll("[email]"));
        return masked.length() <= MAX_CHARS ? masked : masked.substring(0, MAX_CHARS) + "…";
    }

    private static String maskNumbers(String text) {
        Matcher number = NUMBER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (number.find()) {
            long digits = number.group().chars().filter(Character::isDigit).count();
            number.appendReplacement(out, digits >= 7 ? "[phone]" : Matcher.quoteReplacement(number.group()));
        }
        return number.appendTail(out).toString();
    }
}
