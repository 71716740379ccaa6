package com.clinicfaq.knowledge;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Whose words an answer is. The articles are written in their author's first person ("I typically recommend ...",
 * "I perform kyphoplasty under ..."); the bot is an automated assistant, never the doctor, so an answer that speaks in
 * the author's first person is given as a quote, word for word, with its author and article: From Dr. Weisbein's
 * article on kyphoplasty: “I typically recommend ...” (issue #19). Any other answer is given as written.
 */
public final class Attribution {

    /**
     * The first person singular in English ("I", "I'm", "me", "my", "myself"), and the plural of the author's team
     * ("we", "our", "us"): "we recommend" is a recommendation as much as "I recommend". "I" is matched in capitals
     * only, as articles write it (the Roman numeral of "type I" aside).
     */
    private static final Pattern FIRST_PERSON = Pattern.compile(
            "(?<![\\p{L}'’-])(?:I(?:['’](?:m|ve|d|ll))?(?![\\p{L}'’.-])|(?i:me|my|mine|myself|we|we['’](?:re|ve|d|ll)|our|ours|ourselves|us)(?![\\p{L}'’-]))");

    private static final Pattern NUMERAL_I =
            Pattern.compile("(?i)\\b(?:type|grade|stage|class|phase|level|part|chapter)\\s+I\\b");
    /** Degrees after which an author is called "Dr." and their family name. */
    private static final Pattern DOCTOR = Pattern.compile(
            "(?i)^(?:m\\.?\\s?d\\.?|d\\.?\\s?o\\.?|mbbs|m\\.?b\\.?b\\.?s\\.?|d\\.?p\\.?m\\.?|d\\.?c\\.?|ph\\.?\\s?d\\.?|dds|d\\.d\\.s\\.)$");

    private static final Pattern HONORIFIC = Pattern.compile("(?i)^(?:dr\\.?|doctor)\\s+");

    private Attribution() {}

    /** Whether the text speaks in someone's first person: it needs its author named before it is said. */
    public static boolean firstPerson(String text) {
        return text != null
                && FIRST_PERSON.matcher(NUMERAL_I.matcher(text).replaceAll(" ")).find();
    }

    /**
     * The text as the bot may say it: as written when it speaks in no one's first person; otherwise quoted word for
     * word after who wrote it and where ("From Dr. Weisbein's article on kyphoplasty: “...”").
     */
    public static String present(String text, Article article) {
        return presenter(article).apply(text);
    }

    /**
     * {@link #present} for the many texts of one article, as an index presents its passages: where it comes from is
     * worked out once, when the first text that needs it is presented (it reads the whole article for its names).
     */
    public static UnaryOperator<String> presenter(Article article) {
        return new UnaryOperator<>() {
            private String source;

            @Override
            public String apply(String text) {
                if (!firstPerson(text)) {
                    return text;
                }
                if (source == null) {
                    source = source(article);
                }
                return source + ": \u201c" + text.strip() + "\u201d";
            }
        };
    }

    /** "From Dr. Weisbein's article on kyphoplasty"; "From the practice's article on ..." when it names no author. */
    public static String source(Article article) {
        String author = article == null ? "" : author(article.author());
        String whose = author.isEmpty() ? "the practice's" : possessive(author);
        String about = article == null ? "" : about(article);
        return "From " + whose + " article" + (about.isEmpty() ? "" : " " + about);
    }

    /** "Jacqueline Weisbein, D.O." → "Dr. Weisbein"; "Dr. Ana Ruiz" → "Dr. Ruiz"; "Sam Lee, PA-C" → "Sam Lee". */
    public static String author(String byline) {
        if (byline == null || byline.isBlank()) {
            return "";
        }
        String[] parts = byline.strip().split("\\s*,\\s*");
        String name = parts[0].strip();
        boolean doctor = HONORIFIC.matcher(name).find();
        for (int i = 1; i < parts.length && !doctor; i++) {
            doctor = DOCTOR.matcher(parts[i].strip()).matches();
        }
        name = HONORIFIC.matcher(name).replaceFirst("");
        if (!doctor) {
            return name;
        }
        String[] words = name.split("\\s+");
        return "Dr. " + words[words.length - 1];
    }

    private static String possessive(String name) {
        return name + (name.endsWith("s") ? "'" : "'s");
    }

    /** "on kyphoplasty", "on radiofrequency ablation": the article's procedure as staff name it; else its title in quotes. */
    private static String about(Article article) {
        List<String> names = article.names().isEmpty() ? ProcedureNames.propose(article) : article.names();
        return names.stream()
                .filter(name -> !ProcedureNames.isAbbreviation(name))
                .findFirst()
                .map(name -> "on " + name)
                .orElseGet(() -> article.title() == null || article.title().isBlank()
                        ? ""
                        : "\u201c" + article.title().strip() + "\u201d");
    }
}
