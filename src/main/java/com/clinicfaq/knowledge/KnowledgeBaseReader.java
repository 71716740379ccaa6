package com.clinicfaq.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the knowledge-base folder (see {@code knowledge-base/README.md} for the format) and checks
 * it: every problem is reported with the file and line.
 */
public final class KnowledgeBaseReader {

    public static final String ARTICLES = "articles";
    public static final String FAQS = "faqs";
    /** Articles in other languages ({@link Translation}). */
    public static final String TRANSLATIONS = "translations";
    /** The folders of Markdown files, one file per article in each. */
    public static final List<String> MARKDOWN_FOLDERS = List.of(ARTICLES, FAQS, TRANSLATIONS);

    public static final String SYNONYMS = "synonyms.txt";
    public static final String OUT_OF_SCOPE = "out-of-scope.md";

    public KnowledgeBase read(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new KnowledgeBaseFormatException(folder.toString(), 0, "knowledge-base folder not found");
        }
        List<Article> articles = new ArrayList<>();
        for (Path file : markdownFiles(folder.resolve(ARTICLES))) {
            articles.add(article(file, parse(file)));
        }
        Map<String, Article> byId = new HashMap<>();
        for (Article article : articles) {
            if (byId.put(article.id(), article) != null) {
                throw new KnowledgeBaseFormatException(ARTICLES, 0, "two articles have the id '" + article.id() + "'");
            }
        }
        List<Faq> faqs = new ArrayList<>();
        Set<String> faqIds = new HashSet<>();
        Map<String, String> questions = new HashMap<>();
        for (Path file : markdownFiles(folder.resolve(FAQS))) {
            for (NumberedFaq numbered : faqs(file, parse(file), byId)) {
                Faq faq = numbered.faq();
                if (!faqIds.add(faq.id())) {
                    throw KnowledgeBaseFormatException.at(
                            file, numbered.line(), "another FAQ already has the id '" + faq.id() + "'");
                }
                for (String question : asked(faq)) {
                    String earlier = questions.putIfAbsent(Folding.words(question), faq.id());
                    if (earlier != null) {
                        throw KnowledgeBaseFormatException.at(
                                file,
                                numbered.line(),
                                "the question '" + question + "' is already asked by FAQ '" + earlier + "'");
                    }
                }
                faqs.add(faq);
            }
        }
        Path synonyms = folder.resolve(SYNONYMS);
        List<String> rules = Files.exists(synonyms) ? synonyms(synonyms) : List.of();
        Path outOfScopeFile = folder.resolve(OUT_OF_SCOPE);
        List<OutOfScopeTopic> outOfScope = new ArrayList<>();
        if (Files.exists(outOfScopeFile)) {
            for (MarkdownFile.Heading heading : parse(outOfScopeFile).headings()) {
                OutOfScopeTopic topic = outOfScopeTopic(outOfScopeFile, heading);
                for (String question : topic.phrasings()) {
                    String earlier = questions.putIfAbsent(Folding.words(question), topic.id());
                    if (earlier != null) {
                        throw KnowledgeBaseFormatException.at(
                                outOfScopeFile,
                                heading.line(),
                                "the question '" + question + "' is already asked by '" + earlier + "'");
                    }
                }
                outOfScope.add(topic);
            }
        }
        Map<String, Faq> faqsById = new HashMap<>();
        faqs.forEach(faq -> faqsById.put(faq.id(), faq));
        List<Translation> translations = new ArrayList<>();
        for (Path file : markdownFiles(folder.resolve(TRANSLATIONS))) {
            translations.add(translation(file, parse(file), byId, faqsById));
        }
        return new KnowledgeBase(articles, faqs, rules, outOfScope, translations);
    }

    /** The line of the front matter that starts with the key, or 0. */
    private static int frontMatterLine(Path file, String key) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith(key)) {
                    return i + 1;
                }
            }
            return 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static final java.util.regex.Pattern LANGUAGE = java.util.regex.Pattern.compile("[a-z]{2}");

    /**
     * A translation: front matter {@code translation-of}, {@code language}, {@code title}, {@code names} and
     * {@code reviewed} (a date, or empty until staff review it); each {@code ## heading {#anchor}} a section of the
     * English article, by its anchor; each {@code ### question {#faq-id}} an FAQ of it, with {@code ?} lines and its answer.
     */
    static Translation translation(
            Path file, MarkdownFile markdown, Map<String, Article> articles, Map<String, Faq> faqs) {
        String articleId = markdown.required("translation-of");
        Article article = articles.get(articleId);
        if (article == null) {
            throw KnowledgeBaseFormatException.at(file, 1, "no article has the id '" + articleId + "'");
        }
        String language = markdown.required("language");
        if (!LANGUAGE.matcher(language).matches() || language.equals("en")) {
            throw KnowledgeBaseFormatException.at(
                    file, 1, "'language' must be a two-letter code other than en, like es");
        }
        String expectedName = articleId + "." + language + ".md";
        if (!file.getFileName().toString().equals(expectedName)) {
            throw KnowledgeBaseFormatException.at(
                    file,
                    1,
                    "a translation of '" + articleId + "' into '" + language + "' must be in the file " + expectedName);
        }
        LocalDate reviewed = null;
        if (!markdown.optional("reviewed").isBlank()) {
            try {
                reviewed = LocalDate.parse(markdown.optional("reviewed").strip());
            } catch (DateTimeParseException e) {
                throw KnowledgeBaseFormatException.at(
                        file, 1, "'reviewed' must be a date like 2026-11-27, or empty until staff review it");
            }
        }
        List<Section> sections = new ArrayList<>();
        List<Translation.TranslatedFaq> translated = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (MarkdownFile.Heading heading : markdown.headings()) {
            if (heading.anchor() == null) {
                throw KnowledgeBaseFormatException.at(
                        file,
                        heading.line(),
                        "'" + heading.title()
                                + "' needs the {#anchor} of the English section or the {#id} of the English FAQ it translates");
            }
            if (!seen.add(heading.anchor())) {
                throw KnowledgeBaseFormatException.at(
                        file, heading.line(), "'" + heading.anchor() + "' is translated twice");
            }
            if (heading.level() == 2) {
                if (article.sections().stream().noneMatch(s -> s.anchor().equals(heading.anchor()))) {
                    // a section deleted from the English article since: its translation is no longer served, and
                    // deleting it in English is not refused for it (the console shows what a translation covers)
                    continue;
                }
                List<Block> blocks = MarkdownFile.blocks(heading.body()).stream()
                        .map(MarkdownFile.NumberedBlock::block)
                        .toList();
                if (blocks.isEmpty()) {
                    throw KnowledgeBaseFormatException.at(
                            file, heading.line(), "the section '" + heading.title() + "' has no text");
                }
                sections.add(new Section(heading.anchor(), heading.title(), blocks));
            } else if (heading.level() == 3) {
                Faq faq = faqs.get(heading.anchor());
                if (faq == null || !faq.articleId().equals(articleId)) {
                    continue; // an FAQ deleted since, as a section above
                }
                List<String> phrasings = new ArrayList<>();
                List<MarkdownFile.Line> answerLines = new ArrayList<>();
                for (MarkdownFile.Line line : heading.body()) {
                    String text = line.text().strip();
                    if (answerLines.isEmpty() && text.startsWith("?")) {
                        if (!text.substring(1).isBlank()) {
                            phrasings.add(text.substring(1).strip());
                        }
                    } else if (!answerLines.isEmpty() || !text.isEmpty()) {
                        answerLines.add(line);
                    }
                }
                String answer = String.join(
                        "\n\n",
                        MarkdownFile.blocks(answerLines).stream()
                                .map(b -> b.block().text())
                                .toList());
                if (answer.isBlank()) {
                    throw KnowledgeBaseFormatException.at(
                            file, heading.line(), "the FAQ '" + heading.title() + "' has no answer");
                }
                translated.add(new Translation.TranslatedFaq(faq.id(), heading.title(), phrasings, answer));
            } else {
                throw KnowledgeBaseFormatException.at(
                        file,
                        heading.line(),
                        "a translated section is a '## heading {#anchor}' and a"
                                + " translated FAQ a '### question {#faq-id}'");
            }
        }
        List<String> names = java.util.Arrays.stream(markdown.optional("names").split(","))
                .map(String::strip)
                .filter(name -> !name.isEmpty())
                .toList();
        List<List<String>> synonyms = new ArrayList<>();
        for (String group : markdown.optional("synonyms").split(";")) {
            List<String> words = java.util.Arrays.stream(group.split(","))
                    .map(String::strip)
                    .filter(word -> !word.isEmpty())
                    .toList();
            if (words.size() == 1) {
                throw KnowledgeBaseFormatException.at(
                        file,
                        frontMatterLine(file, "synonyms:"),
                        "synonyms: the group '" + words.getFirst() + "' needs at least two words"
                                + " separated by commas (groups are separated by semicolons)");
            }
            if (!words.isEmpty()) {
                synonyms.add(words);
            }
        }
        return new Translation(
                articleId, language, markdown.required("title"), names, reviewed, sections, translated, synonyms);
    }

    private static List<String> asked(Faq faq) {
        List<String> asked = new ArrayList<>(faq.phrasings());
        asked.addFirst(faq.question());
        return asked;
    }

    private static List<Path> markdownFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".md"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MarkdownFile parse(Path file) {
        try {
            return MarkdownFile.parse(file, Files.readString(file, StandardCharsets.UTF_8));
        } catch (java.nio.charset.MalformedInputException e) {
            throw KnowledgeBaseFormatException.at(file, 0, "not UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Article article(Path file, MarkdownFile markdown) {
        String id = markdown.required("id");
        String expectedName = id + ".md";
        if (!file.getFileName().toString().equals(expectedName)) {
            throw KnowledgeBaseFormatException.at(
                    file, 1, "the article id '" + id + "' must match the file name " + expectedName);
        }
        LocalDate reviewed;
        try {
            reviewed = LocalDate.parse(markdown.required("reviewed"));
        } catch (DateTimeParseException e) {
            throw KnowledgeBaseFormatException.at(file, 1, "'reviewed' must be a date like 2026-11-27");
        }
        List<Section> sections = new ArrayList<>();
        Set<String> anchors = new HashSet<>();
        for (MarkdownFile.Heading heading : markdown.headings()) {
            String anchor = heading.anchor() != null ? heading.anchor() : Slugs.of(heading.title());
            if (!anchors.add(anchor)) {
                throw KnowledgeBaseFormatException.at(
                        file, heading.line(), "another section already has the anchor '" + anchor + "'");
            }
            List<Block> blocks = MarkdownFile.blocks(heading.body()).stream()
                    .map(MarkdownFile.NumberedBlock::block)
                    .toList();
            if (blocks.isEmpty()) {
                throw KnowledgeBaseFormatException.at(
                        file, heading.line(), "the section '" + heading.title() + "' has no text");
            }
            sections.add(new Section(anchor, heading.title(), blocks));
        }
        if (sections.isEmpty()) {
            throw KnowledgeBaseFormatException.at(file, 1, "the article has no sections ('## Title' lines)");
        }
        return new Article(
                id,
                markdown.required("title"),
                markdown.optional("subtitle"),
                markdown.required("author"),
                markdown.optional("credentials"),
                markdown.optional("practice"),
                markdown.optional("location"),
                markdown.required("source"),
                reviewed,
                markdown.required("disclaimer"),
                sections,
                java.util.Arrays.stream(markdown.optional("names").split(","))
                        .map(String::strip)
                        .filter(name -> !name.isEmpty())
                        .toList());
    }

    record NumberedFaq(int line, Faq faq) {}

    static List<NumberedFaq> faqs(Path file, MarkdownFile markdown, Map<String, Article> articles) {
        String articleId = markdown.required("article");
        Article article = articles.get(articleId);
        if (article == null) {
            throw KnowledgeBaseFormatException.at(file, 1, "no article has the id '" + articleId + "'");
        }
        List<NumberedFaq> faqs = new ArrayList<>();
        for (MarkdownFile.Heading heading : markdown.headings()) {
            String section = null;
            Faq.Origin origin = Faq.Origin.CURATED;
            List<String> phrasings = new ArrayList<>();
            List<MarkdownFile.Line> answerLines = new ArrayList<>();
            for (MarkdownFile.Line line : heading.body()) {
                String text = line.text().strip();
                if (!answerLines.isEmpty()) {
                    answerLines.add(line);
                } else if (text.startsWith("?")) {
                    String phrasing = text.substring(1).strip();
                    if (phrasing.isEmpty()) {
                        throw KnowledgeBaseFormatException.at(file, line.number(), "empty phrasing after '?'");
                    }
                    phrasings.add(phrasing);
                } else if (text.startsWith("section:")) {
                    section = text.substring("section:".length()).strip().replaceFirst("^#", "");
                } else if (text.startsWith("origin:")) {
                    origin = origin(
                            file, line, text.substring("origin:".length()).strip());
                } else if (!text.isEmpty()) {
                    answerLines.add(line);
                }
            }
            String answer = String.join(
                    "\n\n",
                    MarkdownFile.blocks(answerLines).stream()
                            .map(b -> b.block().text())
                            .toList());
            if (answer.isBlank()) {
                throw KnowledgeBaseFormatException.at(
                        file, heading.line(), "the FAQ '" + heading.title() + "' has no answer");
            }
            if (section == null) {
                throw KnowledgeBaseFormatException.at(
                        file,
                        heading.line(),
                        "the FAQ '" + heading.title() + "' lacks a 'section:' line naming its source section");
            }
            String anchor = section;
            if (article.sections().stream().noneMatch(s -> s.anchor().equals(anchor))) {
                throw KnowledgeBaseFormatException.at(
                        file, heading.line(), "unknown section '" + section + "' in article '" + articleId + "'");
            }
            String id = heading.anchor() != null ? heading.anchor() : Slugs.of(heading.title());
            faqs.add(new NumberedFaq(
                    heading.line(), new Faq(id, articleId, heading.title(), phrasings, answer, section, origin)));
        }
        return faqs;
    }

    /** A {@code ?xx} line: how visitors ask in the language of that code. */
    private static final java.util.regex.Pattern TRANSLATED_PHRASING =
            java.util.regex.Pattern.compile("\\?([a-z]{2})\\s+(\\S.*)");

    /** The line of an out-of-scope topic that names the articles it was written about. */
    private static final String ABOUT = "about:";

    private static OutOfScopeTopic outOfScopeTopic(Path file, MarkdownFile.Heading heading) {
        List<String> phrasings = new ArrayList<>();
        Map<String, List<String>> translated = new java.util.TreeMap<>();
        List<String> about = new ArrayList<>();
        for (MarkdownFile.Line line : heading.body()) {
            String text = line.text().strip();
            java.util.regex.Matcher other = TRANSLATED_PHRASING.matcher(text);
            if (text.startsWith(ABOUT)) {
                for (String article : text.substring(ABOUT.length()).split(",")) {
                    if (!article.isBlank()) {
                        about.add(article.strip());
                    }
                }
                if (about.isEmpty()) {
                    throw KnowledgeBaseFormatException.at(
                            file, line.number(), "'about:' names no article (article ids, separated by commas)");
                }
            } else if (other.matches()) {
                translated
                        .computeIfAbsent(other.group(1), l -> new ArrayList<>())
                        .add(other.group(2).strip());
            } else if (text.startsWith("?") && !text.substring(1).isBlank()) {
                phrasings.add(text.substring(1).strip());
            } else if (!text.isEmpty()) {
                throw KnowledgeBaseFormatException.at(
                        file,
                        line.number(),
                        "expected a '? question' or 'about: article-id' line: out-of-scope topics have no answer");
            }
        }
        if (phrasings.isEmpty()) {
            throw KnowledgeBaseFormatException.at(
                    file, heading.line(), "the topic '" + heading.title() + "' has no '? question' lines");
        }
        String id = heading.anchor() != null ? heading.anchor() : Slugs.of(heading.title());
        return new OutOfScopeTopic(id, heading.title(), phrasings, translated, about);
    }

    private static Faq.Origin origin(Path file, MarkdownFile.Line line, String value) {
        try {
            return Faq.Origin.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw KnowledgeBaseFormatException.at(
                    file, line.number(), "origin must be 'article' or 'curated', not '" + value + "'");
        }
    }

    private static List<String> synonyms(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            List<String> rules = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (!line.contains(",") && !line.contains("=>")) {
                    throw KnowledgeBaseFormatException.at(
                            file, i + 1, "a synonym rule needs at least two terms separated by commas");
                }
                rules.add(line);
            }
            return rules;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
