package com.clinicfaq.search;

import com.clinicfaq.knowledge.Article;
import com.clinicfaq.knowledge.ProcedureNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The names a visitor uses for an article's procedure or topic, so that a question that names a procedure is
 * answered from that procedure's article (issue #14): the front matter's {@code names:} as staff keep them, or, where
 * there are none, what {@link ProcedureNames} reads from the text. Names are matched by the start of their words, so
 * "stimulator" names "spinal cord stimulation" and a typo at the end ("kyphoplasy") still names kyphoplasty;
 * abbreviations whole, and one of two letters ("SI") only as typed in capitals.
 */
final class ArticleTopics {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    /** One name: its words, each matched by its start; an abbreviation matched whole. */
    record Name(String text, List<String> stems, boolean abbreviation) {}

    private ArticleTopics() {}

    static List<Name> of(Article article) {
        List<String> names = article.names().isEmpty() ? ProcedureNames.propose(article) : article.names();
        return names.stream()
                .map(n -> name(n, ProcedureNames.isAbbreviation(n)))
                .distinct()
                .toList();
    }

    /** The name to show a visitor: the first that is not an abbreviation ("radiofrequency ablation", not "RFA"). */
    static String label(List<Name> names) {
        return names.stream()
                .filter(n -> !n.abbreviation())
                .findFirst()
                .or(() -> names.stream().findFirst())
                .map(Name::text)
                .orElse("");
    }

    /**
     * A text's words as names are looked for in it, read once for all the library's articles: lower case
     * ({@link ProcedureNames#words}), and as typed (a short abbreviation is a name only in capitals).
     */
    record Asked(String text, List<String> words) {

        static Asked of(String text) {
            return new Asked(text, ProcedureNames.words(text));
        }

        List<String> asTyped() {
            return WORD.matcher(text).results().map(r -> r.group()).toList();
        }
    }

    /** Whether the question names this topic. */
    static boolean named(List<Name> names, String question) {
        return named(names, Asked.of(question));
    }

    /** Whether the question, its words read once ({@link Asked#of}), names this topic. */
    static boolean named(List<Name> names, Asked question) {
        List<String> words = question.words();
        List<String> asTyped = null;
        for (Name name : names) {
            if (name.abbreviation()) {
                // "SI", "RFA": a short abbreviation only as typed in capitals ("si" is Spanish for "if")
                if (name.text().length() <= 2 && asTyped == null) {
                    asTyped = question.asTyped();
                }
                boolean found = name.text().length() <= 2
                        ? asTyped.contains(name.text())
                        : words.contains(name.stems().getFirst());
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
        return wordsBesides(names, Asked.of(question));
    }

    /** {@link #wordsBesides(List, String)} of a question whose words are read ({@link Asked#of}). */
    static List<String> wordsBesides(List<Name> names, Asked question) {
        return wordsOutside(question.words(), mentionsIn(names, question.words()));
    }

    /** The words outside these mentions, in order. */
    static List<String> wordsOutside(List<String> words, List<Mention> mentions) {
        boolean[] covered = new boolean[words.size()];
        for (Mention mention : mentions) {
            java.util.Arrays.fill(covered, mention.start(), mention.start() + mention.length(), true);
        }
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            if (!covered[i]) {
                rest.add(words.get(i));
            }
        }
        return rest;
    }

    /** A mention of a name in a question's words: its first word and how many words it takes. */
    record Mention(int start, int length) {}

    /** Where the names are mentioned in these words ({@link ProcedureNames#words}). */
    static List<Mention> mentionsIn(List<Name> names, List<String> words) {
        List<Mention> mentions = new ArrayList<>();
        for (Name name : names) {
            List<String> stems = name.stems();
            for (int start = 0; start + stems.size() <= words.size(); start++) {
                int i = 0;
                while (i < stems.size()
                        && (name.abbreviation()
                                ? words.get(start + i).equals(stems.get(i))
                                : words.get(start + i).startsWith(stems.get(i)))) {
                    i++;
                }
                if (i == stems.size()) {
                    mentions.add(new Mention(start, stems.size()));
                }
            }
        }
        return mentions;
    }

    /**
     * The question without the mentions of these names, lower case, words only: "how much does RFA cost" becomes "how
     * much does cost", which the out-of-scope topics written for another article ("how much does kyphoplasty cost")
     * recognise as a question of cost. The question's words when it names none of them.
     */
    static String generic(List<Name> names, String question) {
        return generic(names, Asked.of(question));
    }

    /** {@link #generic(List, String)} of a question whose words are read ({@link Asked#of}). */
    static String generic(List<Name> names, Asked question) {
        return String.join(" ", wordsBesides(names, question));
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
        List<String> stems = abbreviation
                ? List.of(text.toLowerCase(Locale.ROOT))
                : ProcedureNames.words(text).stream().map(ArticleTopics::stem).toList();
        return new Name(abbreviation ? text : text.toLowerCase(Locale.ROOT), stems, abbreviation);
    }

    /** The start of a word that its other forms and a late typo share: "stimulation" → "stimulat". */
    private static String stem(String word) {
        return word.length() <= 5 ? word : word.substring(0, Math.max(5, word.length() - 3));
    }
}
