package com.clinicfaq.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KnowledgeBaseWriterTests {

    static final LocalDate REVIEWED = LocalDate.of(2026, 11, 27);

    final KnowledgeBaseWriter writer = new KnowledgeBaseWriter();

    @TempDir
    Path folder;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "src/test/resources/import/kyphoplasty-compression-fractures.txt",
                "src/test/resources/import/radiofrequency-ablation-sample.txt"
            })
    void writesAnImportedArticleSoThatTheReaderReadsItBackEqual(String source) {
        ImportedArticle imported =
                new PlainTextArticleImporter().importFile(Path.of(source), PlainTextArticleImporterTests.OPTIONS);

        writer.write(folder, imported.article(), imported.faqs(), false);
        KnowledgeBase read = new KnowledgeBaseReader().read(folder);

        assertThat(read.articles()).containsExactly(imported.article());
        assertThat(read.faqs()).containsExactlyElementsOf(imported.faqs());
    }

    @Test
    void writesTheFormatOfTheReadme() throws IOException {
        KnowledgeBaseWriter.Written written = writer.write(folder, walking(), List.of(distance()), false);

        assertThat(written.article()).isEqualTo(folder.resolve("articles/walking.md"));
        assertThat(Files.readString(written.article())).isEqualTo("""
                ---
                id: walking
                title: Walking After Surgery
                author: A. Author
                source: test
                reviewed: 2026-11-27
                disclaimer: For education only.
                ---

                ## Why Walk

                Walking helps.

                - Start slowly.
                - Go further each day.

                > It helped me.

                ## Conclusion {#end}

                Keep walking.
                """);
        assertThat(Files.readString(written.faqs())).isEqualTo("""
                ---
                article: walking
                ---

                ## How far should I walk? {#distance}
                section: why-walk
                ? how many steps
                ? what distance

                Go further each day.

                Start slowly.
                """);
    }

    @Test
    void keepsValuesWithSpecialCharactersAsTheyAre() {
        Article article = new Article(
                "null",
                "Kyphoplasty: What's New? #1",
                "- not a list",
                "O'Brien, \"Doc\"",
                "@handle & co",
                "*Starred* Clinic",
                "[Napa]",
                "key: value # not a comment",
                REVIEWED,
                "> This is not advice:\n\nsee your physician. 'Really'.",
                walking().sections());
        Faq faq = new Faq("q", "null", "Yes?", List.of("no"), "One.\n\nTwo: three", "why-walk", Faq.Origin.ARTICLE);

        writer.write(folder, article, List.of(faq), false);
        KnowledgeBase read = new KnowledgeBaseReader().read(folder);

        assertThat(read.articles()).containsExactly(article);
        assertThat(read.faqs()).containsExactly(faq);
    }

    @Test
    void wrapsLongTextWithoutBreakingBeforeWhatWouldReadAsMarkup() throws IOException {
        String markupLike = "a - b > c # d * e ? f ".repeat(30).strip();
        String longWord = "https://example.org/" + "x".repeat(120);
        Article article = withBlocks(
                new Block(Block.Kind.PARAGRAPH, markupLike),
                new Block(Block.Kind.QUOTE, markupLike + " " + longWord + " end."));
        Faq faq = new Faq(
                "q", "walking", "Why?", List.of(), markupLike + "\n\n" + markupLike, "why-walk", Faq.Origin.CURATED);

        KnowledgeBaseWriter.Written written = writer.write(folder, article, List.of(faq), false);
        KnowledgeBase read = new KnowledgeBaseReader().read(folder);

        assertThat(read.articles()).containsExactly(article);
        assertThat(read.faqs()).containsExactly(faq);
        assertThat(Files.readAllLines(written.article()))
                .filteredOn(line -> !line.contains(longWord))
                .allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(KnowledgeBaseWriter.WIDTH));
        assertThat(Files.readAllLines(written.article())).contains("> " + longWord);
    }

    @Test
    void refusesTextThatWouldNotReadBackUnchanged() {
        Article article = withBlocks(new Block(Block.Kind.PARAGRAPH, "- looks like a list item"));

        assertThatThrownBy(() -> writer.write(folder, article, List.of(), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("would not read back unchanged")
                .hasMessageContaining("- looks like a list item");
        assertThat(folder.resolve("articles")).doesNotExist();
    }

    @Test
    void refusesToReplaceAnExistingArticleUnlessAsked() throws IOException {
        writer.write(folder, walking(), List.of(), false);
        Path file = folder.resolve("articles/walking.md");
        Files.writeString(file, "edited by hand");

        assertThatThrownBy(() -> writer.write(folder, walking(), List.of(), false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("walking.md already exists");
        assertThat(file).hasContent("edited by hand");

        writer.write(folder, walking(), List.of(), true);
        assertThat(Files.readString(file)).startsWith("---\nid: walking\n");
    }

    static Article walking() {
        return new Article(
                "walking",
                "Walking After Surgery",
                "",
                "A. Author",
                "",
                "",
                "",
                "test",
                REVIEWED,
                "For education only.",
                List.of(
                        new Section(
                                "why-walk",
                                "Why Walk",
                                List.of(
                                        new Block(Block.Kind.PARAGRAPH, "Walking helps."),
                                        new Block(Block.Kind.BULLET, "Start slowly."),
                                        new Block(Block.Kind.BULLET, "Go further each day."),
                                        new Block(Block.Kind.QUOTE, "It helped me."))),
                        new Section("end", "Conclusion", List.of(new Block(Block.Kind.PARAGRAPH, "Keep walking.")))));
    }

    static Faq distance() {
        return new Faq(
                "distance",
                "walking",
                "How far should I walk?",
                List.of("how many steps", "what distance"),
                "Go further each day.\n\nStart slowly.",
                "why-walk",
                Faq.Origin.CURATED);
    }

    private static Article withBlocks(Block... blocks) {
        Article a = walking();
        return new Article(
                a.id(),
                a.title(),
                a.subtitle(),
                a.author(),
                a.credentials(),
                a.practice(),
                a.location(),
                a.source(),
                a.reviewed(),
                a.disclaimer(),
                List.of(new Section("why-walk", "Why Walk", List.of(blocks))));
    }
}
