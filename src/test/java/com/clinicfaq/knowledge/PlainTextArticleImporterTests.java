package com.clinicfaq.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PlainTextArticleImporterTests {

    static final Path KYPHOPLASTY = Path.of("src/test/resources/import/kyphoplasty-compression-fractures.txt");
    static final Path ABLATION = Path.of("src/test/resources/import/radiofrequency-ablation-sample.txt");
    static final LocalDate REVIEWED = LocalDate.of(2026, 11, 27);
    static final PlainTextArticleImporter.Options OPTIONS =
            PlainTextArticleImporter.Options.of("the practice's patient article", REVIEWED);

    final PlainTextArticleImporter importer = new PlainTextArticleImporter();

    @TempDir
    Path temp;

    static ImportedArticle kyphoplasty() {
        return new PlainTextArticleImporter()
                .importFile(KYPHOPLASTY, OPTIONS.withId("kyphoplasty-compression-fractures"));
    }

    @Test
    void readsTheArticleHeaderAndWhatTheCallerSupplies() {
        Article article = kyphoplasty().article();

        assertThat(article.id()).isEqualTo("kyphoplasty-compression-fractures");
        assertThat(article.title()).isEqualTo("How Kyphoplasty Helps Stabilize Compression Fractures");
        assertThat(article.subtitle()).isEqualTo("Is Kyphoplasty Right for Your Compression Fracture?");
        assertThat(article.author()).isEqualTo("Jacqueline Weisbein, D.O.");
        assertThat(article.credentials())
                .isEqualTo("Double Board-Certified in Physical Medicine & Rehabilitation and Pain Medicine");
        assertThat(article.practice()).isEqualTo("Napa Valley Orthopaedic Medical Group");
        assertThat(article.location()).isEqualTo("Napa");
        assertThat(article.source()).isEqualTo("the practice's patient article");
        assertThat(article.reviewed()).isEqualTo(REVIEWED);
    }

    @Test
    void makesTheIdFromTheTitleUnlessGiven() {
        assertThat(importer.importFile(KYPHOPLASTY, OPTIONS).article().id())
                .isEqualTo("how-kyphoplasty-helps-stabilize-compression-fractures");
    }

    @Test
    void findsEverySectionInOrder() {
        assertThat(kyphoplasty().article().sections())
                .extracting(Section::title)
                .containsExactly(
                        "Quick Insights",
                        "Key Takeaways",
                        "Why It Matters",
                        "Introduction",
                        "What Is Kyphoplasty and How Does It Work in Napa?",
                        "How Kyphoplasty Helps Stabilize Compression Fractures",
                        "Benefits of Kyphoplasty for Compression Fracture Healing",
                        "What to Expect During Kyphoplasty Recovery in Napa",
                        "Is Kyphoplasty Right for Your Compression Fracture?",
                        "Serving Napa and Surrounding Communities",
                        "A Patient's Perspective",
                        "Conclusion");
        assertThat(section(kyphoplasty().article(), "Key Takeaways").anchor()).isEqualTo("key-takeaways");
    }

    @Test
    void readsTheKeyTakeawaysAsBullets() {
        assertThat(section(kyphoplasty().article(), "Key Takeaways").blocks())
                .hasSize(4)
                .allSatisfy(b -> assertThat(b.kind()).isEqualTo(Block.Kind.BULLET))
                .first()
                .extracting(Block::text)
                .isEqualTo("Kyphoplasty may reduce kyphotic wedge angle and restore vertebral height better than some "
                        + "other augmentation techniques.");
    }

    @Test
    void keepsTheTestimonialAsAQuoteFollowedByItsAttribution() {
        List<Block> blocks =
                section(kyphoplasty().article(), "A Patient's Perspective").blocks();

        assertThat(blocks)
                .extracting(Block::kind)
                .containsExactly(
                        Block.Kind.PARAGRAPH,
                        Block.Kind.QUOTE,
                        Block.Kind.PARAGRAPH,
                        Block.Kind.PARAGRAPH,
                        Block.Kind.PARAGRAPH);
        assertThat(blocks.get(1).text())
                .startsWith("\"Dr. Weisbien has always treated me like she would want her own family treated.")
                .endsWith("You set the bar high.\"");
        assertThat(blocks.get(2).text()).isEqualTo("Joy");
        assertThat(blocks.get(3).text()).isEqualTo("This is one patient's experience; individual results may vary.");
        assertThat(kyphoplasty().article().sections())
                .flatExtracting(Section::blocks)
                .filteredOn(b -> b.kind() == Block.Kind.QUOTE)
                .hasSize(1);
    }

    @Test
    void takesTheDisclaimerOutOfTheSections() {
        Article article = kyphoplasty().article();

        assertThat(article.disclaimer())
                .startsWith("This article is for educational purposes only and should not be used as a substitute")
                .endsWith("because of something you have read in this article.");
        assertThat(article.sections())
                .flatExtracting(Section::blocks)
                .extracting(Block::text)
                .noneMatch(text -> text.contains("educational purposes only"));
        assertThat(section(article, "Conclusion").blocks()).hasSize(2);
    }

    @Test
    void readsTheFourPublishedQuestionsWithTheirAnswersVerbatim() throws IOException {
        List<String> source = Files.readAllLines(KYPHOPLASTY);
        List<Faq> faqs = kyphoplasty().faqs();

        assertThat(faqs)
                .extracting(Faq::question)
                .containsExactly(
                        "How quickly does kyphoplasty reduce compression fracture pain?",
                        "What makes kyphoplasty different from vertebroplasty?",
                        "Can kyphoplasty prevent future compression fractures?",
                        "Where can I find kyphoplasty in Napa?");
        for (Faq faq : faqs) {
            String answer = source.get(source.indexOf(faq.question()) + 2);
            assertThat(faq.answer()).as(faq.question()).isEqualTo(answer);
            assertThat(faq.id()).isEqualTo(Slugs.of(faq.question()));
            assertThat(faq.articleId()).isEqualTo("kyphoplasty-compression-fractures");
            assertThat(faq.origin()).isEqualTo(Faq.Origin.ARTICLE);
            assertThat(faq.phrasings()).isEmpty();
        }
    }

    @Test
    void linksEachQuestionToTheSectionItsAnswerComesFrom() {
        Map<String, String> anchors = new java.util.HashMap<>();
        kyphoplasty().faqs().forEach(f -> anchors.put(f.question(), f.sectionAnchor()));

        assertThat(anchors.get("How quickly does kyphoplasty reduce compression fracture pain?"))
                .isEqualTo("what-to-expect-during-kyphoplasty-recovery-in-napa");
        assertThat(anchors.get("What makes kyphoplasty different from vertebroplasty?"))
                .isIn(
                        "what-is-kyphoplasty-and-how-does-it-work-in-napa",
                        "how-kyphoplasty-helps-stabilize-compression-fractures");
        assertThat(anchors.get("Can kyphoplasty prevent future compression fractures?"))
                .isEqualTo("what-to-expect-during-kyphoplasty-recovery-in-napa");
        assertThat(anchors.get("Where can I find kyphoplasty in Napa?"))
                .isIn("serving-napa-and-surrounding-communities", "conclusion", "introduction");
    }

    @Test
    void losesNoSentenceOfTheSource() throws IOException {
        ImportedArticle imported = kyphoplasty();
        Article article = imported.article();
        List<String> kept = new ArrayList<>();
        article.sections().forEach(s -> {
            kept.add(s.title());
            s.blocks().forEach(b -> kept.add(b.text()));
        });
        kept.add(article.disclaimer());
        imported.faqs().forEach(f -> {
            kept.add(f.question());
            kept.add(f.answer());
        });
        StringBuilder unclaimed = new StringBuilder(comparable(String.join(" | ", kept)));
        List<String> lines = Files.readAllLines(KYPHOPLASTY).stream()
                .filter(l -> !l.isBlank())
                .toList();
        // The title block is kept as metadata; the FAQ heading and the site navigation are not the article's text.
        Set<String> notText =
                Set.of("Frequently Asked Questions", "Next", "Comparing Cervical vs Lumbar Radiofrequency Ablation");

        // Whole source lines (so every sentence of each), each claiming its own occurrence: a short line such as
        // "Joy" must not pass for being part of a longer paragraph.
        List<String> lost = new ArrayList<>();
        for (String line : lines.subList(4, lines.size())) {
            String text = comparable(line);
            int at = unclaimed.indexOf(text);
            if (notText.contains(text)) {
                continue;
            } else if (at < 0) {
                lost.add(line);
            } else {
                unclaimed.replace(at, at + text.length(), "#");
            }
        }

        assertThat(lost).isEmpty();
        assertThat(lines.subList(0, 4))
                .containsExactly(article.title(), article.subtitle(), "By " + article.author(), article.credentials());
    }

    @Test
    void readsAnArticleOfAnotherShape() {
        ImportedArticle imported = importer.importFile(ABLATION, OPTIONS);
        Article article = imported.article();

        assertThat(article.id()).isEqualTo("radiofrequency-ablation-for-chronic-joint-pain");
        assertThat(article.subtitle()).isEmpty();
        assertThat(article.author()).isEqualTo("Jordan Example, M.D.");
        assertThat(article.credentials()).isEqualTo("Board-Certified in Anesthesiology and Pain Medicine");
        assertThat(article.practice()).isEqualTo("Example Valley Spine Clinic");
        assertThat(article.location()).isEqualTo("Exampleton");
        assertThat(article.sections())
                .extracting(Section::title)
                .containsExactly(
                        "Overview",
                        "What Is Radiofrequency Ablation?",
                        "Who May Benefit",
                        "Risks and Side Effects",
                        "Recovery Timeline",
                        "Summary");
        assertThat(section(article, "What Is Radiofrequency Ablation?").blocks())
                .containsExactly(
                        paragraph(
                                "Radiofrequency ablation is an outpatient procedure. A thin needle is guided to the nerve with "
                                        + "X-ray imaging, and a small electrode heats the nerve so that it stops sending pain signals."),
                        paragraph("The procedure usually follows these steps:"),
                        bullet("You lie on your stomach and the skin is numbed with a local anesthetic."),
                        bullet("The physician places the needle next to the target nerve using imaging."),
                        bullet("A mild electrical test confirms the position before the nerve is heated."));
        assertThat(section(article, "Who May Benefit").blocks())
                .containsExactly(
                        paragraph(
                                "RFA may help people whose pain comes from the facet joints of the spine or from certain other joints."),
                        bullet("Adults with neck or back pain lasting longer than three months."),
                        bullet("Patients who had good but short-lived relief from a diagnostic nerve block."),
                        bullet("People who want to rely less on pain medication."));
        assertThat(section(article, "Risks and Side Effects").blocks())
                .containsExactly(paragraph(
                        "Most side effects are mild and short-lived. Some patients feel soreness or numbness at the needle site "
                                + "for a few days. Serious problems such as infection or bleeding are rare."));
        assertThat(article.disclaimer())
                .isEqualTo("This sample text is for informational purposes only and is not a "
                        + "substitute for professional medical advice. It is a test fixture, not a published article.");
    }

    @Test
    void readsTheQuestionsOfAnotherShapeAndDropsTheNavigation() {
        ImportedArticle imported = importer.importFile(ABLATION, OPTIONS);

        assertThat(imported.faqs())
                .extracting(Faq::question)
                .containsExactly(
                        "Does radiofrequency ablation hurt?",
                        "How long does the relief last?",
                        "Who is a good candidate for RFA?");
        Faq relief = imported.faqs().get(1);
        assertThat(relief.answer())
                .isEqualTo("Relief may last six months to a year or longer, because treated nerves "
                        + "can slowly regrow.\n\nIf the pain returns, the procedure can often be repeated.");
        assertThat(imported.faqs())
                .extracting(Faq::sectionAnchor)
                .containsExactly("risks-and-side-effects", "recovery-timeline", "who-may-benefit");
        assertThat(imported.article().sections().getLast().blocks())
                .extracting(Block::text)
                .noneMatch(t -> t.contains("Previous") || t.contains("Facet Joint Pain"));
        assertThat(imported.article().sections())
                .flatExtracting(Section::blocks)
                .extracting(Block::kind)
                .doesNotContain(Block.Kind.QUOTE);
    }

    @Test
    void leavesPracticeAndLocationEmptyWhenTheTextDoesNotNameThem() throws IOException {
        Path file = write("plain.txt", """
                Walking After Surgery

                By A. Author

                Why Walk

                Walking helps recovery. In Summary, it is good.

                This article is for educational purposes only.
                """);

        Article article = importer.importFile(file, OPTIONS).article();

        assertThat(article.practice()).isEmpty();
        assertThat(article.location()).isEmpty();
        assertThat(article.credentials()).isEmpty();
    }

    @Test
    void refusesAnArticleWithoutDisclaimerUnlessGivenADefault() throws IOException {
        Path file = write("no-disclaimer.txt", "Title\n\nBy A. Author\n\nHeading\n\nSome text.\n");

        assertThatThrownBy(() -> importer.importFile(file, OPTIONS))
                .isInstanceOf(KnowledgeBaseFormatException.class)
                .hasMessageStartingWith(file + ": no disclaimer found");
        assertThat(importer.importFile(file, OPTIONS.withDefaultDisclaimer("Ask your physician."))
                        .article()
                        .disclaimer())
                .isEqualTo("Ask your physician.");
    }

    static Stream<Arguments> malformed() {
        String disclaimer = "\n\nThis article is for educational purposes only.\n";
        return Stream.of(
                Arguments.of("an empty file", "", 1, "empty"),
                Arguments.of("only blank lines", "\n  \n\t\n", 1, "empty"),
                Arguments.of(
                        "no title",
                        "Kyphoplasty is a procedure that stabilizes a fractured bone.\n\nBy A\n",
                        1,
                        "title"),
                Arguments.of("no author", "Title\n\nSubtitle\n\nHeading\n\nText." + disclaimer, 5, "'By <author>'"),
                Arguments.of(
                        "a paragraph before the first heading",
                        "Title\n\nBy A\nCredentials\n\nA paragraph first." + "\n\nHeading\n\nText." + disclaimer,
                        6,
                        "before the first heading"),
                Arguments.of(
                        "a heading without paragraph",
                        "Title\n\nBy A\n\nFirst\n\nText.\n\nEmpty Heading\n\n" + "Next Heading\n\nText." + disclaimer,
                        9,
                        "'Empty Heading' has no paragraph"),
                Arguments.of(
                        "a heading at the end",
                        "Title\n\nBy A\n\nFirst\n\nText." + disclaimer + "\nLast Words\n",
                        11,
                        "'Last Words' has no paragraph"),
                Arguments.of(
                        "two headings alike",
                        "Title\n\nBy A\n\nSame\n\nText.\n\nSame\n\nText." + disclaimer,
                        9,
                        "same title"),
                Arguments.of(
                        "no sections",
                        "Title\n\nBy A" + disclaimer + "\nFrequently Asked Questions\n\nWhy?\n\nBecause.\n",
                        7,
                        "no sections"),
                Arguments.of(
                        "a question without answer",
                        "Title\n\nBy A\n\nHeading\n\nText." + disclaimer
                                + "\nFrequently Asked Questions\n\nWhy?\n\nBecause.\n\nHow long?\n\nWhen?\n\nSoon.\n",
                        17,
                        "'How long?' has no answer"),
                Arguments.of(
                        "a last question without answer",
                        "Title\n\nBy A\n\nHeading\n\nText." + disclaimer + "\nFrequently Asked Questions\n\nWhy?\n",
                        13,
                        "'Why?' has no answer"),
                Arguments.of(
                        "text in the FAQ block that is no question",
                        "Title\n\nBy A\n\nHeading\n\nText." + disclaimer
                                + "\nFAQ\n\nHere are our answers.\n\nWhy?\n\nBecause.\n",
                        13,
                        "expected a question"),
                Arguments.of("binary content", "Title\n\nBy A\u0000\u0001\n", 3, "binary"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void namesTheFileAndLineOfAMalformedArticle(String problem, String text, int line, String message)
            throws IOException {
        Path file = write("malformed.txt", text);

        KnowledgeBaseFormatException e =
                catchThrowableOfType(KnowledgeBaseFormatException.class, () -> importer.importFile(file, OPTIONS));

        assertThat(e).as(problem).isNotNull();
        assertThat(e.file()).isEqualTo(file.toString());
        assertThat(e.line()).as(e.getMessage()).isEqualTo(line);
        assertThat(e.getMessage()).startsWith(file + ":" + line + ": ").contains(message);
    }

    @Test
    void namesTheLineWhereTheTextStopsBeingUtf8() throws IOException {
        Path file = temp.resolve("latin1.txt");
        Files.write(file, "Title\n\nBy Ren\u00e9e\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> importer.importFile(file, OPTIONS))
                .isInstanceOf(KnowledgeBaseFormatException.class)
                .hasMessage(file + ":3: not UTF-8 text (a binary file?)");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(temp.resolve(name), text);
    }

    static Section section(Article article, String title) {
        return article.sections().stream()
                .filter(s -> s.title().equals(title))
                .findFirst()
                .orElseThrow();
    }

    private static Block paragraph(String text) {
        return new Block(Block.Kind.PARAGRAPH, text);
    }

    private static Block bullet(String text) {
        return new Block(Block.Kind.BULLET, text);
    }

    /** Quotation marks and bullets are typography the records keep as block kinds, not as text. */
    private static String comparable(String text) {
        return text.replaceAll("[\"“”•]", "").replaceAll("\\s+", " ").strip();
    }
}
