package com.clinicfaq.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BinaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a patient article published as plain text (as copied from the practice's web page) into an
 * {@link Article} and the FAQs of its "Frequently Asked Questions" block, keeping the author's words as
 * they are: only whitespace is normalised.
 *
 * <p>The shape it expects: a title line, an optional subtitle, a "By <author>" line with the credentials
 * on the line below; then sections, each a heading (a short line on its own, without a final period)
 * followed by paragraphs, bullet lists ("•", "-", "*", "1.") and quotations in quotation marks; a
 * disclaimer paragraph ("... for educational purposes only ..."); a "Frequently Asked Questions" heading
 * with questions (lines ending in "?") each followed by its answer; then site navigation ("Next", a link
 * title), which is dropped. Anything it cannot place is reported with the file and line, never guessed.
 */
public final class PlainTextArticleImporter {

    /**
     * What the text cannot tell.
     *
     * @param id the article's id, or null for the slug of its title
     * @param source where the article was published, as staff record it
     * @param reviewed when a clinician last reviewed the content
     * @param defaultDisclaimer used when the article has no disclaimer of its own; null to refuse such articles
     */
    public record Options(String id, String source, LocalDate reviewed, String defaultDisclaimer) {

        public Options {
            if (source == null || source.isBlank()) {
                throw new IllegalArgumentException("source is required: where the article was published");
            }
            Objects.requireNonNull(reviewed, "reviewed");
            if (id != null && !id.matches("[a-z0-9][a-z0-9-]*")) {
                throw new IllegalArgumentException(
                        "an article id is lower-case letters, digits and '-', not '" + id + "'");
            }
        }

        public static Options of(String source, LocalDate reviewed) {
            return new Options(null, source, reviewed, null);
        }

        public Options withId(String id) {
            return new Options(id, source, reviewed, defaultDisclaimer);
        }

        public Options withDefaultDisclaimer(String disclaimer) {
            return new Options(id, source, reviewed, disclaimer);
        }
    }

    private static final int SHORT_LINE = 100;
    private static final int LONGEST_TITLE = 300;
    private static final Pattern BYLINE = Pattern.compile("By\\s+(\\S.*)");
    private static final Pattern BULLET = Pattern.compile("(?:[•·▪◦‣∙*–-]|\\d{1,2}[.)])\\s+(\\S.*)");
    private static final Pattern SYMBOL_BULLET = Pattern.compile("[•·▪◦‣∙*–-]\\s.*");
    /** A quotation in double quotes, possibly followed by its attribution: "..." — Joy. */
    private static final Pattern QUOTE = Pattern.compile("([\"“][^\"”]+[\"”])\\s*([—–-]+\\s*\\S.{0,59})?");

    private static final Pattern ATTRIBUTION = Pattern.compile("(?:[—–-]+\\s*)?\\S+(?:\\s\\S+){0,3}");
    private static final Pattern DISCLAIMER = Pattern.compile(
            "(?i).*\\b(?:(?:educational|informational) purposes only"
                    + "|not (?:be used as |intended as |intended to be )?a substitute for (?:professional )?medical advice)\\b.*");
    private static final Pattern DISCLAIMER_HEADING = Pattern.compile("(?i)(?:medical )?disclaimer:?");
    private static final Pattern FAQ_HEADING = Pattern.compile(
            "(?i)(?:frequently asked questions|faqs?|common questions|questions and answers)(?:\\s*\\(faqs?\\))?:?");
    private static final Pattern NAVIGATION =
            Pattern.compile("(?i)(?:next|previous|prev|back|back to top|read more|share"
                    + "|share this|related(?: posts| articles)?|older posts?|newer posts?|[«‹←].*|.*[»›→])");
    private static final Pattern PRACTICE = Pattern.compile(
            "(?<![\\p{L}'’.-])(?:(?:[A-Z][\\p{L}'’.-]*|&)\\s+){1,5}(?:Medical Group|Clinic|Center|Centre|Associates)\\b");
    private static final Pattern LOCATION =
            Pattern.compile("(?:^|[.!?]\\s+|\\b[Ll]ocated )[Ii]n ([A-Z][\\p{L}'’.-]*(?:\\s[A-Z][\\p{L}'’.-]*){0,3}),");
    private static final Set<String> NAME_LEAD = Set.of(
            "At", "In", "The", "Our", "Visit", "Call", "Contact", "From", "With", "And", "To", "By", "Of", "For",
            "About");
    private static final Set<String> STOP_WORDS = Set.of(
            "the", "and", "for", "are", "but", "not", "you", "your", "with", "this", "that", "from", "have", "has",
            "was", "were", "can", "may", "will", "what", "when", "where", "how", "why", "who", "which", "does", "did",
            "its", "into", "than", "then", "there", "their", "they", "our", "out", "all", "any", "some", "more", "most",
            "also", "been", "being", "about", "after", "before", "while", "during", "other", "such", "each", "these",
            "those");

    /** Reads the file; problems in its text are reported as {@link KnowledgeBaseFormatException}s. */
    public ImportedArticle importFile(Path file, Options options) {
        try {
            return parse(file, decode(file, Files.readAllBytes(file)), options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the text of {@code file}, which only names it in error messages. */
    public ImportedArticle parse(Path file, String text, Options options) {
        List<Chunk> chunks = chunks(text);
        if (chunks.isEmpty()) {
            throw KnowledgeBaseFormatException.at(file, 1, "the file is empty: expected the article's text");
        }
        Header header = header(file, chunks);
        List<Chunk> body = new ArrayList<>(withoutNavigation(chunks.subList(header.chunks(), chunks.size())));
        String disclaimer = takeDisclaimer(body);
        int faqHeading = 0;
        while (faqHeading < body.size()
                && !FAQ_HEADING.matcher(body.get(faqHeading).text()).matches()) {
            faqHeading++;
        }
        int sectionsEnd = faqHeading < body.size()
                ? body.get(faqHeading).line()
                : chunks.getLast().end();
        List<Section> sections = sections(file, body.subList(0, faqHeading), sectionsEnd);
        String id = options.id() != null ? options.id() : Slugs.of(header.title());
        List<Faq> faqs = faqHeading < body.size()
                ? faqs(file, id, body.get(faqHeading), body.subList(faqHeading + 1, body.size()), sections)
                : List.of();
        if (disclaimer.isEmpty()) {
            if (options.defaultDisclaimer() == null
                    || options.defaultDisclaimer().isBlank()) {
                throw KnowledgeBaseFormatException.at(
                        file,
                        0,
                        "no disclaimer found (a paragraph like 'This article is for "
                                + "educational purposes only...'): add one to the text or supply a default disclaimer");
            }
            disclaimer = options.defaultDisclaimer().strip();
        }
        List<String> texts = new ArrayList<>();
        sections.forEach(s ->
                s.blocks().stream().filter(b -> b.kind() != Block.Kind.QUOTE).forEach(b -> texts.add(b.text())));
        faqs.forEach(f -> texts.add(f.answer()));
        Article article = new Article(
                id,
                header.title(),
                header.subtitle(),
                header.author(),
                header.credentials(),
                practice(texts),
                location(texts),
                options.source().strip(),
                options.reviewed(),
                disclaimer,
                sections);
        // proposed for review: the front matter's names, which staff correct or extend ("rhizotomy")
        return new ImportedArticle(article.withNames(ProcedureNames.propose(article)), faqs);
    }

    /** Consecutive non-blank lines, whitespace normalised, with the number of their first line. */
    private record Chunk(int line, List<String> lines) {

        String text() {
            return String.join(" ", lines);
        }

        int end() {
            return line + lines.size() - 1;
        }
    }

    private record Header(String title, String subtitle, String author, String credentials, int chunks) {}

    private static String decode(Path file, byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            String lenient = new String(bytes, StandardCharsets.UTF_8);
            throw KnowledgeBaseFormatException.at(
                    file, lineOf(lenient, lenient.indexOf('\uFFFD')), "not UTF-8 text (a binary file?)");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                throw KnowledgeBaseFormatException.at(
                        file, lineOf(text, i), "binary content: control character U+%04X is not text".formatted((int)
                                        c));
            }
        }
        return text;
    }

    private static int lineOf(String text, int index) {
        return (int) text.substring(0, Math.max(index, 0))
                        .chars()
                        .filter(c -> c == '\n')
                        .count()
                + 1;
    }

    private static List<Chunk> chunks(String text) {
        String[] lines = text.replace("\uFEFF", "")
                .replace("\r\n", "\n")
                .replace('\r', '\n')
                .split("\n", -1);
        List<Chunk> chunks = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (int i = 0; i <= lines.length; i++) {
            String line = i < lines.length
                    ? lines[i].replaceAll("[\\s\\u00A0\\u2007\\u202F]+", " ").strip()
                    : "";
            if (!line.isEmpty()) {
                current.add(line);
            } else if (!current.isEmpty()) {
                chunks.add(new Chunk(i - current.size() + 1, List.copyOf(current)));
                current.clear();
            }
        }
        return chunks;
    }

    private static Header header(Path file, List<Chunk> chunks) {
        Chunk first = chunks.getFirst();
        if (!isTitleLine(first.lines().getFirst())) {
            throw KnowledgeBaseFormatException.at(
                    file,
                    first.line(),
                    "expected the article's title on the first line (a line of at most " + LONGEST_TITLE
                            + " characters without a final period)");
        }
        List<String> before = new ArrayList<>();
        int lastLine = first.line();
        for (int c = 0; c < Math.min(3, chunks.size()); c++) {
            Chunk chunk = chunks.get(c);
            for (int l = 0; l < chunk.lines().size(); l++) {
                String line = chunk.lines().get(l);
                lastLine = chunk.line() + l;
                Matcher byline = BYLINE.matcher(line);
                if (byline.matches()) {
                    String credentials = String.join(
                            " ", chunk.lines().subList(l + 1, chunk.lines().size()));
                    String subtitle = before.size() > 1 ? before.get(1) : "";
                    return new Header(before.getFirst(), subtitle, byline.group(1), credentials, c + 1);
                }
                if (before.size() == 2 || before.size() == 1 && !isShortLine(line)) {
                    throw KnowledgeBaseFormatException.at(
                            file, lastLine, "expected a 'By <author>' line after the title and the optional subtitle");
                }
                before.add(line);
            }
        }
        throw KnowledgeBaseFormatException.at(
                file, lastLine + 1, "expected a 'By <author>' line after the title and the optional subtitle");
    }

    /** Drops the site navigation after the article: "Next" lines and the titles of other articles. */
    private static List<Chunk> withoutNavigation(List<Chunk> body) {
        for (int i = 0; i < body.size(); i++) {
            boolean navigation = body.get(i).lines().stream()
                    .allMatch(l -> NAVIGATION.matcher(l).matches());
            if (navigation
                    && body.subList(i, body.size()).stream()
                            .allMatch(c -> c.lines().stream().allMatch(PlainTextArticleImporter::isShortLine))) {
                return body.subList(0, i);
            }
        }
        return body;
    }

    /** Removes the disclaimer paragraphs (and a "Disclaimer" heading above them) from the body. */
    private static String takeDisclaimer(List<Chunk> body) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            Chunk chunk = body.get(i);
            if (DISCLAIMER.matcher(chunk.text()).matches()
                    && !BULLET.matcher(chunk.lines().getFirst()).matches()) {
                found.add(chunk.text());
                body.remove(i);
                if (i > 0 && DISCLAIMER_HEADING.matcher(body.get(i - 1).text()).matches()) {
                    body.remove(--i);
                }
                i--;
            }
        }
        return String.join("\n\n", found);
    }

    private static List<Section> sections(Path file, List<Chunk> chunks, int end) {
        List<Section> sections = new ArrayList<>();
        Set<String> anchors = new HashSet<>();
        String title = null;
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            Chunk chunk = chunks.get(i);
            Matcher quote = QUOTE.matcher(chunk.text());
            Matcher attribution = ATTRIBUTION.matcher(chunk.text());
            boolean afterQuote =
                    i > 0 && QUOTE.matcher(chunks.get(i - 1).text()).matches();
            if (title != null && quote.matches()) {
                blocks.add(new Block(Block.Kind.QUOTE, quote.group(1)));
                if (quote.group(2) != null) {
                    blocks.add(new Block(Block.Kind.PARAGRAPH, quote.group(2)));
                }
            } else if (title != null
                    && afterQuote
                    && chunk.lines().size() == 1
                    && attribution.matches()
                    && !chunk.text().matches(".*(?:[?!:;,]|\\p{L}{3}\\.)")) {
                // A testimonial is followed by whose words they are; such a short line is not a heading.
                blocks.add(new Block(Block.Kind.PARAGRAPH, chunk.text()));
            } else if (isHeading(chunk)) {
                if (i + 1 == chunks.size() || isHeading(chunks.get(i + 1))) {
                    throw KnowledgeBaseFormatException.at(
                            file, chunk.line(), "the heading '" + chunk.text() + "' has no paragraph under it");
                }
                if (title != null) {
                    sections.add(new Section(Slugs.of(title), title, blocks));
                }
                title = chunk.text();
                blocks = new ArrayList<>();
                if (!anchors.add(Slugs.of(title))) {
                    throw KnowledgeBaseFormatException.at(
                            file,
                            chunk.line(),
                            "another heading has the same title (anchor '" + Slugs.of(title) + "')");
                }
            } else if (title == null) {
                throw KnowledgeBaseFormatException.at(
                        file,
                        chunk.line(),
                        "text before the first heading: expected a heading (a short line without a final period) above it");
            } else {
                blocks.addAll(blocks(chunk));
            }
        }
        if (title == null) {
            throw KnowledgeBaseFormatException.at(
                    file, end, "the article has no sections: expected headings, each followed by paragraphs");
        }
        sections.add(new Section(Slugs.of(title), title, blocks));
        return sections;
    }

    /** A question ends in a question mark: "?", the full-width "？" or the Greek "\u037e". */
    private static boolean isQuestion(String line) {
        return line.endsWith("?") || line.endsWith("\uff1f") || line.endsWith("\u037e");
    }

    /** The first line is the title, however long a title the practice gives (within reason: not a paragraph). */
    private static boolean isTitleLine(String line) {
        return line.length() <= LONGEST_TITLE && !line.matches(".*[.,;:]");
    }

    private static boolean isShortLine(String line) {
        return line.length() < SHORT_LINE && !line.matches(".*[.,;:]");
    }

    private static boolean isHeading(Chunk chunk) {
        String text = chunk.text();
        return chunk.lines().size() == 1
                && isShortLine(text)
                && !SYMBOL_BULLET.matcher(text).matches()
                && !QUOTE.matcher(text).matches();
    }

    /** Paragraph lines joined; each bullet starts a list item, and lines under it continue it. */
    private static List<Block> blocks(Chunk chunk) {
        List<Block> blocks = new ArrayList<>();
        Block.Kind kind = null;
        StringBuilder text = new StringBuilder();
        for (String line : chunk.lines()) {
            Matcher bullet = BULLET.matcher(line);
            if (bullet.matches() || kind == null) {
                if (kind != null) {
                    blocks.add(new Block(kind, text.toString()));
                }
                kind = bullet.matches() ? Block.Kind.BULLET : Block.Kind.PARAGRAPH;
                text.setLength(0);
                text.append(bullet.matches() ? bullet.group(1) : line);
            } else {
                text.append(' ').append(line);
            }
        }
        blocks.add(new Block(kind, text.toString()));
        return blocks;
    }

    private static List<Faq> faqs(
            Path file, String articleId, Chunk heading, List<Chunk> chunks, List<Section> sections) {
        List<Faq> faqs = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Chunk question = null;
        List<String> answer = new ArrayList<>();
        for (int i = 0; i <= chunks.size(); i++) {
            Chunk chunk = i < chunks.size() ? chunks.get(i) : null;
            boolean isQuestion = chunk != null
                    && chunk.lines().size() == 1
                    && isQuestion(chunk.text())
                    && chunk.text().length() < 2 * SHORT_LINE;
            if (chunk == null || isQuestion) {
                if (question != null) {
                    if (answer.isEmpty()) {
                        throw KnowledgeBaseFormatException.at(
                                file, question.line(), "the question '" + question.text() + "' has no answer under it");
                    }
                    String text = String.join("\n\n", answer);
                    String id = Slugs.of(question.text());
                    if (!ids.add(id)) {
                        throw KnowledgeBaseFormatException.at(
                                file, question.line(), "the question '" + question.text() + "' is asked twice");
                    }
                    String section =
                            bestSection(question.text() + " " + text, sections).anchor();
                    faqs.add(new Faq(id, articleId, question.text(), List.of(), text, section, Faq.Origin.ARTICLE));
                }
                question = chunk;
                answer.clear();
            } else if (question == null) {
                throw KnowledgeBaseFormatException.at(
                        file,
                        chunk.line(),
                        "expected a question (a line ending in '?') under '" + heading.text() + "'");
            } else {
                blocks(chunk).forEach(b -> answer.add(b.text()));
            }
        }
        if (faqs.isEmpty()) {
            throw KnowledgeBaseFormatException.at(
                    file, heading.line(), "'" + heading.text() + "' has no questions (lines ending in '?') under it");
        }
        return faqs;
    }

    /**
     * The section sharing the most words with the text, rare words counting more: an FAQ answer usually
     * repeats the sentences of the section it summarises. Quotations are not facts, so they do not count.
     */
    static Section bestSection(String text, List<Section> sections) {
        List<Set<String>> words = sections.stream()
                .map(s -> words(s.title() + " "
                        + String.join(
                                " ",
                                s.blocks().stream()
                                        .filter(b -> b.kind() != Block.Kind.QUOTE)
                                        .map(Block::text)
                                        .toList())))
                .toList();
        Map<String, Integer> sectionsWith = new HashMap<>();
        words.forEach(set -> set.forEach(w -> sectionsWith.merge(w, 1, Integer::sum)));
        Set<String> asked = words(text);
        Section best = sections.getFirst();
        double bestScore = -1;
        for (int i = 0; i < sections.size(); i++) {
            double score = 0;
            for (String word : asked) {
                if (words.get(i).contains(word)) {
                    score += Math.log(1 + (double) sections.size() / sectionsWith.get(word));
                }
            }
            if (score > bestScore) {
                best = sections.get(i);
                bestScore = score;
            }
        }
        return best;
    }

    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.length() > 2 && !STOP_WORDS.contains(word)) {
                words.add(
                        word.length() > 4 && word.endsWith("s") && !word.endsWith("ss")
                                ? word.substring(0, word.length() - 1)
                                : word);
            }
        }
        return words;
    }

    /** A practice names itself more than once; a hospital mentioned in passing is not the practice. */
    static String practice(List<String> texts) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String text : texts) {
            Matcher name = PRACTICE.matcher(text);
            while (name.find()) {
                List<String> words = new ArrayList<>(List.of(name.group().split("\\s+")));
                while (NAME_LEAD.contains(words.getFirst())) {
                    words.removeFirst();
                }
                counts.merge(String.join(" ", words), 1, Integer::sum);
            }
        }
        return mostFrequent(counts, 2);
    }

    /** The place in "In Napa, ..." or "Located in Napa, ...", if the article names it more than once. */
    static String location(List<String> texts) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        String all = String.join("\n", texts);
        for (String text : texts) {
            Matcher place = LOCATION.matcher(text);
            while (place.find()) {
                String name = place.group(1);
                int mentions = all.split("\\b" + Pattern.quote(name) + "\\b", -1).length - 1;
                counts.merge(name, mentions, BinaryOperator.maxBy(Integer::compare));
            }
        }
        return mostFrequent(counts, 2);
    }

    private static String mostFrequent(Map<String, Integer> counts, int atLeast) {
        return counts.entrySet().stream()
                .filter(e -> e.getValue() >= atLeast)
                .reduce((a, b) -> b.getValue() > a.getValue() ? b : a)
                .map(Map.Entry::getKey)
                .orElse("");
    }
}
