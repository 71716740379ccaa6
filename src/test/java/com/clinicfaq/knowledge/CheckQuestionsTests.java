package com.clinicfaq.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.clinicfaq.knowledge.CheckQuestion.Origin;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each article's check questions: the file's format, and what the importer proposes from an article. */
class CheckQuestionsTests {

    static final Path FILE = Path.of(CheckQuestions.path("rfa"));

    @Test
    void proposesEachFaqsQuestionAndEachHeadingOfTheArticlesContentAsAVisitorWouldAskForIt() {
        ImportedArticle rfa = new PlainTextArticleImporter()
                .importFile(
                        PlainTextArticleImporterTests.ABLATION, PlainTextArticleImporterTests.OPTIONS.withId("rfa"));

        assertThat(rfa.proposedChecks())
                .containsExactly(
                        new CheckQuestion(
                                "Does radiofrequency ablation hurt?",
                                List.of("does-radiofrequency-ablation-hurt"),
                                Origin.IMPORT),
                        new CheckQuestion(
                                "How long does the relief last?",
                                List.of("how-long-does-the-relief-last"),
                                Origin.IMPORT),
                        new CheckQuestion(
                                "Who is a good candidate for RFA?",
                                List.of("who-is-a-good-candidate-for-rfa"),
                                Origin.IMPORT),
                        // "Overview" and "Summary" frame the article: no visitor asks for them
                        new CheckQuestion(
                                "What is radiofrequency ablation?",
                                List.of("#what-is-radiofrequency-ablation"),
                                Origin.IMPORT),
                        new CheckQuestion("Who may benefit?", List.of("#who-may-benefit"), Origin.IMPORT),
                        new CheckQuestion("Risks and side effects", List.of("#risks-and-side-effects"), Origin.IMPORT),
                        new CheckQuestion("Recovery timeline", List.of("#recovery-timeline"), Origin.IMPORT));
    }

    @Test
    void putsAHeadingInSentenceCaseButForTheNamesTheArticleWritesWithACapital() {
        Article kyphoplasty = PlainTextArticleImporterTests.kyphoplasty().article();

        List<String> questions = CheckQuestions.propose(kyphoplasty, List.of()).stream()
                .map(CheckQuestion::question)
                .toList();

        assertThat(questions)
                .contains(
                        "What is kyphoplasty and how does it work in Napa?",
                        "Benefits of kyphoplasty for compression fracture healing",
                        "Is kyphoplasty right for your compression fracture?")
                .doesNotContain(
                        "Quick insights",
                        "Key takeaways",
                        "Why it matters",
                        "Conclusion",
                        "A patient's perspective",
                        "Serving Napa and surrounding communities");
    }

    @Test
    void leavesOutAHeadingAnFaqAlreadyAsks() {
        Article article = PlainTextArticleImporterTests.kyphoplasty().article();
        Faq same = new Faq(
                "what-it-is",
                article.id(),
                "what is kyphoplasty and how does it work in napa",
                List.of(),
                "It is.",
                article.sections().getFirst().anchor(),
                Faq.Origin.CURATED);

        List<CheckQuestion> proposed = CheckQuestions.propose(article, List.of(same));

        assertThat(proposed)
                .filteredOn(c -> c.question().toLowerCase().startsWith("what is kyphoplasty and how"))
                .singleElement()
                .extracting(CheckQuestion::expected)
                .isEqualTo(List.of("what-it-is"));
    }

    @Test
    void writesTheQuestionsAsTheyReadBack() {
        List<CheckQuestion> questions = List.of(
                new CheckQuestion("How long does it take?", List.of("procedure-duration"), Origin.IMPORT),
                new CheckQuestion("Does it hurt, and for how long?", List.of("soreness", "#recovery"), Origin.EDITOR),
                new CheckQuestion("my \"cement\" question", List.of("bone-cement"), Origin.VISITOR),
                new CheckQuestion("How much does it cost?", List.of(CheckQuestion.DECLINED), Origin.EDITOR));

        String text = CheckQuestions.text(questions);

        assertThat(text)
                .startsWith(CheckQuestions.HEADER + "\n")
                .contains("\"Does it hurt, and for how long?\",soreness|#recovery,editor\n")
                .contains("\"my \"\"cement\"\" question\",bone-cement,visitor\n");
        assertThat(CheckQuestions.read(FILE, text)).isEqualTo(questions);
        assertThat(questions.getLast().declined()).isTrue();
    }

    @Test
    void readsALineWithoutAnOriginAsAnEditorsAndSkipsBlankLines() {
        assertThat(CheckQuestions.read(FILE, "question,expected,origin\r\n\r\nIs it safe?,#risks\r\n"))
                .containsExactly(new CheckQuestion("Is it safe?", List.of("#risks"), Origin.EDITOR));
    }

    @Test
    void reportsALineThatDoesNotReadWithTheFileAndTheLine() {
        assertThat(problem("question,answer\n"))
                .isEqualTo("checks/articles/rfa.csv:1: the first line must be 'question,expected,origin'");
        assertThat(problem("question,expected,origin\nIs it safe?,#risks,import\n,#risks,import\n"))
                .isEqualTo("checks/articles/rfa.csv:3: the question is empty");
        assertThat(problem("question,expected,origin\nIs it safe?,,import\n"))
                .startsWith("checks/articles/rfa.csv:2: say what a right answer is");
        assertThat(problem("question,expected,origin\nIs it safe?,#risks,guess\n"))
                .isEqualTo("checks/articles/rfa.csv:2: the origin must be import, editor or visitor, not 'guess'");
        assertThat(problem("question,expected,origin\nIs it safe?,#risks\nis it SAFE,#risks\n"))
                .isEqualTo("checks/articles/rfa.csv:3: the question 'is it SAFE' is already asked on line 2");
        assertThat(problem("question,expected,origin\nCost?,declined|pricing\n"))
                .isEqualTo("checks/articles/rfa.csv:2: 'declined' cannot be one answer among others");
        assertThat(problem("question,expected,origin\n\"Cost?,declined\n"))
                .isEqualTo("checks/articles/rfa.csv:2: a quotation mark is not closed");
        assertThat(problem("question,expected,origin\nCost?,declined,import,more\n"))
                .isEqualTo("checks/articles/rfa.csv:2: expected question,expected,origin (4 fields)");
    }

    private static String problem(String text) {
        return catchThrowableOfType(KnowledgeBaseFormatException.class, () -> CheckQuestions.read(FILE, text))
                .getMessage();
    }
}
