package com.clinicfaq.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Regular expressions tried as one union at the start of a word ({@code \b(?:r1|r2|...)\b}), where only those that
 * can start with the word's first character are tried: most of {@link Context}'s frames begin with a word of their
 * own ("never", "no tengo", "years ago"), and a union of 150 of them tried whole at every word of every message
 * was the largest cost of reading a message. The result is the union's: at a word starting with {@code c} the union
 * of the expressions that begin with {@code c} and of those that may begin with anything, in their order, matches as
 * the whole union would, since no other can match there.
 */
final class Alternation {

    private final Map<Character, Pattern> byFirst = new HashMap<>();
    /** The expressions whose first character is not one letter or digit; null when there are none. */
    private final Pattern anyFirst;

    /** @param regexes the alternatives, each matched between word boundaries */
    Alternation(List<String> regexes) {
        List<String> others = new ArrayList<>();
        Map<Character, List<String>> grouped = new HashMap<>();
        for (String regex : regexes) {
            int first = first(regex);
            if (first < 0) {
                others.add(regex);
            } else {
                grouped.computeIfAbsent((char) first, c -> new ArrayList<>());
            }
        }
        for (Character c : grouped.keySet()) {
            List<String> group = new ArrayList<>();
            for (String regex : regexes) { // the union's own order
                int first = first(regex);
                if (first < 0 || first == c) {
                    group.add(regex);
                }
            }
            byFirst.put(c, union(group));
        }
        this.anyFirst = others.isEmpty() ? null : union(others);
    }

    private static Pattern union(List<String> regexes) {
        return Pattern.compile("\\b(?:" + String.join("|", regexes) + ")\\b");
    }

    /**
     * The character every match of the expression starts with, or -1 when it may start with several: a letter or
     * digit that no quantifier follows, in an expression without a top-level {@code |}.
     */
    static int first(String regex) {
        if (regex.length() < 1 || !Character.isLetterOrDigit(regex.charAt(0))) {
            return -1;
        }
        if (regex.length() > 1 && "?*{+".indexOf(regex.charAt(1)) >= 0) {
            return -1;
        }
        int depth = 0;
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char ch = regex.charAt(i);
            if (ch == '\\') {
                i++;
            } else if (inClass) {
                inClass = ch != ']';
            } else if (ch == '[') {
                inClass = true;
            } else if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
            } else if (ch == '|' && depth == 0) {
                return -1;
            }
        }
        return regex.charAt(0);
    }

    /** The alternation over one text, its matchers made once. */
    Scan over(String text) {
        return new Scan(text);
    }

    final class Scan {

        private final String text;
        private final Map<Pattern, Matcher> matchers = new HashMap<>();

        private Scan(String text) {
            this.text = text;
        }

        /** Where the union's match at {@code start} ends, as {@link Matcher#lookingAt()} there finds it; -1: none. */
        int endAt(int start) {
            if (start >= text.length()) {
                return -1;
            }
            Pattern pattern = byFirst.getOrDefault(text.charAt(start), anyFirst);
            if (pattern == null) {
                return -1;
            }
            Matcher m = matchers.computeIfAbsent(
                    pattern, p -> p.matcher(text).useTransparentBounds(true).useAnchoringBounds(false));
            m.region(start, text.length());
            return m.lookingAt() ? m.end() : -1;
        }
    }
}
