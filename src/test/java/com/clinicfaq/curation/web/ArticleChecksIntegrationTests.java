package com.clinicfaq.curation.web;

import static com.clinicfaq.curation.web.PublishingConsoleIntegrationTests.draftHash;
import static com.clinicfaq.staff.StaffHttp.csrf;
import static com.clinicfaq.staff.StaffHttp.encode;
import static org.assertj.core.api.Assertions.assertThat;

import com.clinicfaq.conversation.web.ChatClient;
import com.clinicfaq.curation.KnowledgeEditor.Change;
import com.clinicfaq.curation.KnowledgeEditor.Edited;
import com.clinicfaq.curation.KnowledgeFiles;
import com.clinicfaq.curation.KnowledgePublisher;
import com.clinicfaq.knowledge.CheckQuestion;
import com.clinicfaq.knowledge.CheckQuestion.Origin;
import com.clinicfaq.knowledge.Faq;
import com.clinicfaq.knowledge.KnowledgeBase;
import com.clinicfaq.search.AnswerEngine;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;

/**
 * Each article's check questions (issue #20): proposed when an article is imported, edited in the console, extended by
 * the visitors' questions editors fix, and asked of the live version and the draft at every publish, whose result
 * names the questions whose answer changed, and waits for an editor's confirmation of a regression.
 */
class ArticleChecksIntegrationTests extends KnowledgeConsole {

    static final Path SAMPLE = Path.of("src/test/resources/library/radiofrequency-ablation-sample.txt");
    static final String RFA = "comparing-cervical-vs-lumbar-radiofrequency-ablation";
    static final String PAINFUL = "Is radiofrequency ablation painful?";
    static final String KYPHOPLASTY = "kyphoplasty-compression-fractures";
    /** A question the shipped knowledge base does not answer, and the FAQ that answers it once fixed. */
    static final String DANCING = "when may i go dancing again";

    @Autowired
    JdbcClient jdbc;

    @Test
    void anImportedArticlesProposedQuestionThatAnFaqEditAnswersWrongIsNamedAndPublishedOnlyOnceConfirmed()
            throws Exception {
        HttpClient edith = http.loggedIn(EDITOR, EDITOR_PASSWORD);
        String importForm = page(edith, http, "/staff/knowledge/import");

        HttpResponse<String> imported = send(
                edith,
                http.post(
                        "/staff/knowledge/import",
                        "text=" + encode(Files.readString(SAMPLE)) + "&source=" + encode("Practice website, Dec 2026")
                                + "&reviewed=2026-12-01&id=&disclaimer=&_csrf=" + csrf(importForm)));

        assertThat(imported.statusCode()).isEqualTo(302);
        assertThat(editor.draft().files().parse().checks(RFA))
                .containsExactly(
                        new CheckQuestion(
                                "How long does radiofrequency ablation relief last?",
                                List.of("how-long-does-radiofrequency-ablation-relief-last"),
                                Origin.IMPORT),
                        new CheckQuestion(PAINFUL, List.of("is-radiofrequency-ablation-painful"), Origin.IMPORT),
                        new CheckQuestion(
                                "What is the difference between cervical and lumbar radiofrequency ablation?",
                                List.of("what-is-the-difference-between-cervical-and-lumbar-radiofrequency-ablation"),
                                Origin.IMPORT),
                        new CheckQuestion(
                                "Where can I find radiofrequency ablation in Napa?",
                                List.of("where-can-i-find-radiofrequency-ablation-in-napa"),
                                Origin.IMPORT),
                        new CheckQuestion(
                                "What is radiofrequency ablation and how does it work in Napa?",
                                List.of("#what-is-radiofrequency-ablation-and-how-does-it-work-in-napa"),
                                Origin.IMPORT),
                        new CheckQuestion(
                                "How cervical and lumbar radiofrequency ablation differ?",
                                List.of("#how-cervical-and-lumbar-radiofrequency-ablation-differ"),
                                Origin.IMPORT),
                        new CheckQuestion(
                                "Who is a good candidate for radiofrequency ablation?",
                                List.of("#who-is-a-good-candidate-for-radiofrequency-ablation"),
                                Origin.IMPORT),
                        new CheckQuestion(
                                "What to expect during and after radiofrequency ablation in Napa?",
                                List.of("#what-to-expect-during-and-after-radiofrequency-ablation-in-napa"),
                                Origin.IMPORT),
                        new CheckQuestion(
                                "Risks and safety considerations",
                                List.of("#risks-and-safety-considerations"),
                                Origin.IMPORT));
        String checks = visible(page(edith, http, "/staff/knowledge/articles/" + RFA + "/checks"));
        assertThat(checks)
                .contains(
                        "Check questions: Comparing Cervical vs Lumbar Radiofrequency Ablation",
                        "9 check questions",
                        PAINFUL + " The FAQ “" + PAINFUL + "” is-radiofrequency-ablation-painful proposed at import",
                        "Risks and safety considerations The section “Risks and Safety Considerations” #risks-and-safety-considerations proposed at import");
        assertThat(visible(page(edith, http, "/staff/knowledge"))).contains("Check questions (9)");
        withoutOutOfScopeTopicsThatDeclineTheNewArticle();

        HttpResponse<String> first = publish(edith, "");

        assertThat(first.statusCode()).as(() -> visible(first.body())).isEqualTo(200);
        assertThat(visible(first.body()))
                .contains(
                        "Published: version " + live.version() + " is live",
                        "Answers that changed",
                        "Was wrong → now right",
                        PAINFUL,
                        "Check questions of “Comparing Cervical vs Lumbar Radiofrequency Ablation”: ");
        long withTheArticle = live.version();

        String faq = page(edith, http, "/staff/knowledge/faqs/is-radiofrequency-ablation-painful");
        Faq painful = editor.draftKnowledge().faqs().stream()
                .filter(f -> f.id().equals("is-radiofrequency-ablation-painful"))
                .findFirst()
                .orElseThrow();
        HttpResponse<String> edited = send(
                edith,
                http.post(
                        "/staff/knowledge/faqs/" + painful.id(),
                        "question="
                                + encode("What does the needle site feel like afterwards?") + "&phrasings=&answer="
                                + encode(painful.answer())
                                + "&source=" + encode(RFA + "/" + painful.sectionAnchor()) + "&_csrf=" + csrf(faq)));
        assertThat(edited.statusCode()).isEqualTo(302);

        HttpResponse<String> refused = publish(edith, "");

        assertThat(refused.statusCode()).as(() -> visible(refused.body())).isEqualTo(422);
        assertThat(live.version()).isEqualTo(withTheArticle);
        String page = visible(refused.body());
        assertThat(page)
                .contains(
                        "Not published: questions answered right now would be answered wrong",
                        "Was right → now wrong (1)",
                        "Publish with these answers")
                .doesNotContain("Failing checks");
        assertThat(rows(refused.body(), "now-wrong"))
                .singleElement()
                .asString()
                .startsWith(PAINFUL + " | the FAQ “" + PAINFUL + "” is-radiofrequency-ablation-painful | ")
                .doesNotEndWith("is-radiofrequency-ablation-painful");

        HttpResponse<String> wrongConfirmation = publish(edith, "not-what-the-page-showed");
        assertThat(wrongConfirmation.statusCode()).isEqualTo(422);
        HttpResponse<String> confirmed = publish(edith, confirmation(refused.body()));

        assertThat(confirmed.statusCode()).as(() -> visible(confirmed.body())).isEqualTo(200);
        assertThat(visible(confirmed.body()))
                .contains(
                        "Published: version " + live.version() + " is live",
                        "Was right → now wrong (1): confirmed",
                        PAINFUL);
        assertThat(live.version()).isGreaterThan(withTheArticle);
        assertThat(jdbc.sql(
                                "select detail from audit_event where action = 'KNOWLEDGE_CHANGES_CONFIRMED' and username = ?")
                        .param(EDITOR)
                        .query(String.class)
                        .list())
                .contains("version " + live.version() + ": 1 check question(s) answered right before and wrong now, of "
                        + RFA);
    }

    @Test
    void anEditorAddsChangesAndDeletesACheckQuestionInTheDraft() throws Exception {
        HttpClient edith = http.loggedIn(EDITOR, EDITOR_PASSWORD);
        String form = page(edith, http, "/staff/knowledge/articles/" + KYPHOPLASTY + "/checks/new");
        assertThat(form)
                .contains(
                        "<option value=\"declined\"",
                        "<option value=\"procedure-duration\"",
                        "<option value=\"#quick-insights\"");

        HttpResponse<String> added = send(
                edith,
                http.post(
                        "/staff/knowledge/articles/" + KYPHOPLASTY + "/checks",
                        "question=" + encode("Is a long drive home ok?")
                                + "&expected=procedure-duration&expected=%23what-to-expect-during-kyphoplasty-recovery-in-napa"
                                + "&_csrf=" + csrf(form)));

        assertThat(added.statusCode()).isEqualTo(302);
        List<CheckQuestion> checks = editor.draft().files().parse().checks(KYPHOPLASTY);
        assertThat(checks.getLast())
                .isEqualTo(new CheckQuestion(
                        "Is a long drive home ok?",
                        List.of("procedure-duration", "#what-to-expect-during-kyphoplasty-recovery-in-napa"),
                        Origin.EDITOR));
        int number = checks.size();

        HttpResponse<String> refused = send(
                edith,
                http.post(
                        "/staff/knowledge/articles/" + KYPHOPLASTY + "/checks/" + number,
                        "was=" + encode("Is a long drive home ok?") + "&question=" + encode("How much does it cost?")
                                + "&expected=declined&expected=procedure-duration&_csrf=" + csrf(form)));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(visible(refused.body())).contains("A question the bot should decline has no other right answer.");

        HttpResponse<String> changed = send(
                edith,
                http.post(
                        "/staff/knowledge/articles/" + KYPHOPLASTY + "/checks/" + number,
                        "was=" + encode("Is a long drive home ok?") + "&question=" + encode("How much does it cost?")
                                + "&expected=declined&_csrf=" + csrf(form)));
        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(editor.draft().files().parse().checks(KYPHOPLASTY).getLast())
                .isEqualTo(new CheckQuestion("How much does it cost?", List.of(CheckQuestion.DECLINED), Origin.EDITOR));
        assertThat(visible(page(edith, http, "/staff/knowledge/articles/" + KYPHOPLASTY + "/checks")))
                .contains("How much does it cost? Declined declined an editor's");

        String confirm =
                page(edith, http, "/staff/knowledge/articles/" + KYPHOPLASTY + "/checks/" + number + "/delete");
        HttpResponse<String> deleted = send(
                edith,
                http.post(
                        "/staff/knowledge/articles/" + KYPHOPLASTY + "/checks/" + number + "/delete",
                        "was=" + encode("How much does it cost?") + "&_csrf=" + csrf(confirm)));
        assertThat(deleted.statusCode()).isEqualTo(302);
        assertThat(editor.draft().files().parse().checks(KYPHOPLASTY)).hasSize(number - 1);
        assertThat(editor.hasChanges()).as("the shipped check questions again").isFalse();

        CheckQuestion first = editor.draft().files().parse().checks(KYPHOPLASTY).getFirst();
        assertThat(editor.apply(new Change.DeleteCheck(KYPHOPLASTY, first.question()), EDITOR))
                .isInstanceOf(Edited.Saved.class);
        String list = page(edith, http, "/staff/knowledge/articles/" + KYPHOPLASTY + "/checks");
        assertThat(visible(list)).contains("Add the check question its FAQs and headings propose");
        HttpResponse<String> proposed = send(
                edith,
                http.post("/staff/knowledge/articles/" + KYPHOPLASTY + "/checks/propose", "_csrf=" + csrf(list)));
        assertThat(proposed.statusCode()).isEqualTo(302);
        assertThat(editor.draft().files().parse().checks(KYPHOPLASTY))
                .hasSize(number - 1)
                .endsWith(first);
    }

    @Test
    void aVisitorsQuestionAnEditorFixesFromTheUnansweredPageBecomesACheckQuestionOfTheArticle() throws Exception {
        try (ChatClient chat = ChatClient.connect(port)) {
            chat.awaitBot("greeting");
            chat.say(DANCING);
            assertThat(chat.await(f -> f.path("type").asString().equals("bot")
                                    && !f.path("kind").asString().equals("greeting"))
                            .path("kind")
                            .asString())
                    .isEqualTo("unknown");
        }
        HttpClient edith = http.loggedIn(EDITOR, EDITOR_PASSWORD);
        String unanswered = page(edith, http, UnansweredIntegrationTests.PAGE);
        String group = UnansweredIntegrationTests.group(unanswered, DANCING);

        HttpResponse<String> fixed = send(
                edith,
                http.post(
                        UnansweredIntegrationTests.PAGE + "/phrasing",
                        "days=30&key="
                                + UnansweredIntegrationTests.key(group) + "&faqId=activity-after&phrasing="
                                + encode("when may I go dancing")
                                + "&_csrf=" + csrf(unanswered)));

        assertThat(fixed.statusCode()).isEqualTo(302);
        assertThat(live.get().files().parse().checks(KYPHOPLASTY))
                .as("published with the fix")
                .contains(new CheckQuestion(DANCING, List.of("activity-after"), Origin.VISITOR));
    }

    @Test
    void aNewFaqMadeForAVisitorsQuestionGetsTheQuestionAsACheckQuestionExpectingIt() {
        KnowledgeBase draft = editor.draftKnowledge();
        String section =
                draft.article(KYPHOPLASTY).orElseThrow().sections().getFirst().anchor();

        Edited edited = editor.fixingVisitorQuestion(
                "  when may i go   dancing again ",
                () -> editor.apply(
                        new Change.SaveFaq(
                                null,
                                KYPHOPLASTY,
                                "Can I go dancing after kyphoplasty?",
                                List.of(DANCING),
                                "Most patients resume light activity.",
                                section),
                        EDITOR));

        assertThat(edited).isInstanceOf(Edited.Saved.class);
        assertThat(editor.draft().files().parse().checks(KYPHOPLASTY))
                .contains(new CheckQuestion(DANCING, List.of("can-i-go-dancing-after-kyphoplasty"), Origin.VISITOR));
        editor.apply(new Change.AddPhrasing("activity-after", "dance again when"), EDITOR);
        assertThat(editor.draft().files().parse().checks(KYPHOPLASTY))
                .as("an edit that fixes no visitor's question")
                .noneMatch(c -> c.question().equals("dance again when"));
    }

    @Test
    void aRestoreThatWouldAnswerAQuestionWrongAsksForTheSameConfirmation() throws Exception {
        KnowledgeFiles withoutCareApproach = withoutFaq(originalFiles, "care-approach");
        var refused = (KnowledgePublisher.Outcome.Refused)
                publisher.publish(withoutCareApproach, EDITOR, "No care approach", false);
        var published = (KnowledgePublisher.Outcome.Published) publisher.publish(
                withoutCareApproach,
                EDITOR,
                "No care approach",
                false,
                refused.report().nowWrongDigest());
        long without = published.version().id();
        assertThat(publisher.restore(originalVersion, EDITOR, false))
                .as("answered right again")
                .isInstanceOf(KnowledgePublisher.Outcome.Published.class);
        HttpClient edith = http.loggedIn(EDITOR, EDITOR_PASSWORD);
        String version = page(edith, http, "/staff/knowledge/versions/" + without);

        HttpResponse<String> asked =
                send(edith, http.post("/staff/knowledge/versions/" + without + "/restore", "_csrf=" + csrf(version)));

        assertThat(asked.statusCode()).isEqualTo(422);
        assertThat(visible(asked.body()))
                .contains(
                        "Not published: questions answered right now would be answered wrong",
                        "Was right → now wrong (1)",
                        "How does Dr. Weisbein treat her patients?",
                        "I have read the check questions above");
        long before = live.version();
        HttpResponse<String> restored = send(
                edith,
                http.post(
                        "/staff/knowledge/versions/" + without + "/restore",
                        "confirm=" + confirmation(asked.body()) + "&_csrf=" + csrf(version)));

        assertThat(restored.statusCode()).isEqualTo(200);
        assertThat(visible(restored.body()))
                .contains(
                        "Published: version " + live.version() + " is live",
                        "It restores version " + without,
                        "Was right → now wrong (1): confirmed");
        assertThat(live.version()).isGreaterThan(before);
    }

    private static KnowledgeFiles withoutFaq(KnowledgeFiles files, String id) {
        String path = "faqs/" + KYPHOPLASTY + ".md";
        return files.with(
                path, files.files().get(path).replaceFirst("(?s)\\n## [^\\n]*\\{#" + id + "}.*?(?=\\n## )", ""));
    }

    /** Publishes the draft from the publish page, with the confirmation given. */
    private HttpResponse<String> publish(HttpClient client, String confirm) throws Exception {
        String page = page(client, http, "/staff/knowledge/publish");
        return send(
                client,
                http.post(
                        "/staff/knowledge/publish",
                        "draft=" + draftHash(page) + "&comment=" + encode("Radiofrequency ablation")
                                + (confirm.isEmpty() ? "" : "&confirm=" + encode(confirm)) + "&_csrf=" + csrf(page)));
    }

    /**
     * The out-of-scope phrasings written when kyphoplasty was the only article that would decline the new article's own
     * procedure: the one edit a practice must make to publish it (the safety net says so).
     */
    private void withoutOutOfScopeTopicsThatDeclineTheNewArticle() {
        KnowledgeBase draft = editor.draftKnowledge();
        String outOfScope = editor.draft().files().files().get("out-of-scope.md");
        try (AnswerEngine preview = engine.preview(draft)) {
            for (AnswerEngine.Contradiction c : preview.outOfScopeContradictions(draft)) {
                outOfScope = outOfScope.replace("? " + c.phrasing() + "\n", "");
            }
        }
        assertThat(editor.apply(new Change.SaveFile("out-of-scope.md", outOfScope), EDITOR))
                .isInstanceOf(Edited.Saved.class);
    }

    private static final Pattern CONFIRMATION = Pattern.compile("name=\"confirm\" value=\"([0-9a-f]+)\"");

    private static String confirmation(String page) {
        Matcher matcher = CONFIRMATION.matcher(page);
        assertThat(matcher.find()).as("the confirmation in the form").isTrue();
        return matcher.group(1);
    }

    /** The rows of a table of answers that changed ("now-wrong", "now-right"), their cells apart. */
    private static List<String> rows(String page, String table) {
        Matcher matcher = Pattern.compile("(?s)<table class=\"answers " + table + "[^\"]*\">.*?<tbody>(.*?)</tbody>")
                .matcher(page);
        assertThat(matcher.find()).as("the table " + table).isTrue();
        return Pattern.compile("(?s)<tr>(.*?)</tr>")
                .matcher(matcher.group(1))
                .results()
                .map(row -> visible(row.group(1).replaceAll("</t[hd]>\\s*<t[hd]", " | <td"))
                        .replace(" |  ", " | "))
                .toList();
    }

    /** The page's text as a reader sees it: no tags, spaces collapsed. */
    private static String visible(String html) {
        return HtmlUtils.htmlUnescape(html.replaceAll("<[^>]+>", " "))
                .replaceAll("\\s+", " ")
                .strip();
    }
}
