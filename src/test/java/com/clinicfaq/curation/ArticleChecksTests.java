package com.clinicfaq.curation;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicfaq.knowledge.Article;
import com.clinicfaq.knowledge.Block;
import com.clinicfaq.knowledge.CheckQuestion;
import com.clinicfaq.knowledge.CheckQuestion.Origin;
import com.clinicfaq.knowledge.Faq;
import com.clinicfaq.knowledge.KnowledgeBase;
import com.clinicfaq.knowledge.Section;
import com.clinicfaq.search.Answer;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The comparison of the live version's and the draft's answers to an article's check questions: what is right, what
 * went from right to wrong and the reverse, and what an editor must confirm.
 */
class ArticleChecksTests {

    static final Article RFA = article("rfa", "Radiofrequency Ablation", "risks", "recovery");
    static final Article KYPHOPLASTY = article("kyphoplasty", "Kyphoplasty", "recovery");
    static final Faq HURT = faq("does-it-hurt", "rfa", "Does it hurt?", "risks");
    static final Faq LAST = faq("how-long-relief", "rfa", "How long does relief last?", "recovery");
    static final Faq KYPHOPLASTY_RECOVERY =
            faq("kyphoplasty-recovery", "kyphoplasty", "How soon am I back on my feet?", "recovery");
    static final KnowledgeBase KNOWLEDGE =
            new KnowledgeBase(List.of(RFA, KYPHOPLASTY), List.of(HURT, LAST, KYPHOPLASTY_RECOVERY), List.of());

    static final CheckQuestion ASKS_HURT = new CheckQuestion("Does it hurt?", List.of("does-it-hurt"), Origin.IMPORT);
    static final CheckQuestion ASKS_RISKS =
            new CheckQuestion("Risks and side effects", List.of("#risks"), Origin.IMPORT);
    static final CheckQuestion ASKS_COST =
            new CheckQuestion("How much is it?", List.of(CheckQuestion.DECLINED), Origin.EDITOR);
    static final CheckQuestion ASKS_RECOVERY =
            new CheckQuestion("back to work when", List.of("how-long-relief", "#recovery"), Origin.VISITOR);

    @Test
    void judgesAnAnswerByTheFaqOrTheSectionOfTheArticleItShouldComeFrom() {
        assertThat(judge(ASKS_HURT, found(HURT)))
                .isEqualTo(new ArticleChecks.Got("does-it-hurt", "the FAQ “Does it hurt?”", true));
        assertThat(judge(ASKS_HURT, found(LAST)).right()).isFalse();
        assertThat(judge(ASKS_RISKS, found(HURT)).right())
                .as("an FAQ citing the section")
                .isTrue();
        assertThat(judge(ASKS_RISKS, passage(RFA, "risks")))
                .isEqualTo(new ArticleChecks.Got("rfa#risks/1", "the section “Risks”", true));
        assertThat(judge(ASKS_RECOVERY, passage(KYPHOPLASTY, "recovery")))
                .as("the same anchor in another procedure's article")
                .isEqualTo(new ArticleChecks.Got(
                        "kyphoplasty#recovery/1", "the section “Recovery” of “Kyphoplasty”", false));
        assertThat(judge(ASKS_RECOVERY, found(KYPHOPLASTY_RECOVERY)).label())
                .isEqualTo("the FAQ “How soon am I back on my feet?” of “Kyphoplasty”");
    }

    @Test
    void takesADeclineForRightOnlyWhenTheQuestionIsToBeDeclined() {
        assertThat(judge(ASKS_COST, new Answer.Unknown(0.2)))
                .isEqualTo(new ArticleChecks.Got(
                        "no answer", "no answer: nothing in the knowledge base was good enough", true));
        assertThat(judge(ASKS_COST, new Answer.OutOfScope("cost", "Cost and insurance", 0.9)))
                .isEqualTo(new ArticleChecks.Got(
                        "out-of-scope: cost", "declined as out of scope (Cost and insurance)", true));
        assertThat(judge(ASKS_COST, found(HURT)).right()).isFalse();
        assertThat(judge(ASKS_HURT, new Answer.Unknown(0.2)).right()).isFalse();
        assertThat(judge(ASKS_HURT, new Answer.Ambiguous(List.of(new Answer.Choice("rfa", "RFA")), 0.9)))
                .isEqualTo(new ArticleChecks.Got("which procedure?", "asked which procedure the visitor means", false));
    }

    @Test
    void namesTheQuestionsWhoseAnswerWentFromRightToWrongAndTheReverseWithWhatEachGotBeforeAndAfter() {
        Map<String, Answer> live = Map.of(
                ASKS_HURT.question(),
                found(HURT),
                ASKS_RISKS.question(),
                new Answer.Unknown(0.1),
                ASKS_COST.question(),
                new Answer.Unknown(0.1),
                ASKS_RECOVERY.question(),
                found(LAST));
        Map<String, Answer> draft = Map.of(
                ASKS_HURT.question(),
                found(LAST),
                ASKS_RISKS.question(),
                passage(RFA, "risks"),
                ASKS_COST.question(),
                new Answer.Unknown(0.1),
                ASKS_RECOVERY.question(),
                passage(RFA, "recovery"));

        List<ArticleChecks.Result> results = ArticleChecks.run(
                KNOWLEDGE,
                Map.of("rfa", List.of(ASKS_HURT, ASKS_RISKS, ASKS_COST, ASKS_RECOVERY)),
                (q, article) -> draft.get(q),
                KNOWLEDGE,
                (q, article) -> live.get(q));

        ArticleChecks.Result rfa = results.getFirst();
        assertThat(results)
                .as("an article without check questions is not listed")
                .hasSize(1);
        assertThat(rfa.nowWrong()).singleElement().satisfies(asked -> {
            assertThat(asked.check()).isEqualTo(ASKS_HURT);
            assertThat(asked.before())
                    .isEqualTo(new ArticleChecks.Got("does-it-hurt", "the FAQ “Does it hurt?”", true));
            assertThat(asked.after())
                    .isEqualTo(new ArticleChecks.Got("how-long-relief", "the FAQ “How long does relief last?”", false));
        });
        assertThat(rfa.nowRight()).extracting(ArticleChecks.Asked::check).containsExactly(ASKS_RISKS);
        assertThat(rfa.summary())
                .isEqualTo("Check questions of “Radiofrequency Ablation”: 3 of 4 answered right (the live version: 3)");
    }

    @Test
    void asksTheLiveVersionOnTheArticlesPageOnlyWhenItHasTheArticle() {
        KnowledgeBase before = new KnowledgeBase(List.of(KYPHOPLASTY), List.of(KYPHOPLASTY_RECOVERY), List.of());
        List<String> livePages = new java.util.ArrayList<>();

        ArticleChecks.Result rfa = ArticleChecks.run(
                        KNOWLEDGE,
                        Map.of("rfa", List.of(ASKS_HURT)),
                        (q, article) -> found(HURT),
                        before,
                        (q, article) -> {
                            livePages.add(String.valueOf(article));
                            return found(KYPHOPLASTY_RECOVERY);
                        })
                .getFirst();

        assertThat(livePages).containsExactly("null");
        assertThat(rfa.nowRight())
                .singleElement()
                .extracting(a -> a.before().label())
                .isEqualTo("the FAQ “How soon am I back on my feet?” of “Kyphoplasty”");
    }

    @Test
    void theFirstVersionHasNothingToCompareWith() {
        ArticleChecks.Result rfa = ArticleChecks.run(
                        KNOWLEDGE,
                        Map.of("rfa", List.of(ASKS_HURT, ASKS_COST)),
                        (q, article) -> found(HURT),
                        null,
                        null)
                .getFirst();

        assertThat(rfa.asked()).allSatisfy(asked -> assertThat(asked.before()).isNull());
        assertThat(rfa.nowWrong()).isEmpty();
        assertThat(rfa.nowRight()).isEmpty();
        assertThat(rfa.summary()).isEqualTo("Check questions of “Radiofrequency Ablation”: 1 of 2 answered right");
    }

    @Test
    void aRegressionFailsTheChangeUntilAnEditorConfirmsExactlyTheAnswersShown() {
        SafetyNet.Report report = report(found(LAST));
        String digest = report.nowWrongDigest();

        SafetyNet.Report unconfirmed = report.confirming("");

        assertThat(report.passed()).as("the net's own failures only").isTrue();
        assertThat(unconfirmed.passed()).isFalse();
        assertThat(unconfirmed.awaitsConfirmation()).isTrue();
        assertThat(unconfirmed.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.check()).isEqualTo(SafetyNet.CHANGED_ANSWERS);
            assertThat(failure.detail())
                    .contains(
                            "1 check question(s) of “Radiofrequency Ablation”",
                            "“Does it hurt?”",
                            "was the FAQ “Does it hurt?”, now the FAQ “How long does relief last?”",
                            "checks/articles/rfa.csv");
        });
        assertThat(report.confirming(digest).passed()).isTrue();
        assertThat(report(new Answer.Unknown(0.1)).confirming(digest).passed())
                .as("another wrong answer than the one confirmed")
                .isFalse();
        assertThat(report(found(HURT)).confirming("").passed())
                .as("nothing answered wrong")
                .isTrue();
        assertThat(report(found(HURT)).nowWrongDigest()).isEmpty();
    }

    @Test
    void theDigestIsTheSameWhateverTheOrderOfTheQuestions() {
        CheckQuestion other = new CheckQuestion("Is it painful?", List.of("does-it-hurt"), Origin.EDITOR);
        List<ArticleChecks.Result> one = ArticleChecks.run(
                KNOWLEDGE,
                Map.of("rfa", List.of(ASKS_HURT, other)),
                (q, article) -> found(LAST),
                KNOWLEDGE,
                (q, article) -> found(HURT));
        List<ArticleChecks.Result> other2 = ArticleChecks.run(
                KNOWLEDGE,
                Map.of("rfa", List.of(other, ASKS_HURT)),
                (q, article) -> found(LAST),
                KNOWLEDGE,
                (q, article) -> found(HURT));

        assertThat(ArticleChecks.digest(one))
                .isEqualTo(ArticleChecks.digest(other2))
                .hasSize(24);
    }

    private static SafetyNet.Report report(Answer draftAnswer) {
        List<ArticleChecks.Result> articles = ArticleChecks.run(
                KNOWLEDGE,
                Map.of("rfa", List.of(ASKS_HURT)),
                (q, article) -> draftAnswer,
                KNOWLEDGE,
                (q, article) -> found(HURT));
        return new SafetyNet.Report(List.of(), List.of(), articles);
    }

    private static ArticleChecks.Got judge(CheckQuestion check, Answer answer) {
        return ArticleChecks.judge(check, "rfa", answer, KNOWLEDGE);
    }

    private static Answer.Found found(Faq faq) {
        Article article = KNOWLEDGE.article(faq.articleId()).orElseThrow();
        Section section = article.sections().stream()
                .filter(s -> s.anchor().equals(faq.sectionAnchor()))
                .findFirst()
                .orElseThrow();
        return new Answer.Found(
                faq.answer(),
                new Answer.Source(article.id(), article.title(), section.title(), section.anchor()),
                faq.id(),
                0.9,
                Answer.Basis.HYBRID);
    }

    private static Answer.Found passage(Article article, String anchor) {
        Section section = article.sections().stream()
                .filter(s -> s.anchor().equals(anchor))
                .findFirst()
                .orElseThrow();
        return new Answer.Found(
                section.blocks().getFirst().text(),
                new Answer.Source(article.id(), article.title(), section.title(), anchor),
                article.id() + "#" + anchor + "/1",
                0.9,
                Answer.Basis.HYBRID);
    }

    private static Article article(String id, String title, String... anchors) {
        List<Section> sections = java.util.Arrays.stream(anchors)
                .map(a -> new Section(
                        a,
                        Character.toUpperCase(a.charAt(0)) + a.substring(1),
                        List.of(new Block(Block.Kind.PARAGRAPH, "About " + a + "."))))
                .toList();
        return new Article(
                id,
                title,
                "",
                "Dr. Example",
                "",
                "",
                "",
                "a test",
                LocalDate.of(2026, 12, 1),
                "For education only.",
                sections);
    }

    private static Faq faq(String id, String article, String question, String section) {
        return new Faq(id, article, question, List.of(), "An answer to " + question, section, Faq.Origin.CURATED);
    }
}
