package com.clinicfaq.knowledge;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What an article is about: its name ("radiofrequency ablation"), or the word of its title that its text uses most
 * ("kyphoplasty" for "How Kyphoplasty Helps Stabilize Compression Fractures"). Lets a follow-up question ("how long
 * does it take?") be asked about the article's subject.
 */
public final class Topics {

    private static final Pattern WORD = Pattern.compile("\\p{L}{4,}");
    private static final Set<String> COMMON = Set.of(
            "what", "when", "where", "which", "your", "with", "does", "from", "that", "this", "help", "helps", "right",
            "about", "into", "will");

    private Topics() {}

    /**
     * What the article is about, as visitors name it: its first name that is not an abbreviation (front matter, or
     * as {@link ProcedureNames} proposes), else {@link #word}.
     */
    public static String of(Article article) {
        List<String> names = article.names().isEmpty() ? ProcedureNames.propose(article) : article.names();
        return names.stream()
                .filter(name -> !ProcedureNames.isAbbreviation(name))
                .findFirst()
                .orElseGet(() -> word(article));
    }

    /** The word of the title the text uses most, or the whole title when none. */
    public static String word(Article article) {
        String body = article.sections().stream()
                .flatMap(s -> s.blocks().stream())
                .map(Block::text)
                .collect(Collectors.joining(" "))
                .toLowerCase(Locale.ROOT);
        Map<String, Long> counts = WORD.matcher(body)
                .results()
                .map(m -> m.group())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        Matcher title = WORD.matcher(article.title().toLowerCase(Locale.ROOT));
        return title.results()
                .map(m -> m.group())
                .filter(w -> !COMMON.contains(w))
                .max(Comparator.comparingLong(w -> counts.getOrDefault(w, 0L)))
                .orElse(article.title());
    }
}
