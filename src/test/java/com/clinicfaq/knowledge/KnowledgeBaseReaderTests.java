package com.clinicfaq.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeBaseReaderTests {

    private static final Path KNOWLEDGE_BASE = Path.of("knowledge-base");

    private final KnowledgeBaseReader reader = new KnowledgeBaseReader();

    @Test
    void readsTheKyphoplastyArticleWithItsFourPublishedFaqs() {
        KnowledgeBase knowledge = reader.read(KNOWLEDGE_BASE);

        Article article = knowledge.article("kyphoplasty-compression-fractures").orElseThrow();
        assertThat(article.author()).isEqualTo("Jacqueline Weisbein, D.O.");
        assertThat(article.practice()).isEqualTo("Napa Valley Orthopaedic Medical Group");
        assertThat(article.disclaimer()).startsWith("This article is for educational purposes only");
        assertThat(article.sections())
                .extracting(Section::title)
                .startsWith("Quick Insights", "Key Takeaways", "Why It Matters");
        assertThat(knowledge.faqs())
                .filteredOn(faq -> faq.origin() == Faq.Origin.ARTICLE)
                .extracting(Faq::question)
                .containsExactly(
                        "How quickly does kyphoplasty reduce compression fracture pain?",
                        "What makes kyphoplasty different from vertebroplasty?",
                        "Can kyphoplasty prevent future compression fractures?",
                        "Where can I find kyphoplasty in Napa?");
    }

    @Test
    void everyFaqAnswerIsWordForWordFromTheSourceArticle() throws IOException {
        KnowledgeBase knowledge = reader.read(KNOWLEDGE_BASE);
        String source =
                collapse(Files.readString(Path.of("src/test/resources/import/kyphoplasty-compression-fractures.txt")));

        assertThat(knowledge.faqs()).isNotEmpty().allSatisfy(faq -> {
            for (String paragraph : faq.answer().split("\n\n")) {
                for (String sentence : paragraph.split("(?<=[.!?])\\s+(?=[A-Z])")) {
                    assertThat(source).as("FAQ %s", faq.id()).contains(collapse(sentence));
                }
            }
        });
    }

    @Test
    void rejectsAFaqThatCitesASectionTheArticleDoesNotHave(@TempDir Path folder) throws IOException {
        copyArticle(folder);
        writeFaqs(folder, """
                ---
                article: kyphoplasty-compression-fractures
                ---

                ## How long does it take?
                section: no-such-section

                The entire procedure typically takes 45 to 60 minutes.
                """);

        assertThatThrownBy(() -> reader.read(folder))
                .isInstanceOf(KnowledgeBaseFormatException.class)
                .hasMessageContaining("kyphoplasty-compression-fractures.md:5")
                .hasMessageContaining("unknown section 'no-such-section'");
    }

    @Test
    void rejectsAFaqWithoutAnAnswer(@TempDir Path folder) throws IOException {
        copyArticle(folder);
        writeFaqs(folder, """
                ---
                article: kyphoplasty-compression-fractures
                ---

                ## How long does it take?
                section: quick-insights
                ? how many minutes
                """);

        assertThatThrownBy(() -> reader.read(folder))
                .hasMessageContaining("kyphoplasty-compression-fractures.md:5")
                .hasMessageContaining("has no answer");
    }

    @Test
    void rejectsTheSameQuestionInTwoFaqs(@TempDir Path folder) throws IOException {
        copyArticle(folder);
        writeFaqs(folder, """
                ---
                article: kyphoplasty-compression-fractures
                ---

                ## How long does it take?
                section: quick-insights

                The entire procedure typically takes 45 to 60 minutes.

                ## When do I go home?
                section: quick-insights
                ? How long does it take

                Most patients go home the same day.
                """);

        assertThatThrownBy(() -> reader.read(folder))
                .hasMessageContaining("kyphoplasty-compression-fractures.md:10")
                .hasMessageContaining("already asked by FAQ 'how-long-does-it-take'");
    }

    @Test
    void namesTheLineOfBrokenFrontMatter(@TempDir Path folder) throws IOException {
        Files.createDirectories(folder.resolve("articles"));
        Files.writeString(folder.resolve("articles/broken.md"), """
                ---
                id: broken
                title: [unclosed
                ---

                ## Section

                Text.
                """);

        assertThatThrownBy(() -> reader.read(folder))
                .isInstanceOf(KnowledgeBaseFormatException.class)
                .hasMessageContaining("broken.md:")
                .hasMessageContaining("front matter is not valid YAML");
    }

    @Test
    void rejectsAnOutOfScopeTopicWithAnAnswer(@TempDir Path folder) throws IOException {
        copyArticle(folder);
        Files.writeString(folder.resolve("out-of-scope.md"), """
                ## Cost {#cost}
                ? how much does it cost
                It costs a lot.
                """);

        assertThatThrownBy(() -> reader.read(folder))
                .hasMessageContaining("out-of-scope.md:3")
                .hasMessageContaining("out-of-scope topics have no answer");
    }

    @Test
    void readsTheArticlesAnOutOfScopeTopicWasWrittenAboutAndRefusesAnEmptyList(@TempDir Path folder)
            throws IOException {
        copyArticle(folder);
        Files.writeString(folder.resolve("out-of-scope.md"), """
                ## Allergy to the cement {#cement-allergy}
                about: kyphoplasty-compression-fractures, vertebroplasty
                ? can i be allergic to the cement

                ## Cost {#cost}
                ? how much does it cost
                """);

        KnowledgeBase knowledge = reader.read(folder);
        OutOfScopeTopic cement = knowledge.outOfScope().getFirst();
        assertThat(cement.about()).containsExactly("kyphoplasty-compression-fractures", "vertebroplasty");
        assertThat(cement.phrasings()).containsExactly("can i be allergic to the cement");
        assertThat(cement.appliesTo("kyphoplasty-compression-fractures")).isTrue();
        assertThat(cement.appliesTo("radiofrequency-ablation")).isFalse();
        // the whole practice's topics decline every article's questions
        assertThat(knowledge.outOfScope().get(1).appliesTo("radiofrequency-ablation"))
                .isTrue();

        Files.writeString(folder.resolve("out-of-scope.md"), """
                ## Cost {#cost}
                ? how much does it cost
                about:
                """);
        assertThatThrownBy(() -> reader.read(folder))
                .hasMessageContaining("out-of-scope.md:3")
                .hasMessageContaining("'about:' names no article");
    }

    @Test
    void readsTheShippedSpanishTranslationLinkedToItsArticleAndNotYetReviewed() {
        KnowledgeBase knowledge = reader.read(KNOWLEDGE_BASE);
        Translation spanish = knowledge.translations().stream()
                .filter(t -> t.articleId().equals("kyphoplasty-compression-fractures")
                        && t.language().equals("es"))
                .findFirst()
                .orElseThrow();
        Article article = knowledge.article(spanish.articleId()).orElseThrow();
        // every section and every FAQ of the article, by its English anchor and id
        assertThat(spanish.sections())
                .extracting(Section::anchor)
                .containsExactlyElementsOf(
                        article.sections().stream().map(Section::anchor).toList());
        assertThat(spanish.faqs())
                .extracting(Translation.TranslatedFaq::faqId)
                .containsExactlyElementsOf(
                        knowledge.faqs().stream().map(Faq::id).toList());
        assertThat(spanish.faqs()).allSatisfy(faq -> assertThat(faq.phrasings()).isNotEmpty());
        // staff have not reviewed it: it is not served
        assertThat(spanish.isReviewed()).isFalse();
        assertThat(knowledge.reviewedTranslations("es")).isEmpty();
    }

    @Test
    void keepsTheSpanishWaysOfAskingAnOutOfScopeTopicApartFromTheEnglish() {
        KnowledgeBase knowledge = reader.read(KNOWLEDGE_BASE);
        OutOfScopeTopic cost = knowledge.outOfScope().stream()
                .filter(t -> t.id().equals("cost"))
                .findFirst()
                .orElseThrow();
        assertThat(cost.phrasings()).contains("how much does kyphoplasty cost").noneMatch(p -> p.contains("cuesta"));
        assertThat(cost.translatedPhrasings().get("es")).contains("¿cuánto cuesta la cifoplastia?");
    }

    @Test
    void leavesOutOfATranslationWhatTheEnglishArticleNoLongerHasSoThatDeletingItThereIsNotRefused(@TempDir Path folder)
            throws IOException {
        copyArticle(folder);
        writeTranslation(
                folder,
                "kyphoplasty-compression-fractures.es.md",
                spanish("2026-12-05", """
                ## Información rápida {#quick-insights}

                La cifoplastia es un procedimiento.

                ## Recuperación {#a-section-deleted-since}""").replace("Texto.", "Texto de una sección borrada."));

        Translation spanish = reader.read(folder).translations().getFirst();

        assertThat(spanish.sections()).extracting(Section::anchor).containsExactly("quick-insights");
    }

    @Test
    void rejectsATranslationWhoseFileNameDoesNotSayItsArticleAndLanguage(@TempDir Path folder) throws IOException {
        copyArticle(folder);
        writeTranslation(folder, "cifoplastia.md", spanish("", "## Información rápida {#quick-insights}"));

        assertThatThrownBy(() -> reader.read(folder))
                .isInstanceOf(KnowledgeBaseFormatException.class)
                .hasMessageContaining("must be in the file kyphoplasty-compression-fractures.es.md");
    }

    @Test
    void rejectsATranslatedHeadingWithoutTheAnchorItTranslates(@TempDir Path folder) throws IOException {
        copyArticle(folder);
        writeTranslation(folder, "kyphoplasty-compression-fractures.es.md", spanish("", "## Información rápida"));

        assertThatThrownBy(() -> reader.read(folder))
                .isInstanceOf(KnowledgeBaseFormatException.class)
                .hasMessageContaining("kyphoplasty-compression-fractures.es.md:8")
                .hasMessageContaining("needs the {#anchor} of the English section");
    }

    @Test
    void readsATranslationsSynonymGroupsAndRefusesAGroupOfOneWordAtItsLine(@TempDir Path folder) throws IOException {
        copyArticle(folder);
        String translation = spanish("", "## Información rápida {#quick-insights}");
        writeTranslation(
                folder,
                "kyphoplasty-compression-fractures.es.md",
                translation.replace(
                        "title: Cifoplastia\n",
                        "title: Cifoplastia\nsynonyms: fiebre, calentura; herida , incisión,cortada ;\n"));
        assertThat(reader.read(folder).translations().getFirst().synonyms())
                .containsExactly(List.of("fiebre", "calentura"), List.of("herida", "incisión", "cortada"));

        writeTranslation(
                folder,
                "kyphoplasty-compression-fractures.es.md",
                translation.replace(
                        "title: Cifoplastia\n", "title: Cifoplastia\nsynonyms: fiebre, calentura; herida\n"));
        assertThatThrownBy(() -> reader.read(folder))
                .isInstanceOf(KnowledgeBaseFormatException.class)
                .hasMessageContaining("kyphoplasty-compression-fractures.es.md:5")
                .hasMessageContaining("the group 'herida' needs at least two words");
    }

    /** A Spanish translation of the kyphoplasty article with one section under the heading. */
    private static String spanish(String reviewed, String heading) {
        return """
                ---
                translation-of: kyphoplasty-compression-fractures
                language: es
                title: Cifoplastia
                reviewed: %s
                ---

                %s

                Texto.
                """.formatted(reviewed, heading);
    }

    private static void writeTranslation(Path folder, String name, String content) throws IOException {
        Files.createDirectories(folder.resolve("translations"));
        Files.writeString(folder.resolve("translations").resolve(name), content);
    }

    private static void copyArticle(Path folder) throws IOException {
        Files.createDirectories(folder.resolve("articles"));
        Files.copy(
                KNOWLEDGE_BASE.resolve("articles/kyphoplasty-compression-fractures.md"),
                folder.resolve("articles/kyphoplasty-compression-fractures.md"));
    }

    private static void writeFaqs(Path folder, String content) throws IOException {
        Files.createDirectories(folder.resolve("faqs"));
        Files.writeString(folder.resolve("faqs/kyphoplasty-compression-fractures.md"), content);
    }

    private static String collapse(String text) {
        return String.join(" ", List.of(text.strip().split("\\s+")));
    }
}
