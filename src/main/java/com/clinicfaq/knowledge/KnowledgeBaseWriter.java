package com.clinicfaq.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Represent;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Writes an article and its FAQs as {@code articles/<id>.md} and {@code faqs/<id>.md} in the format of
 * {@code knowledge-base/README.md}. Before writing, it reads its own output back and refuses text that would
 * not read back unchanged (a paragraph starting with "- ", say), so what is written is what the bot will say.
 */
public final class KnowledgeBaseWriter {

    /** Line width of paragraphs and front matter, so that a reviewer reads the files without scrolling. */
    static final int WIDTH = 100;

    /** The files written for one article. */
    public record Written(Path article, Path faqs) {}

    public static Path articleFile(Path folder, String id) {
        return folder.resolve(KnowledgeBaseReader.ARTICLES).resolve(id + ".md");
    }

    public static Path faqFile(Path folder, String id) {
        return folder.resolve(KnowledgeBaseReader.FAQS).resolve(id + ".md");
    }

    /**
     * @param replace whether existing files of the article may be replaced; if not, an existing file is an
     *     {@link IllegalStateException} and nothing is written
     */
    public Written write(Path folder, Article article, List<Faq> faqs, boolean replace) {
        Written written = new Written(articleFile(folder, article.id()), faqFile(folder, article.id()));
        String articleText = articleText(article);
        String faqText = faqText(article.id(), faqs);
        checkReadsBack(written, article, articleText, faqs, faqText);
        for (Path file : List.of(written.article(), written.faqs())) {
            if (!replace && Files.exists(file)) {
                throw new IllegalStateException(file + " already exists");
            }
        }
        try {
            Files.createDirectories(written.article().getParent());
            Files.createDirectories(written.faqs().getParent());
            Files.writeString(written.article(), articleText, StandardCharsets.UTF_8);
            Files.writeString(written.faqs(), faqText, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return written;
    }

    /**
     * Writes an article's check questions as {@code checks/articles/<id>.csv}.
     *
     * @param replace whether an existing file may be replaced; if not, it is an {@link IllegalStateException}
     */
    public Path writeChecks(Path folder, String articleId, List<CheckQuestion> checks, boolean replace) {
        Path file = CheckQuestions.file(folder, articleId);
        if (!replace && Files.exists(file)) {
            throw new IllegalStateException(file + " already exists");
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, CheckQuestions.text(checks), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    public String articleText(Article article) {
        Map<String, Object> front = new LinkedHashMap<>();
        front.put("id", article.id());
        front.put("title", article.title());
        putIfPresent(front, "subtitle", article.subtitle());
        putIfPresent(front, "names", String.join(", ", article.names()));
        front.put("author", article.author());
        putIfPresent(front, "credentials", article.credentials());
        putIfPresent(front, "practice", article.practice());
        putIfPresent(front, "location", article.location());
        front.put("source", article.source());
        front.put("reviewed", article.reviewed());
        front.put("disclaimer", article.disclaimer());
        StringBuilder text = new StringBuilder(frontMatter(front));
        for (Section section : article.sections()) {
            text.append("\n## ")
                    .append(heading(section.title(), section.anchor()))
                    .append("\n\n");
            Block.Kind previous = null;
            for (Block block : section.blocks()) {
                // List items follow each other line by line and stay on one line each, as one point a line reads
                // best in review; anything else needs a blank line to stay apart.
                if (previous != null && !(previous == Block.Kind.BULLET && block.kind() == Block.Kind.BULLET)) {
                    text.append('\n');
                }
                text.append(
                                switch (block.kind()) {
                                    case PARAGRAPH -> wrap(block.text(), "", "");
                                    case BULLET -> "- " + block.text();
                                    case QUOTE -> wrap(block.text(), "> ", "> ");
                                })
                        .append('\n');
                previous = block.kind();
            }
        }
        return text.toString();
    }

    public String faqText(String articleId, List<Faq> faqs) {
        StringBuilder text = new StringBuilder(frontMatter(Map.of("article", articleId)));
        for (Faq faq : faqs) {
            if (!faq.articleId().equals(articleId)) {
                throw new IllegalArgumentException(
                        "the FAQ '" + faq.id() + "' belongs to article '" + faq.articleId() + "'");
            }
            text.append("\n## ").append(heading(faq.question(), faq.id())).append('\n');
            text.append("section: ").append(faq.sectionAnchor()).append('\n');
            if (faq.origin() == Faq.Origin.ARTICLE) {
                text.append("origin: article\n");
            }
            faq.phrasings().forEach(p -> text.append("? ").append(p).append('\n'));
            for (String paragraph : faq.answer().split("\n\n")) {
                text.append('\n').append(wrap(paragraph, "", "")).append('\n');
            }
        }
        return text.toString();
    }

    /**
     * Breaks text at single spaces into lines of at most {@link #WIDTH} characters (a longer word gets a line of
     * its own). A word that would start a list item, a quotation or a heading when read back stays on the line
     * of the word before it.
     */
    static String wrap(String text, String firstPrefix, String nextPrefix) {
        String[] words = text.split(" ", -1);
        List<String> units = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            boolean mayStartLine =
                    i > 0 && !words[i].isEmpty() && !words[i - 1].isEmpty() && "-*>#".indexOf(words[i].charAt(0)) < 0;
            if (i == 0 || mayStartLine) {
                units.add(words[i]);
            } else {
                units.set(units.size() - 1, units.getLast() + " " + words[i]);
            }
        }
        StringBuilder wrapped = new StringBuilder(firstPrefix).append(units.getFirst());
        int length = wrapped.length();
        for (String unit : units.subList(1, units.size())) {
            if (length + 1 + unit.length() > WIDTH) {
                wrapped.append('\n').append(nextPrefix);
                length = nextPrefix.length();
            } else {
                wrapped.append(' ');
                length++;
            }
            wrapped.append(unit);
            length += unit.length();
        }
        return wrapped.toString();
    }

    private static String heading(String title, String anchor) {
        return anchor.equals(Slugs.of(title)) ? title : title + " {#" + anchor + "}";
    }

    private static void putIfPresent(Map<String, Object> front, String key, String value) {
        if (value != null && !value.isBlank()) {
            front.put(key, value);
        }
    }

    private static String frontMatter(Map<String, Object> values) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setAllowUnicode(true);
        // SnakeYAML lets a line run past its width by up to a word; this keeps lines within WIDTH.
        options.setWidth(WIDTH - 11);
        options.setLineBreak(DumperOptions.LineBreak.UNIX);
        return "---\n" + new Yaml(new FrontMatterRepresenter(options), options).dump(values) + "---\n";
    }

    /** Long text folded over several lines ({@code >-}) and dates as plain dates, as people write them. */
    private static final class FrontMatterRepresenter extends Representer {

        FrontMatterRepresenter(DumperOptions options) {
            super(options);
            Represent plain = representers.get(String.class);
            // SnakeYAML falls back to a quoted style by itself when the text cannot be folded safely.
            representers.put(
                    String.class,
                    data -> data.toString().length() > options.getWidth()
                            ? representScalar(Tag.STR, data.toString(), DumperOptions.ScalarStyle.FOLDED)
                            : plain.representData(data));
            representers.put(LocalDate.class, data -> representScalar(Tag.TIMESTAMP, data.toString()));
        }
    }

    private static void checkReadsBack(
            Written files, Article article, String articleText, List<Faq> faqs, String faqText) {
        Article read = KnowledgeBaseReader.article(files.article(), MarkdownFile.parse(files.article(), articleText));
        if (!read.equals(article)) {
            throw new IllegalArgumentException(
                    "the article '" + article.id() + "' would not read back unchanged: " + difference(article, read));
        }
        List<Faq> readFaqs =
                KnowledgeBaseReader.faqs(
                                files.faqs(), MarkdownFile.parse(files.faqs(), faqText), Map.of(article.id(), article))
                        .stream()
                        .map(KnowledgeBaseReader.NumberedFaq::faq)
                        .toList();
        for (int i = 0; i < faqs.size(); i++) {
            if (i >= readFaqs.size() || !readFaqs.get(i).equals(faqs.get(i))) {
                throw new IllegalArgumentException("the FAQ '" + faqs.get(i).id() + "' would not read back unchanged: "
                        + (i < readFaqs.size() ? readFaqs.get(i) : "it is missing"));
            }
        }
    }

    private static String difference(Article written, Article read) {
        for (int s = 0; s < Math.min(written.sections().size(), read.sections().size()); s++) {
            Section expected = written.sections().get(s);
            Section actual = read.sections().get(s);
            for (int b = 0;
                    b < Math.min(expected.blocks().size(), actual.blocks().size());
                    b++) {
                if (!expected.blocks().get(b).equals(actual.blocks().get(b))) {
                    return "in section '" + expected.title() + "', "
                            + expected.blocks().get(b) + " reads back as "
                            + actual.blocks().get(b);
                }
            }
            if (!expected.equals(actual)) {
                return "section " + expected + " reads back as " + actual;
            }
        }
        return "it reads back as " + read;
    }
}
