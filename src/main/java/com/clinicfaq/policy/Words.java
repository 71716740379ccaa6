package com.clinicfaq.policy;

import com.clinicfaq.knowledge.Folding;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.regex.Pattern;

/** How messages and patterns are cut into words, and when two words count as the same despite a typo. */
final class Words {

    private static final Pattern APOSTROPHES = Pattern.compile("['‘’ʼ`´]");

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
        String normal = Folding.words(APOSTROPHES.matcher(Folding.plain(text)).replaceAll(""));
        return normal.isEmpty() ? List.of() : new Message(spelledOut(normal.split(" ")));
    }

    /** Off only to measure what it changes ({@code -Dclinicfaq.no-spelled-out=true}). */
    private static final boolean SPELL_OUT = !Boolean.getBoolean("clinicfaq.no-spelled-out");

    /**
     * Spanish as typed on a phone, never an English word: "q" for "que", "xq" for "porque", "xa" for "para"; and as
     * written by ear, "ke" and "porke".
     */
    private static final java.util.Map<String, String> SHORT = java.util.Map.ofEntries(
            java.util.Map.entry("q", "que"),
            java.util.Map.entry("xq", "porque"),
            java.util.Map.entry("pq", "porque"),
            java.util.Map.entry("porq", "porque"),
            java.util.Map.entry("xa", "para"),
            java.util.Map.entry("tb", "tambien"),
            java.util.Map.entry("tmb", "tambien"),
            java.util.Map.entry("dnd", "donde"),
            // written by ear
            java.util.Map.entry("ke", "que"),
            java.util.Map.entry("porke", "porque"),
            java.util.Map.entry("xke", "porque"));

    /** Short for a Spanish word only beside a Spanish word: "d" in "de un susto", "pa" in "pa saber", "x" in "x favor". */
    private static final java.util.Map<String, String> SHORT_BESIDE_SPANISH = java.util.Map.of(
            "d", "de",
            "pa", "para",
            "x", "por");

    /**
     * The words with Spanish written as on a phone spelled out ("mi apa dice q se quiere morir" reads "... que se
     * quiere morir"), one word for one, so that the rules and the frames of {@link Context} read it as written out.
     */
    private static String[] spelledOut(String[] words) {
        if (!SPELL_OUT) {
            return words;
        }
        for (int i = 0; i < words.length; i++) {
            String full = SHORT.get(words[i]);
            if (full == null && SHORT_BESIDE_SPANISH.containsKey(words[i])) {
                boolean beside = i > 0 && Language.spanishWord(words[i - 1])
                        || i + 1 < words.length
                                && (Language.spanishWord(words[i + 1]) || SHORT.containsKey(words[i + 1]));
                full = beside ? SHORT_BESIDE_SPANISH.get(words[i]) : null;
            }
            if (full != null) {
                words[i] = full;
            }
        }
        return words;
    }

    /**
     * A message's words, remembering which are in the dictionary: every rule's words are compared with them, and a
     * word in the dictionary is never taken for a typo, so it is looked up once, not for each rule word.
     */
    static final class Message extends AbstractList<String> implements RandomAccess {

        private final String[] words;
        /** 0 not looked up yet, 1 in the dictionary, 2 not. */
        private final byte[] known;
        /** The language the message is written in; null until first asked for. */
        private Language language;
        /** Each word's Spanish sound, worked out when first asked for ({@link #soundsAlike}). */
        private String[] sounds;

        private Message(String[] words) {
            this.words = words;
            this.known = new byte[words.length];
        }

        @Override
        public String get(int index) {
            return words[index];
        }

        @Override
        public int size() {
            return words.length;
        }

        boolean known(int index) {
            if (known[index] == 0) {
                known[index] =
                        KnownWords.contains(words[index]) || spanish() && KnownWords.containsSpanishForm(words[index])
                                ? (byte) 1
                                : (byte) 2;
            }
            return known[index] == 1;
        }

        /** The word's Spanish sound ({@link Folding#spanishSound}), worked out once. */
        String sound(int index) {
            if (sounds == null) {
                sounds = new String[words.length];
            }
            if (sounds[index] == null) {
                sounds[index] = Folding.spanishSound(words[index]);
            }
            return sounds[index];
        }

        /**
         * The language the message is written in, worked out once: the policy, the meaning layers and the word reading
         * all ask (a tie of function words asks the language detector).
         */
        Language language() {
            if (language == null) {
                language = Language.read(this);
            }
            return language;
        }

        /** A Spanish message's words are read against the Spanish forms too ("que tenga buen dia": not "tengo"). */
        private boolean spanish() {
            return language() == Language.SPANISH;
        }
    }

    /** Whether the word at this place of the message is spelled correctly (as some word). */
    static boolean known(List<String> words, int index) {
        return words instanceof Message message ? message.known(index) : KnownWords.contains(words.get(index));
    }

    static boolean isNumber(String word) {
        return !word.isEmpty() && word.chars().allMatch(Character::isDigit);
    }

    /** Counts of five or more written as words, in English and Spanish: "forty paracetamol", "veinte pastillas". */
    private static final java.util.Set<String> MANY_AS_WORDS = java.util.Set.of(
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
            "thirty",
            "forty",
            "fourty",
            "fifty",
            "sixty",
            "seventy",
            "eighty",
            "ninety",
            "hundred",
            "dozen",
            "dozens",
            "cinco",
            "seis",
            "siete",
            "ocho",
            "nueve",
            "diez",
            "doce",
            "trece",
            "catorce",
            "quince",
            "dieciseis",
            "diecisiete",
            "dieciocho",
            "diecinueve",
            "veinte",
            "veinticinco",
            "treinta",
            "cuarenta",
            "cincuenta",
            "sesenta",
            "setenta",
            "ochenta",
            "noventa",
            "cien",
            "ciento",
            "docena");

    /** Whether the word is a count of five or more, in digits or in words ("30", "forty", "veinte"). */
    static boolean isMany(String word, int atLeast) {
        if (isNumber(word)) {
            return word.length() > 2 || Integer.parseInt(word) >= atLeast;
        }
        return MANY_AS_WORDS.contains(word);
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
        return same(patternWord, List.of(word), 0);
    }

    /** {@link #same(String, String)} for the word at this place of the message. */
    static boolean same(String patternWord, List<String> words, int index) {
        String word = words.get(index);
        if (patternWord.equals(word)) {
            return true;
        }
        int typos = typos(patternWord);
        if (typos > 0
                && Math.abs(patternWord.length() - word.length()) <= typos
                && !known(words, index)
                && distance(patternWord, word, typos) <= typos) {
            return true;
        }
        return soundsAlike(patternWord, words, index);
    }

    /** Off only to measure what it changes ({@code -Dclinicfaq.no-spanish-sounds=true}). */
    private static final boolean SOUNDS = !Boolean.getBoolean("clinicfaq.no-spanish-sounds");

    /** The Spanish sound of each pattern word asked about: a policy's words are few. */
    private static final java.util.Map<String, String> PATTERN_SOUNDS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A Spanish word written by ear, as it sounds ("me boy a quitar la bida", "no puede mober las piernas", "sirujia"):
     * b and v alike, s, z and a soft c alike, a hard c, qu and k alike, h silent, ll and y alike ({@link
     * Folding#spanishSound}). Only in a message written in Spanish, for a pattern word of three letters or more and a
     * message word that is no word as written (a word spelled correctly is never taken for another).
     */
    private static boolean soundsAlike(String patternWord, List<String> words, int index) {
        String word = words.get(index);
        if (!SOUNDS
                || patternWord.length() < 3
                || Math.abs(patternWord.length() - word.length()) > 2
                || !(words instanceof Message message && message.spanish())
                || known(words, index)) {
            return false;
        }
        String sound = PATTERN_SOUNDS.computeIfAbsent(patternWord, Folding::spanishSound);
        return sound.length() >= 3 && sound.equals(((Message) words).sound(index));
    }

    /**
     * Whether the word starts with the prefix, allowing the prefix's typos (the word may be a little longer or
     * shorter there) in a word that is not spelled correctly as another word.
     */
    static boolean startsWith(String word, String prefix) {
        return startsWith(List.of(word), 0, prefix);
    }

    /** {@link #startsWith(String, String)} for the word at this place of the message. */
    static boolean startsWith(List<String> words, int index, String prefix) {
        String word = words.get(index);
        if (word.startsWith(prefix)) {
            return true;
        }
        int typos = Math.min(1, typos(prefix)); // a prefix is short of its word: one typo, not two
        if (typos == 0 || word.length() < prefix.length() - typos || known(words, index)) {
            return false;
        }
        for (int length = prefix.length() - typos;
                length <= Math.min(word.length(), prefix.length() + typos);
                length++) {
            if (distance(prefix, word.substring(0, length), typos) <= typos) {
                return true;
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
                int value = Math.min(
                        Math.min(rows[previous + j] + 1, rows[current + j - 1] + 1), rows[previous + j - 1] + cost);
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
