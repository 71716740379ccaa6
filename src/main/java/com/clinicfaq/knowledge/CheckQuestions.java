package com.clinicfaq.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Each article's check questions, {@code checks/articles/<article-id>.csv}: what the safety net asks about the article
 * at every publish, to name the questions whose answer a change would change. The file is versioned with the article
 * (unlike the rest of {@code checks/}, which is the net's own): one line a question, {@code question,expected,origin},
 * as in {@code knowledge-base/README.md}. The importer proposes them from the article's FAQs and headings
 * ({@link #propose}); editors change them in the console, and a visitor's question an editor fixes is added.
 */
public final class CheckQuestions {

    /** Where the files are, relative to the knowledge-base folder. */
    public static final String FOLDER = "checks/articles";

    public static final String HEADER = "question,expected,origin";

    /** Headings of an article's frame rather than of its content: no question asks for them. */
    private static final Pattern FRAME_HEADING =
            Pattern.compile("(?i)(?:quick insights|key takeaways|why it matters|introduction"
                    + "|conclusions?|summary|overview|(?:the )?bottom line|final thoughts|in closing|a patient['’]s perspective"
                    + "|patient (?:perspectives?|stories|testimonials?)|testimonials?|disclaimer|references|sources"
                    + "|serving .+)"); // "Serving Napa and Surrounding Communities": where the practice is, which its
    // FAQs ask

    private static final Pattern QUESTION_WORD = Pattern.compile(
            "(?i)(?:what|how|why|when|where|who|which|is|are|can|could|do" + "|does|did|should|will|would)\\b.*");
    private static final Pattern CAPITALISED = Pattern.compile("\\p{Lu}[\\p{Ll}'’-]+");

    private CheckQuestions() {}

    /** The file of an article's check questions, relative to the knowledge-base folder. */
    public static String path(String articleId) {
        return FOLDER + "/" + articleId + ".csv";
    }

    public static Path file(Path folder, String articleId) {
        return folder.resolve(path(articleId));
    }

    /**
     * The check questions of the folder's articles, by article id (an article without a file has none).
     *
     * @throws KnowledgeBaseFormatException naming the file and line of what does not read: a line that is not
     *     {@value #HEADER}, an empty question or answer, a question asked twice, an unknown origin, a file of no article
     */
    public static Map<String, List<CheckQuestion>> read(Path folder, KnowledgeBase knowledge) {
        Path directory = folder.resolve(FOLDER);
        Map<String, List<CheckQuestion>> checks = new LinkedHashMap<>();
        if (!Files.isDirectory(directory)) {
            return checks;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(directory)) {
            files = list.filter(f -> f.getFileName().toString().endsWith(".csv"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            String articleId = name.substring(0, name.length() - ".csv".length());
            if (knowledge.article(articleId).isEmpty()) {
                throw KnowledgeBaseFormatException.at(
                        file, 0, "no article has the id '" + articleId + "' (the file name)");
            }
            checks.put(articleId, read(file, text(file)));
        }
        return checks;
    }

    /** The check questions of one file's text; {@code file} names it in error messages. */
    public static List<CheckQuestion> read(Path file, String text) {
        String[] lines = text.replaceFirst("^\uFEFF", "").replace("\r\n", "\n").split("\n", -1);
        if (!lines[0].strip().equals(HEADER)) {
            throw KnowledgeBaseFormatException.at(file, 1, "the first line must be '" + HEADER + "'");
        }
        List<CheckQuestion> questions = new ArrayList<>();
        Map<String, Integer> asked = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            int line = i + 1;
            List<String> fields = fields(file, line, lines[i]);
            if (fields.size() < 2 || fields.size() > 3) {
                throw KnowledgeBaseFormatException.at(
                        file, line, "expected " + HEADER + " (" + fields.size() + " fields)");
            }
            String question = fields.get(0).strip().replaceAll("\\s+", " ");
            if (question.isEmpty()) {
                throw KnowledgeBaseFormatException.at(file, line, "the question is empty");
            }
            Integer earlier = asked.putIfAbsent(Folding.words(question), line);
            if (earlier != null) {
                throw KnowledgeBaseFormatException.at(
                        file, line, "the question '" + question + "' is already asked on line " + earlier);
            }
            questions.add(new CheckQuestion(
                    question,
                    expected(file, line, fields.get(1)),
                    origin(file, line, fields.size() == 3 ? fields.get(2).strip() : "")));
        }
        return List.copyOf(questions);
    }

    /** The file's text for these questions, in their order. */
    public static String text(List<CheckQuestion> questions) {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (CheckQuestion q : questions) {
            text.append(field(q.question()))
                    .append(',')
                    .append(field(String.join("|", q.expected())))
                    .append(',')
                    .append(q.origin().word())
                    .append('\n');
        }
        return text.toString();
    }

    /**
     * What the importer proposes for an article: each FAQ's question, answered by that FAQ, and each heading of its
     * content as a visitor would ask for it ("What Is RFA" becomes "What is RFA?", "Risks and Safety Considerations"
     * "Risks and safety considerations"), answered from that section. Headings of the article's frame (introduction,
     * conclusion, testimonials, where the practice is) and those an FAQ already asks are left out.
     */
    public static List<CheckQuestion> propose(Article article, List<Faq> faqs) {
        List<CheckQuestion> proposed = new ArrayList<>();
        Set<String> asked = new HashSet<>();
        for (Faq faq : faqs) {
            if (faq.articleId().equals(article.id()) && asked.add(Folding.words(faq.question()))) {
                proposed.add(new CheckQuestion(faq.question(), List.of(faq.id()), CheckQuestion.Origin.IMPORT));
            }
        }
        Set<String> names = names(article);
        for (Section section : article.sections()) {
            asQuestion(section, names)
                    .filter(question -> asked.add(Folding.words(question)))
                    .ifPresent(question -> proposed.add(new CheckQuestion(
                            question, List.of(CheckQuestion.section(section.anchor())), CheckQuestion.Origin.IMPORT)));
        }
        return List.copyOf(proposed);
    }

    /**
     * A section's heading as a visitor would ask for what it says: a question heading as a question ("Who is a good
     * candidate for RFA?"), a subject as the words a visitor types for it ("Risks and side effects"); none for a
     * heading of the article's frame.
     */
    static Optional<String> asQuestion(Section section, Set<String> names) {
        String heading = section.title().strip().replaceAll("\\s+", " ").replaceFirst("[:.]$", "");
        boolean onlyQuotations = section.blocks().stream().allMatch(b -> b.kind() == Block.Kind.QUOTE);
        if (heading.isEmpty()
                || onlyQuotations
                || FRAME_HEADING.matcher(heading).matches()) {
            return Optional.empty();
        }
        if (heading.matches(".*[?？]")) {
            return Optional.of(sentenceCase(heading, names));
        }
        if (QUESTION_WORD.matcher(heading).matches()) {
            return Optional.of(sentenceCase(heading, names) + "?");
        }
        // the words a visitor types for a subject: wrapped in a question ("What should I know about ...?") the
        // engine answered 4 of the samples' 12 subject headings from their own section, as typed 9
        return Optional.of(sentenceCase(heading, names));
    }

    /**
     * A heading in Title Case as a sentence: its capitalised words lowered ("Risks", "Ablation", "Does"), but for the
     * names the article writes with a capital ("Napa", "Weisbein") and words in capitals ("SI").
     */
    private static String sentenceCase(String heading, Set<String> names) {
        String[] words = heading.split(" ");
        for (int i = 1; i < words.length; i++) {
            String bare = words[i].replaceAll("[^\\p{L}'’-]", "");
            if (CAPITALISED.matcher(bare).matches() && !names.contains(bare)) {
                words[i] = words[i].toLowerCase(Locale.ROOT);
            }
        }
        return String.join(" ", words);
    }

    /**
     * The words the article's text writes capitalised within a sentence and never in lower case: names ("Napa",
     * "Weisbein", "Medicare").
     */
    private static Set<String> names(Article article) {
        Set<String> capitalised = new HashSet<>();
        Set<String> lowerCase = new HashSet<>();
        article.sections()
                .forEach(s -> s.blocks().forEach(b -> {
                    String[] words = b.text().split("\\s+");
                    for (int i = 0; i < words.length; i++) {
                        String bare = words[i].replaceAll("[^\\p{L}'’-]", "");
                        if (bare.isEmpty()) {
                            continue;
                        }
                        boolean startsSentence = i == 0 || words[i - 1].matches(".*[.!?:;\"“”]$");
                        if (bare.equals(bare.toLowerCase(Locale.ROOT))) {
                            lowerCase.add(bare.toLowerCase(Locale.ROOT));
                        } else if (!startsSentence && CAPITALISED.matcher(bare).matches()) {
                            capitalised.add(bare);
                        }
                    }
                }));
        capitalised.removeIf(word -> lowerCase.contains(word.toLowerCase(Locale.ROOT)));
        return capitalised;
    }

    private static List<String> expected(Path file, int line, String field) {
        List<String> expected = Arrays.stream(field.split("\\|"))
                .map(String::strip)
                .filter(e -> !e.isEmpty())
                .toList();
        if (expected.isEmpty()) {
            throw KnowledgeBaseFormatException.at(
                    file,
                    line,
                    "say what a right answer is: an FAQ's id, a section as" + " #anchor, or " + CheckQuestion.DECLINED);
        }
        for (String e : expected) {
            if (e.equals(CheckQuestion.DECLINED) && expected.size() > 1) {
                throw KnowledgeBaseFormatException.at(
                        file, line, "'" + CheckQuestion.DECLINED + "' cannot be one answer among others");
            }
            if (e.equals("#") || e.chars().anyMatch(Character::isWhitespace)) {
                throw KnowledgeBaseFormatException.at(
                        file, line, "'" + e + "' is not an FAQ's id nor a section as #anchor");
            }
        }
        return expected;
    }

    private static CheckQuestion.Origin origin(Path file, int line, String word) {
        if (word.isEmpty()) {
            return CheckQuestion.Origin.EDITOR;
        }
        for (CheckQuestion.Origin origin : CheckQuestion.Origin.values()) {
            if (origin.word().equals(word)) {
                return origin;
            }
        }
        throw KnowledgeBaseFormatException.at(
                file, line, "the origin must be import, editor or visitor, not '" + word + "'");
    }

    /** One RFC 4180 record on one line ({@link CsvRecords#strictFields}), refused with its file and line when malformed. */
    private static List<String> fields(Path file, int line, String text) {
        try {
            return CsvRecords.strictFields(text);
        } catch (IllegalArgumentException e) {
            throw KnowledgeBaseFormatException.at(file, line, e.getMessage());
        }
    }

    private static String field(String value) {
        return value.contains(",") || value.contains("\"") || value.startsWith(" ") || value.endsWith(" ")
                ? "\"" + value.replace("\"", "\"\"") + "\""
                : value;
    }

    private static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw KnowledgeBaseFormatException.at(file, 0, "not UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
