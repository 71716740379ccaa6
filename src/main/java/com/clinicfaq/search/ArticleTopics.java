package com.clinicfaq.search;

import com.clinicfaq.knowledge.Article;
import com.clinicfaq.knowledge.Block;
import com.clinicfaq.knowledge.Section;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names a visitor uses for an article's procedure or topic, read from the article itself, so that a question
 * that names a procedure is answered from that procedure's article (issue #14): an abbreviation defined in the text
 * whose long form shares a word with the title ("radiofrequency ablation (RFA)" in "Comparing Cervical vs Lumbar
 * Radiofrequency Ablation" gives "radiofrequency ablation" and "RFA"); without one, the title word the article uses
 * most ("kyphoplasty"). Names are matched by the start of their words, so "stimulator" names "spinal cord
 * stimulation" and a typo at the end ("kyphoplasy") still names kyphoplasty.
 */
final class ArticleTopics {

    /** "long form (ABBR)": the abbreviation, and up to six words before it. */
    private static final Pattern DEFINED = Pattern.compile("((?:[\\p{L}][\\p{L}-]*\\s+){1,6})\\(([A-Z][A-Za-z]{1,6})\\)");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    /** Title words never taken for a topic on their own. */
    private static final Set<String> GENERIC = Set.of("about", "after", "before", "between", "comparing", "understanding",
            "what", "which", "when", "where", "your", "with", "from", "helps", "expect", "pain", "right", "treatment",
            "procedure", "procedures", "options", "guide", "should", "could", "would", "there", "their", "these", "those");

    /** One name: its words, each matched by its start; an abbreviation matched whole. */
    record Name(String text, List<String> stems, boolean abbreviation) {}

    private ArticleTopics() {}

    static List<Name> of(Article article) {
        String body = body(article);
        Set<String> titleWords = new LinkedHashSet<>(words(article.title() + " " + nullToEmpty(article.subtitle())));
        Set<Name> names = new LinkedHashSet<>();
        Matcher m = DEFINED.matcher(body);
        while (m.find()) {
            String abbreviation = m.group(2);
            List<String> before = words(m.group(1));
            List<String> longForm = longForm(abbreviation, before);
            if (longForm.isEmpty() || longForm.stream().noneMatch(titleWords::contains)) {
                continue; // another procedure named in passing ("an alternative is ... (RFA)")
            }
            names.add(name(String.join(" ", longForm), false));
            names.add(name(abbreviation, true));
        }
        if (names.isEmpty()) {
            mostUsedTitleWord(titleWords, body).ifPresent(word -> names.add(name(word, false)));
        }
        return List.copyOf(names);
    }

    /** Whether the question names this topic. */
    static boolean named(List<Name> names, String question) {
        List<String> words = words(question);
        List<String> asTyped = WORD.matcher(question).results().map(r -> r.group()).toList();
        for (Name name : names) {
            if (name.abbreviation()) {
                // "SI", "RFA": a short abbreviation only as typed in capitals ("si" is Spanish for "if")
                boolean found = name.text().length() <= 2 ? asTyped.contains(name.text()) : words.contains(name.stems().getFirst());
                if (found) {
                    return true;
                }
            } else if (containsInOrder(words, name.stems())) {
                return true;
            }
        }
        return false;
    }

    /** The question's words outside every mention of these names. */
    static List<String> wordsBesides(List<Name> names, String question) {
        List<String> words = words(question);
        boolean[] covered = new boolean[words.size()];
        for (Name name : names) {
            List<String> stems = name.stems();
            for (int start = 0; start + stems.size() <= words.size(); start++) {
                int i = 0;
                while (i < stems.size() && (name.abbreviation() ? words.get(start + i).equals(stems.get(i))
                        : words.get(start + i).startsWith(stems.get(i)))) {
                    i++;
                }
                if (i == stems.size()) {
                    java.util.Arrays.fill(covered, start, start + stems.size(), true);
                }
            }
        }
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            if (!covered[i]) {
                rest.add(words.get(i));
            }
        }
        return rest;
    }

    private static boolean containsInOrder(List<String> words, List<String> stems) {
        for (int start = 0; start + stems.size() <= words.size(); start++) {
            int i = 0;
            while (i < stems.size() && words.get(start + i).startsWith(stems.get(i))) {
                i++;
            }
            if (i == stems.size()) {
                return true;
            }
        }
        return false;
    }

    private static Name name(String text, boolean abbreviation) {
        List<String> stems = abbreviation ? List.of(text.toLowerCase(Locale.ROOT))
                : words(text).stream().map(ArticleTopics::stem).toList();
        return new Name(abbreviation ? text : text.toLowerCase(Locale.ROOT), stems, abbreviation);
    }

    /** The start of a word that its other forms and a late typo share: "stimulation" → "stimulat". */
    private static String stem(String word) {
        return word.length() <= 5 ? word : word.substring(0, Math.max(5, word.length() - 3));
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
            if (candidate.getFirst().charAt(0) == letters.charAt(0) && holdsInOrder(String.join(" ", candidate), letters)) {
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

    private static java.util.Optional<String> mostUsedTitleWord(Set<String> titleWords, String body) {
        Map<String, Integer> counts = new HashMap<>();
        for (String word : words(body)) {
            if (titleWords.contains(word) && word.length() >= 5 && !GENERIC.contains(word)) {
                counts.merge(word, 1, Integer::sum);
            }
        }
        return counts.entrySet().stream()
                .filter(e -> e.getValue() >= 5)
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey);
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

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
