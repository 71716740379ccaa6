package com.clinicfaq.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One pattern of a rule: groups joined by {@code +}, each group alternatives joined by {@code |}, each
 * alternative a word or consecutive words; {@code numb*} matches any word starting with numb and
 * {@code <number>} any number, {@code <many>} a number of 5 or more, in digits or words ("took 30 tramadol", "forty
 * tablets"), {@code <fever>} a body
 * temperature that is a fever (100 to 110 in Fahrenheit, 38 to 43 in Celsius: "temp is 101", not "temp is 98.4"),
 * {@code <low-oxygen>} an oxygen saturation below 90 % (50 to 89: "SpO2 84%", not "sats 96"). The pattern matches when
 * every group has an alternative somewhere in
 * the message. The full syntax is documented at the top of {@code policy.yml}.
 */
final class RulePattern {

    static final String NUMBER = "<number>";
    /** A number of five or more: a count of pills that is an overdose whatever the medicine ("took 30 tramadol"). */
    static final String MANY = "<many>";

    static final int MANY_AT_LEAST = 5;
    /** A body temperature that is a fever, in either scale: "temp is 102", "38,5 de temperatura". */
    static final String FEVER = "<fever>";
    /** An oxygen saturation that calls for help, in per cent: "SpO2 84% RA", "sats 88 on room air". */
    static final String LOW_OXYGEN = "<low-oxygen>";
    /** A message of at most this many words is read as one sentence. */
    static final int SHORT_MESSAGE = 15;

    /** A pattern word: a whole word (with its typos), a prefix ({@code numb*}) or any number. */
    record Token(String text, boolean prefix, boolean number) {

        boolean matches(List<String> words, int index) {
            if (number && text.equals(MANY)) {
                return Words.isMany(words.get(index), MANY_AT_LEAST);
            }
            if (number && text.equals(FEVER)) {
                String word = words.get(index);
                if (!Words.isNumber(word) || word.length() > 3) {
                    return false;
                }
                int degrees = Integer.parseInt(word);
                return degrees >= 38 && degrees <= 43 || degrees >= 100 && degrees <= 110;
            }
            if (number && text.equals(LOW_OXYGEN)) {
                String word = words.get(index);
                if (!Words.isNumber(word) || word.length() != 2) {
                    return false;
                }
                int saturation = Integer.parseInt(word);
                return saturation >= 50 && saturation <= 89;
            }
            if (number) {
                return Words.isNumber(words.get(index));
            }
            return prefix ? Words.startsWith(words, index, text) : Words.same(text, words, index);
        }
    }

    private final String source;
    private final List<List<List<Token>>> groups;

    private RulePattern(String source, List<List<List<Token>>> groups) {
        this.source = source;
        this.groups = groups;
    }

    /** @throws IllegalArgumentException with a message for the curator when the pattern is malformed */
    static RulePattern parse(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            throw new IllegalArgumentException("the pattern is empty");
        }
        List<List<List<Token>>> groups = new ArrayList<>();
        for (String group : pattern.split("\\+", -1)) {
            if (group.isBlank()) {
                throw new IllegalArgumentException(
                        "the pattern '" + pattern + "' has an empty group: put words on both sides of every '+'");
            }
            List<List<Token>> alternatives = new ArrayList<>();
            for (String alternative : group.split("\\|", -1)) {
                if (alternative.isBlank()) {
                    throw new IllegalArgumentException("the pattern '" + pattern
                            + "' has an empty alternative: put words on both sides of every '|'");
                }
                alternatives.add(tokens(pattern, alternative));
            }
            groups.add(List.copyOf(alternatives));
        }
        return new RulePattern(pattern, List.copyOf(groups));
    }

    private static List<Token> tokens(String pattern, String alternative) {
        List<Token> tokens = new ArrayList<>();
        for (String raw : alternative.strip().split("\\s+")) {
            if (raw.equals(NUMBER) || raw.equals(MANY) || raw.equals(FEVER) || raw.equals(LOW_OXYGEN)) {
                tokens.add(new Token(raw, false, true));
                continue;
            }
            if (raw.equals("*")) {
                throw new IllegalArgumentException("'*' on its own in the pattern '" + pattern
                        + "' would match any word: put at least 3 letters before it");
            }
            boolean prefix = raw.endsWith("*");
            String text = prefix ? raw.substring(0, raw.length() - 1) : raw;
            if (text.contains("*") || text.contains("<") || text.contains(">")) {
                throw new IllegalArgumentException(
                        "'" + raw + "' in the pattern '" + pattern
                                + "': '*' may only end a word and '<number>', '<many>', '<fever>' and '<low-oxygen>' are the only placeholders");
            }
            List<String> words = Words.of(text);
            if (words.isEmpty()) {
                throw new IllegalArgumentException(
                        "'" + raw + "' in the pattern '" + pattern + "' has no letters or digits");
            }
            if (prefix && words.getLast().length() < 3) {
                throw new IllegalArgumentException("'" + raw + "' in the pattern '" + pattern
                        + "' would match too many words: put at least 3 letters before '*'");
            }
            for (int i = 0; i < words.size(); i++) {
                tokens.add(new Token(words.get(i), prefix && i == words.size() - 1, false));
            }
        }
        return List.copyOf(tokens);
    }

    /** Whether every group has an alternative somewhere in the (normalised) message words. */
    boolean matches(List<String> words) {
        for (List<List<Token>> group : groups) { // loops, not streams: this runs for every rule on every message
            if (!anyFound(group, words)) {
                return false;
            }
        }
        return true;
    }

    private static boolean anyFound(List<List<Token>> alternatives, List<String> words) {
        for (List<Token> alternative : alternatives) {
            if (find(alternative, words, 0) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether every group has an alternative in one sentence of the message, outside the scope of a denial, a
     * hypothesis, a general question, the past or a figure of speech ({@link Context}, of the same words).
     */
    boolean matchesInPresent(List<String> words, Context context) {
        return matchInPresent(words, context) != null;
    }

    /** The message words that matched, one group's after another's ("legs + numb"), or null when the pattern does not match. */
    String matchInPresent(List<String> words, Context context) {
        return matchInPresent(words, context, false);
    }

    /** @param evenIfHypothetical whether words in a hypothesis count ({@link Context#outOfPresent(int, int, boolean)}) */
    String matchInPresent(List<String> words, Context context, boolean evenIfHypothetical) {
        if (context.size() != words.size()) {
            return matches(words) ? toString() : null;
        }
        // a short message is read whole ("cant do this anymore. goodbye"); a longer one sentence by sentence, so
        // that words far apart ("the shot ... leaking when I sneeze") do not make one symptom
        int sentences =
                words.isEmpty() ? 0 : words.size() <= SHORT_MESSAGE ? 1 : context.sentenceOf(words.size() - 1) + 1;
        // where each sentence's words start, so that each is searched alone: a long message of many sentences
        // costs in proportion to its length, not to its length times its sentences
        int[] start = new int[sentences + 1];
        Arrays.fill(start, words.size());
        if (sentences > 1) {
            for (int i = words.size() - 1; i >= 0; i--) {
                start[context.sentenceOf(i)] = i;
            }
            for (int sentence = sentences - 1; sentence > 0; sentence--) {
                start[sentence] = Math.min(start[sentence], start[sentence + 1]); // a sentence without words
            }
        }
        if (sentences > 0) {
            start[0] = 0;
        }
        for (int sentence = 0; sentence < sentences; sentence++) {
            StringBuilder matched = new StringBuilder();
            boolean all = true;
            for (int g = 0; g < groups.size() && all; g++) {
                String found = foundInPresent(
                        groups.get(g),
                        words,
                        context,
                        sentence,
                        start[sentence],
                        start[sentence + 1],
                        evenIfHypothetical);
                all = found != null;
                if (all) {
                    matched.append(g == 0 ? "" : " + ").append(found);
                }
            }
            if (all) {
                return matched.toString();
            }
        }
        return null;
    }

    /** An alternative that starts in the sentence (its words from {@code from} to {@code to}), outside any frame. */
    private static String foundInPresent(
            List<List<Token>> alternatives,
            List<String> words,
            Context context,
            int sentence,
            int from,
            int to,
            boolean evenIfHypothetical) {
        for (List<Token> alternative : alternatives) {
            for (int at = find(alternative, words, from, to); at >= 0; at = find(alternative, words, at + 1, to)) {
                boolean inSentence = words.size() <= SHORT_MESSAGE || context.sentenceOf(at) == sentence;
                if (inSentence && !context.outOfPresent(at, at + alternative.size(), evenIfHypothetical)) {
                    return String.join(" ", words.subList(at, at + alternative.size()));
                }
            }
        }
        return null;
    }

    /** Marks the words of every occurrence of every alternative, when the whole pattern matches. */
    void cover(List<String> words, boolean[] covered) {
        if (!matches(words)) {
            return;
        }
        for (List<List<Token>> group : groups) {
            for (List<Token> alternative : group) {
                for (int at = find(alternative, words, 0); at >= 0; at = find(alternative, words, at + 1)) {
                    for (int i = 0; i < alternative.size(); i++) {
                        covered[at + i] = true;
                    }
                }
            }
        }
    }

    private static int find(List<Token> alternative, List<String> words, int from) {
        return find(alternative, words, from, words.size());
    }

    /** The first place at or after {@code from} and before {@code before} where the alternative starts, or -1. */
    private static int find(List<Token> alternative, List<String> words, int from, int before) {
        for (int start = from; start < before && start + alternative.size() <= words.size(); start++) {
            int i = 0;
            while (i < alternative.size() && alternative.get(i).matches(words, start + i)) {
                i++;
            }
            if (i == alternative.size() && !aTimeNotACount(alternative, words, start)) {
                return start;
            }
        }
        return -1;
    }

    /** Words of a time or a dose after a number: it counts neither pills nor anything else. */
    private static final java.util.Set<String> UNITS = java.util.Set.of(
            "min", "mins", "minute", "minutes", "minuto", "minutos", "hour", "hours", "hr", "hrs", "hora", "horas",
            "am", "pm", "day", "days", "dia", "dias", "week", "weeks", "semana", "semanas", "mg", "ml");

    /**
     * Whether an alternative that is a number alone ({@code <number>}, {@code <many>}) stands before a time or a dose
     * ("vomité la pastilla a los 10 minutos, ¿me tomo otra?", "tomo la oxicodona cada 6 horas"): a count of nothing.
     */
    private static boolean aTimeNotACount(List<Token> alternative, List<String> words, int start) {
        return alternative.size() == 1
                && alternative.getFirst().number()
                && !alternative.getFirst().text().equals(FEVER)
                && !alternative.getFirst().text().equals(LOW_OXYGEN)
                && start + 1 < words.size()
                && UNITS.contains(words.get(start + 1));
    }

    /** The pattern as written in {@code policy.yml}. */
    String source() {
        return source;
    }

    @Override
    public String toString() {
        return source;
    }
}
