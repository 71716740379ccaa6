package com.clinicfaq.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Proposes what visitors call an article's procedure or topic, from the article itself (the importer writes them into
 * the front matter's {@code names:}, where staff edit them): an abbreviation defined in the text whose long form shares
 * a word with the title ("radiofrequency ablation (RFA)" in "Comparing Cervical vs Lumbar Radiofrequency Ablation"
 * gives "radiofrequency ablation" and "RFA"), after a phrase of the title the text says more often when the
 * abbreviation names only a part of the procedure ("occipital nerve" before "greater occipital nerve (GON)"); without
 * one, the title word the article uses most ("kyphoplasty", {@link Topics}).
 */
public final class ProcedureNames {

    /** "long form (ABBR)": the abbreviation, and up to six words before it. */
    private static final Pattern DEFINED =
            Pattern.compile("((?:[\\p{L}][\\p{L}-]*\\s+){1,6})\\(([A-Z][A-Za-z]{1,6})\\)");

    private static final Pattern ABBREVIATION = Pattern.compile("[A-Z][A-Za-z]{0,5}[A-Z]s?");

    private ProcedureNames() {}

    /** Whether a name is an abbreviation ("RFA", "SI"), matched whole rather than by the start of its words. */
    public static boolean isAbbreviation(String name) {
        return ABBREVIATION.matcher(name).matches();
    }

    /** An abbreviation defined in the text: its long form, and the title's words that follow it. */
    private record Defined(List<String> longForm, String abbreviation, List<String> after) {

        /** How many of the title's words the name uses. */
        long shared(Set<String> titleWords) {
            return java.util.stream.Stream.concat(longForm.stream(), after.stream())
                    .distinct()
                    .filter(titleWords::contains)
                    .count();
        }
    }

    public static List<String> propose(Article article) {
        String body = body(article);
        Set<String> titleWords = new LinkedHashSet<>(
                words(article.title() + " " + (article.subtitle() == null ? "" : article.subtitle())));
        List<Defined> defined = new ArrayList<>();
        Matcher m = DEFINED.matcher(body);
        while (m.find()) {
            List<String> longForm = longForm(m.group(2), words(m.group(1)));
            if (longForm.isEmpty() || longForm.stream().noneMatch(titleWords::contains)) {
                continue; // another procedure named in passing ("an alternative is ... (RFA)")
            }
            // the title's words right after the abbreviation are its procedure's too: "sacroiliac (SI) joint injection"
            List<String> after = new ArrayList<>();
            for (String word : words(body.substring(m.end(), Math.min(body.length(), m.end() + 60)))) {
                if (after.size() == 3
                        || word.length() < 4
                        || !titleWords.contains(word) && !titleWords.contains(word + "s")) {
                    break;
                }
                after.add(word);
            }
            defined.add(new Defined(longForm, m.group(2), after));
        }
        // a long form that shares fewer of the title's words than another is a condition or tool named on the way
        // ("complex regional pain syndrome (CRPS)" in an article on spinal cord stimulation shares only "pain")
        long most = defined.stream().mapToLong(d -> d.shared(titleWords)).max().orElse(0);
        Set<String> names = new LinkedHashSet<>();
        for (Defined d : defined) {
            if (d.shared(titleWords) < most) {
                continue;
            }
            String longForm = String.join(" ", d.longForm());
            names.add(longForm);
            names.add(d.abbreviation());
            if (!d.after().isEmpty()) {
                names.add(longForm + " " + String.join(" ", d.after()));
                names.add(d.abbreviation() + " " + String.join(" ", d.after()));
            }
        }
        String phrase = titlePhrase(article.title(), body);
        if (!names.isEmpty() && phrase != null) {
            // the abbreviation may name a part of the procedure ("greater occipital nerve (GON)" in "How Occipital
            // Nerve Blocks Relieve…"): a phrase of the title that the text says more often than that long form, and
            // that holds the long form's words after its first, names the article first
            String first = names.iterator().next();
            List<String> longForm = words(first);
            if (longForm.size() > 1
                    && (" " + String.join(" ", words(phrase)) + " ")
                            .contains(" " + String.join(" ", longForm.subList(1, longForm.size())) + " ")
                    && mentions(phrase, body) > mentions(first, body)) {
                Set<String> titledFirst = new LinkedHashSet<>();
                titledFirst.add(phrase);
                titledFirst.addAll(names);
                names = titledFirst;
            }
        }
        if (names.isEmpty()) {
            String topic = Topics.word(article); // the title word the text uses most, or the whole title when none
            // a phrase of the title the text repeats about as often as its most used word names what the article is
            // about better than that word alone ("medial branch blocks", not "pain"; "spinal stenosis", not "spinal");
            // a word the text uses far more than any phrase is the subject itself ("kyphoplasty", not "compression
            // fractures")
            if (phrase != null && 2 * mentions(phrase, body) >= mentions(topic, body)) {
                names.add(phrase);
                String initials = initials(phrase);
                if (initials != null) {
                    names.add(initials);
                }
            } else if (!topic.equals(article.title())) {
                names.add(topic);
            }
        }
        return List.copyOf(names);
    }

    /**
     * The initials visitors write for a name of three words or more that the article never abbreviates ("MBB" for
     * "medial branch blocks"); null for a shorter name, or when the initials hold a vowel and so could be a word
     * ("ART"), which as a name would scope a question that uses the word to this article.
     */
    static String initials(String name) {
        List<String> words = words(name);
        if (words.size() < 3) {
            return null;
        }
        StringBuilder initials = new StringBuilder();
        words.forEach(w -> initials.append(Character.toUpperCase(w.charAt(0))));
        return initials.chars().anyMatch(c -> "AEIOUY".indexOf(c) >= 0) ? null : initials.toString();
    }

    /** Words that never start or end a name. */
    private static final Set<String> NOT_NAMES = Set.of(
            "how",
            "what",
            "when",
            "where",
            "which",
            "why",
            "who",
            "your",
            "with",
            "does",
            "from",
            "that",
            "this",
            "help",
            "helps",
            "right",
            "about",
            "into",
            "will",
            "the",
            "and",
            "for",
            "you",
            "are",
            "can",
            "understanding",
            "comparing",
            "guide",
            "expect",
            "after",
            "before",
            "during",
            "options");

    /**
     * The run of two to four of the title's words that the text repeats most (at least three times), the longer of
     * two runs the text uses nearly as often ("medial branch blocks" over "medial branch"); null when none.
     */
    static String titlePhrase(String title, String body) {
        List<String> words = words(title == null ? "" : title);
        java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        for (int n = 2; n <= 4; n++) {
            for (int start = 0; start + n <= words.size(); start++) {
                List<String> run = words.subList(start, start + n);
                if (run.stream().noneMatch(w -> w.length() < 3 || NOT_NAMES.contains(w))) {
                    counts.put(String.join(" ", run), mentions(String.join(" ", run), body));
                }
            }
        }
        String best = counts.entrySet().stream()
                .filter(e -> e.getValue() >= 3)
                .max(java.util.Map.Entry.comparingByValue())
                .map(java.util.Map.Entry::getKey)
                .orElse(null);
        if (best == null) {
            return null;
        }
        int most = counts.get(best);
        String chosen = best;
        for (var e : counts.entrySet()) {
            if (e.getKey().contains(best) && e.getKey().length() > chosen.length() && 4 * e.getValue() >= 3 * most) {
                chosen = e.getKey();
            }
        }
        return chosen;
    }

    /** How often the text says the words, the last in the singular or the plural ("branch block" in "branch blocks"). */
    static int mentions(String phrase, String body) {
        List<String> words = new ArrayList<>(words(phrase));
        if (words.isEmpty()) {
            return 0;
        }
        String last = words.getLast();
        if (last.length() > 4 && last.endsWith("s")) {
            words.set(words.size() - 1, last.substring(0, last.length() - 1));
        }
        Pattern pattern = Pattern.compile(
                "\\b" + String.join("\\s+", words.stream().map(Pattern::quote).toList()) + "(?:s|es)?\\b");
        return (int) pattern.matcher(body.toLowerCase(Locale.ROOT)).results().count();
    }

    /**
     * The shortest run of words before the abbreviation whose letters hold the abbreviation's in order, the first
     * at the start of the first word (Schwartz and Hearst's rule): "sacroiliac" for SI, "radiofrequency ablation"
     * for RFA; empty when none does.
     */
    static List<String> longForm(String abbreviation, List<String> before) {
        String letters = abbreviation.toLowerCase(Locale.ROOT);
        for (int n = 1; n <= before.size(); n++) {
            List<String> candidate = before.subList(before.size() - n, before.size());
            if (candidate.getFirst().charAt(0) == letters.charAt(0)
                    && holdsInOrder(String.join(" ", candidate), letters)) {
                return List.copyOf(candidate);
            }
        }
        return List.of();
    }

    private static boolean holdsInOrder(String text, String letters) {
        int at = 0;
        for (char c : letters.toCharArray()) {
            at = text.indexOf(c, at);
            if (at < 0) {
                return false;
            }
            at++;
        }
        return true;
    }

    private static String body(Article article) {
        StringBuilder text = new StringBuilder();
        for (Section section : article.sections()) {
            text.append(section.title()).append(".\n");
            for (Block block : section.blocks()) {
                text.append(block.text()).append("\n");
            }
        }
        return text.toString();
    }

    /**
     * The text's words, lower case: runs of letters and digits (as {@code [\p{L}\p{N}]+}, read without a regular
     * expression: every question is read so for every article's names).
     */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        int start = -1;
        for (int i = 0; i < lower.length(); ) {
            int c = lower.codePointAt(i);
            boolean inWord = isLetterOrNumber(c);
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                words.add(lower.substring(start, i));
                start = -1;
            }
            i += Character.charCount(c);
        }
        if (start >= 0) {
            words.add(lower.substring(start));
        }
        return words;
    }

    /** Whether the code point is in {@code \p{L}} or {@code \p{N}}. */
    private static boolean isLetterOrNumber(int c) {
        return switch (Character.getType(c)) {
            case Character.UPPERCASE_LETTER,
                    Character.LOWERCASE_LETTER,
                    Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER,
                    Character.OTHER_LETTER,
                    Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER,
                    Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }
}
