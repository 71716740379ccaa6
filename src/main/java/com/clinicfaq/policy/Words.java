package com.clinicfaq.policy;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** How messages and patterns are cut into words, and when two words count as the same despite a typo. */
final class Words {

    private static final Pattern APOSTROPHES = Pattern.compile("['‘’ʼ`´]");
    private static final Pattern COMBINING = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private Words() {}

    /**
     * Lower case, accents dropped ({@code está} → {@code esta}, {@code mamá} → {@code mama}: visitors type
     * Spanish with and without them), apostrophes dropped ({@code can't} → {@code cant}), anything else not a
     * letter or digit splits words.
     */
    static List<String> of(String text) {
        if (text == null) {
            return List.of();
        }
        String normal = fold(text);
        normal = NOT_WORD.matcher(APOSTROPHES.matcher(normal).replaceAll("")).replaceAll(" ").strip();
        return normal.isEmpty() ? List.of() : List.of(normal.split(" "));
    }

    /** Lower case without accents: compatibility forms unified, then combining marks removed. */
    static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        return COMBINING.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
    }

    static boolean isNumber(String word) {
        return !word.isEmpty() && word.chars().allMatch(Character::isDigit);
    }

    /** Typos forgiven in a pattern word: none below 5 letters, one from 5, two from 8. */
    static int typos(String patternWord) {
        return patternWord.length() >= 8 ? 2 : patternWord.length() >= 5 ? 1 : 0;
    }

    /**
     * Whether the message word is the pattern word, perhaps mistyped. A correctly spelled word is never read as
     * another word ("injection" is not "infection", "faint" is not "paint"): typos are forgiven only in words
     * that are not in the dictionary of {@link KnownWords}.
     */
    static boolean same(String patternWord, String word) {
        if (patternWord.equals(word)) {
            return true;
        }
        int typos = typos(patternWord);
        // the dictionary last: most words are too far from the pattern word anyway
        return typos > 0 && Math.abs(patternWord.length() - word.length()) <= typos
                && distance(patternWord, word, typos) <= typos && !KnownWords.contains(word);
    }

    /**
     * Whether the word starts with the prefix, allowing the prefix's typos (the word may be a little longer or
     * shorter there) in a word that is not spelled correctly as another word.
     */
    static boolean startsWith(String word, String prefix) {
        if (word.startsWith(prefix)) {
            return true;
        }
        int typos = Math.min(1, typos(prefix)); // a prefix is short of its word: one typo, not two
        if (typos == 0 || word.length() < prefix.length() - typos) {
            return false;
        }
        for (int length = prefix.length() - typos; length <= Math.min(word.length(), prefix.length() + typos); length++) {
            if (distance(prefix, word.substring(0, length), typos) <= typos) {
                return !KnownWords.contains(word); // the dictionary last: most words are too far anyway
            }
        }
        return false;
    }

    /** Damerau-Levenshtein distance (optimal string alignment: an adjacent swap counts as one edit). */
    static int distance(String a, String b) {
        return distance(a, b, Integer.MAX_VALUE - 1);
    }

    /**
     * The distance, or {@code limit + 1} as soon as it must exceed {@code limit}. Runs for every
     * word of every message against the rules' words, so it keeps three rows, not a matrix.
     */
    static int distance(String a, String b, int limit) {
        int n = b.length();
        int width = n + 1;
        int[] rows = new int[3 * width]; // three rows in one array, rotated by offset: before, previous, current
        int before = 0;
        int previous = width;
        int current = 2 * width;
        for (int j = 0; j <= n; j++) {
            rows[previous + j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            rows[current] = i;
            int rowMinimum = i;
            char ai = a.charAt(i - 1);
            for (int j = 1; j <= n; j++) {
                int cost = ai == b.charAt(j - 1) ? 0 : 1;
                int value = Math.min(Math.min(rows[previous + j] + 1, rows[current + j - 1] + 1), rows[previous + j - 1] + cost);
                if (i > 1 && j > 1 && ai == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    value = Math.min(value, rows[before + j - 2] + 1);
                }
                rows[current + j] = value;
                rowMinimum = Math.min(rowMinimum, value);
            }
            if (rowMinimum > limit) {
                return limit + 1;
            }
            int recycled = before;
            before = previous;
            previous = current;
            current = recycled;
        }
        return rows[previous + n];
    }
}
