package com.clinicfaq.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportArticleCommandTests {

    static final String SOURCE = PlainTextArticleImporterTests.ABLATION.toString();

    @TempDir
    Path folder;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void writesTheArticleItsFaqsAndItsCheckQuestionsAndSaysWhatItWrote() {
        int status = run(SOURCE, folder.toString(), "--id", "rfa", "--source", "a test", "--reviewed", "2026-11-27");

        assertThat(status).isZero();
        assertThat(folder.resolve("articles/rfa.md")).exists();
        assertThat(folder.resolve("faqs/rfa.md")).exists();
        assertThat(folder.resolve("checks/articles/rfa.csv"))
                .content()
                .startsWith(CheckQuestions.HEADER + "\n")
                .contains("Does radiofrequency ablation hurt?,does-radiofrequency-ablation-hurt,import\n");
        assertThat(text(out))
                .contains("articles/rfa.md: 6 sections, 14 blocks (6 bullets, 0 quotes)")
                .contains("faqs/rfa.md: 3 FAQs")
                .contains("checks/articles/rfa.csv: 7 check questions")
                .contains("practice: Example Valley Spine Clinic");
        KnowledgeBase read = new KnowledgeBaseReader().read(folder);
        assertThat(read.article("rfa")).hasValueSatisfying(a -> {
            assertThat(a.source()).isEqualTo("a test");
            assertThat(a.reviewed()).hasToString("2026-11-27");
        });
        assertThat(read.faqs()).hasSize(3);
    }

    @Test
    void twoArticlesAskingTheSameQuestionMakeAKnowledgeBaseThatCanBeRead() {
        Path library = com.clinicfaq.TestKnowledgeBases.copyOfShipped("clinicfaq-same-questions", false);
        assertThat(run(SOURCE, library.toString(), "--id", "ablation-neck", "--reviewed", "2026-11-27"))
                .isZero();
        assertThat(run(SOURCE, library.toString(), "--id", "ablation-back", "--reviewed", "2026-11-27"))
                .isZero();

        KnowledgeBase knowledge = new KnowledgeBaseReader().read(library);
        java.util.List<Faq> neck = knowledge.faqs().stream()
                .filter(f -> f.articleId().equals("ablation-neck"))
                .toList();
        java.util.List<Faq> back = knowledge.faqs().stream()
                .filter(f -> f.articleId().equals("ablation-back"))
                .toList();
        assertThat(back).hasSameSizeAs(neck).isNotEmpty();
        assertThat(back).allSatisfy(faq -> assertThat(faq.id()).startsWith("ablation-back-"));
        assertThat(back)
                .allSatisfy(faq -> assertThat(neck).extracting(Faq::question).doesNotContain(faq.question()));
        assertThat(back.getFirst().question())
                .startsWith(neck.getFirst().question().replaceAll("\\?$", ""))
                .endsWith(")");
    }

    @Test
    void refusesToOverwriteWithoutForce() throws IOException {
        assertThat(run(SOURCE, folder.toString(), "--id", "rfa")).isZero();
        Path faqs = folder.resolve("faqs/rfa.md");
        Files.writeString(faqs, "edited by hand");

        assertThat(run(SOURCE, folder.toString(), "--id", "rfa")).isEqualTo(1);
        assertThat(text(err))
                .contains("refusing to overwrite")
                .contains("faqs/rfa.md")
                .contains("--force");
        assertThat(faqs).hasContent("edited by hand");

        assertThat(run(SOURCE, folder.toString(), "--id", "rfa", "--force")).isZero();
        assertThat(Files.readString(faqs)).startsWith("---\narticle: rfa\n");
    }

    @Test
    void reportsAMalformedArticleWithItsFileAndLine() throws IOException {
        Path source = Files.writeString(folder.resolve("bad.txt"), "Title\n\nBy A\n\nHeading\n");

        assertThat(run(source.toString(), folder.toString())).isEqualTo(1);
        assertThat(text(err)).contains("cannot import: " + source + ":5: the heading 'Heading' has no paragraph");
        assertThat(folder.resolve("articles")).doesNotExist();
    }

    @Test
    void explainsItsUsageWhenArgumentsAreWrong() {
        assertThat(run(SOURCE)).isEqualTo(2);
        assertThat(run(SOURCE, folder.toString(), "--reviewed", "yesterday")).isEqualTo(2);
        assertThat(run(SOURCE, folder.toString(), "--id")).isEqualTo(2);
        assertThat(text(err)).contains("usage: ImportArticleCommand <source.txt> <knowledge-base-folder>");
    }

    private int run(String... args) {
        return ImportArticleCommand.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
