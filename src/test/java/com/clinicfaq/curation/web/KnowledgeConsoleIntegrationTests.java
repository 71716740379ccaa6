package com.clinicfaq.curation.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicfaq.ApplicationTest;
import com.clinicfaq.curation.KnowledgeEditor;
import com.clinicfaq.curation.KnowledgePublisher;
import com.clinicfaq.curation.LiveKnowledge;
import com.clinicfaq.knowledge.Block;
import com.clinicfaq.knowledge.Faq;
import com.clinicfaq.knowledge.Section;
import com.clinicfaq.search.Answer;
import com.clinicfaq.search.AnswerEngine;
import com.clinicfaq.staff.StaffHttp;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.web.util.HtmlUtils;

/**
 * The knowledge-base editing pages over real HTTP, as an editor's browser uses them: login with CSRF, the
 * overview and its search, FAQ, section and whole-file forms with their refusals, importing an article through
 * its preview, the audit trail, and who may not come in.
 */
@ApplicationTest
class KnowledgeConsoleIntegrationTests {

    static final String EDITOR = "edna";
    static final String EDITOR_PASSWORD = "an editor's own password";
    static final String REVIEWER = "rory";
    static final String REVIEWER_PASSWORD = "a reviewer's own password";
    static final String ARTICLE = "kyphoplasty-compression-fractures";
    static final String SECTION = "what-is-kyphoplasty-and-how-does-it-work-in-napa";
    static final Path SAMPLE = Path.of("src/test/resources/import/radiofrequency-ablation-sample.txt");
    static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"(\\w+)\" value=\"([^\"]*)\"");

    @LocalServerPort
    int port;

    @Autowired
    KnowledgeEditor editor;

    @Autowired
    LiveKnowledge live;

    @Autowired
    KnowledgePublisher publisher;

    @Autowired
    JdbcClient jdbc;

    StaffHttp http;
    HttpClient staff;
    String csrf;

    @BeforeAll
    static void accounts(@Autowired JdbcUserDetailsManager accounts, @Autowired PasswordEncoder encoder) {
        if (!accounts.userExists(EDITOR)) {
            accounts.createUser(User.withUsername(EDITOR)
                    .password(encoder.encode(EDITOR_PASSWORD))
                    .roles("EDITOR")
                    .build());
            accounts.createUser(User.withUsername(REVIEWER)
                    .password(encoder.encode(REVIEWER_PASSWORD))
                    .roles("REVIEWER")
                    .build());
        }
    }

    @BeforeEach
    void logIn() throws Exception {
        http = new StaffHttp(port);
        staff = http.loggedIn(EDITOR, EDITOR_PASSWORD);
        csrf = StaffHttp.csrf(page("/staff/knowledge"));
    }

    @AfterEach
    void discard() {
        editor.discard();
    }

    @Test
    void sendsAVisitorWithoutALoginToTheLoginPage() throws Exception {
        HttpClient anonymous = StaffHttp.client();

        for (String path :
                List.of("/staff/knowledge", "/staff/knowledge/faqs/new", "/staff/knowledge/files/safety-rules")) {
            HttpResponse<String> response = anonymous.send(http.get(path), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(path).isEqualTo(302);
            assertThat(response.headers().firstValue("Location"))
                    .as(path)
                    .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        }
    }

    @Test
    void refusesAStaffMemberWhoIsOnlyAReviewer() throws Exception {
        HttpClient reviewer = http.loggedIn(REVIEWER, REVIEWER_PASSWORD);
        String token = StaffHttp.csrf(reviewer.send(http.get("/staff/handoffs"), HttpResponse.BodyHandlers.ofString())
                .body());

        assertThat(reviewer.send(http.get("/staff/knowledge"), HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(403);
        assertThat(reviewer.send(
                                http.post("/staff/knowledge/faqs/procedure-duration/delete", "_csrf=" + token),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(403);
        assertThat(faq("procedure-duration")).isNotNull();
    }

    @Test
    void listsTheDraftsFaqsByArticleWithLinksToEditAndSearchesThem() throws Exception {
        HttpResponse<String> response = staff.send(http.get("/staff/knowledge"), HttpResponse.BodyHandlers.ofString());
        String overview = text(response.body());

        assertThat(response.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(p -> assertThat(p).contains("default-src 'none'"));
        assertThat(visible(overview)).contains("No changes: the draft is the live version " + live.version() + ".");
        assertThat(overview)
                .contains("<h3>How Kyphoplasty Helps Stabilize Compression Fractures</h3>")
                .contains("href=\"/staff/knowledge/faqs/procedure-duration\">How long does the procedure take?</a>")
                .contains(
                        "href=\"/staff/knowledge/articles/" + ARTICLE + "/sections/quick-insights\">Quick Insights</a>")
                .contains(
                        "href=\"/staff/knowledge/faqs/new\">New FAQ</a>",
                        "href=\"/staff/knowledge/import\">Import an article</a>")
                .contains(
                        "href=\"/staff/knowledge/publish\">Review and publish the draft</a>",
                        "href=\"/staff/knowledge/versions\"",
                        "href=\"/staff/knowledge/try\">Try a question</a>",
                        "href=\"/staff/knowledge/unanswered\"",
                        "href=\"/staff/knowledge/export\"")
                .contains(
                        "href=\"/staff/knowledge/files/synonyms\">Synonyms</a>",
                        "href=\"/staff/knowledge/files/out-of-scope\">Out-of-scope topics</a>",
                        "href=\"/staff/knowledge/files/safety-rules\">Safety rules</a>");

        String search = text(page("/staff/knowledge?q=" + StaffHttp.encode("CEMENT harden")));

        assertThat(visible(search)).contains("FAQs match “CEMENT harden”.");
        assertThat(search)
                .contains("/staff/knowledge/faqs/bone-cement\"")
                .doesNotContain("/staff/knowledge/faqs/procedure-duration\"");
    }

    @Test
    void warnsWhenSomeoneHasPublishedSinceTheDraftWasStarted() throws Exception {
        long base = live.version();
        assertThat(editor.apply(new KnowledgeEditor.Change.AddPhrasing("procedure-duration", "is it quick"), EDITOR))
                .isInstanceOf(KnowledgeEditor.Edited.Saved.class);
        String synonyms = live.get().files().files().get("synonyms.txt");
        assertThat(publisher.publish(
                        live.get().files().with("synonyms.txt", synonyms + "# published meanwhile\n"),
                        "ada",
                        "Meanwhile",
                        false))
                .isInstanceOf(KnowledgePublisher.Outcome.Published.class);

        assertThat(visible(page("/staff/knowledge")))
                .contains("Changed since live version " + base + ", last by " + EDITOR)
                .contains("This draft started from version " + base + ", but version " + (base + 1)
                        + " has been published since.");
    }

    @Test
    void createsChangesAndDeletesAnFaqInTheDraftAndAuditsEachChange() throws Exception {
        HttpResponse<String> created = post(
                "/staff/knowledge/faqs",
                form(
                        "question",
                        "Is the cement permanent?",
                        "phrasings",
                        "does the cement stay forever\r\n\r\nwill the cement dissolve\r\n",
                        "answer",
                        "The cement hardens within minutes, creating an internal cast that stabilizes the fracture.",
                        "source",
                        ARTICLE + "/" + SECTION));

        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(created.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/staff/knowledge"));
        assertThat(faq("is-the-cement-permanent").phrasings())
                .containsExactly("does the cement stay forever", "will the cement dissolve");
        String overview = text(page("/staff/knowledge?q=permanent"));
        assertThat(visible(overview))
                .contains("Saved the FAQ “Is the cement permanent?” to the draft.")
                .contains("Changed since live version " + live.version() + ", last by " + EDITOR + " on 20");
        assertThat(overview).contains("/staff/knowledge/faqs/is-the-cement-permanent\">Is the cement permanent?</a>");
        assertThat(text(page("/staff/knowledge/faqs/is-the-cement-permanent")))
                .contains(
                        "value=\"Is the cement permanent?\"",
                        ">does the cement stay forever\nwill the cement dissolve</textarea>")
                .containsPattern("<option value=\"" + ARTICLE + "/" + SECTION + "\"\\s+selected=\"selected\">");

        HttpResponse<String> changed = post(
                "/staff/knowledge/faqs/is-the-cement-permanent",
                form(
                        "question",
                        "Is the cement permanent?",
                        "phrasings",
                        "does the cement stay forever",
                        "answer",
                        "The cement hardens within minutes.",
                        "source",
                        ARTICLE + "/quick-insights"));

        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(visible(page("/staff/knowledge")))
                .contains("Saved the FAQ “Is the cement permanent?” to the draft.");
        assertThat(faq("is-the-cement-permanent")).satisfies(f -> {
            assertThat(f.answer()).isEqualTo("The cement hardens within minutes.");
            assertThat(f.sectionAnchor()).isEqualTo("quick-insights");
        });

        assertThat(text(page("/staff/knowledge/faqs/is-the-cement-permanent/delete")))
                .contains("Delete the FAQ “Is the cement permanent?”?")
                .contains("Delete from the draft</button>");
        HttpResponse<String> deleted = post("/staff/knowledge/faqs/is-the-cement-permanent/delete", Map.of());

        assertThat(deleted.statusCode()).isEqualTo(302);
        assertThat(faq("is-the-cement-permanent")).isNull();
        assertThat(visible(page("/staff/knowledge")))
                .contains("Deleted the FAQ “Is the cement permanent?” from the draft.");
        assertThat(audit())
                .containsSubsequence(
                        EDITOR + " KNOWLEDGE_EDITED new faq is-the-cement-permanent",
                        EDITOR + " KNOWLEDGE_EDITED faq is-the-cement-permanent",
                        EDITOR + " KNOWLEDGE_EDITED deleted faq is-the-cement-permanent");
    }

    @Test
    void showsWhyAnFaqWasRefusedNextToTheFormAndKeepsWhatWasTyped() throws Exception {
        HttpResponse<String> refused = post(
                "/staff/knowledge/faqs",
                form(
                        "question",
                        "What is kyphoplasty?",
                        "phrasings",
                        "a phrasing of my own\nhow fast does it work",
                        "answer",
                        "  \n ",
                        "source",
                        ARTICLE + "/nowhere"));

        String page = text(refused.body());
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(page)
                .contains("The draft was not changed")
                .contains("<li>The answer is empty.</li>", "<li>The article has no section 'nowhere'.</li>")
                .contains(
                        "<li>The question 'What is kyphoplasty?' is already asked by FAQ 'what-is-kyphoplasty' (What is kyphoplasty?).</li>")
                .contains("<li>The phrasing 'how fast does it work' is already asked by FAQ 'pain-relief-timing'")
                .contains("value=\"What is kyphoplasty?\"", ">a phrasing of my own\nhow fast does it work</textarea>");
        assertThat(editor.hasChanges()).isFalse();

        String edit = text(post(
                        "/staff/knowledge/faqs/procedure-duration",
                        form(
                                "question",
                                "How long does the procedure take?",
                                "phrasings",
                                "",
                                "answer",
                                "It takes an hour.",
                                "source",
                                ""))
                .body());

        assertThat(edit)
                .contains("<li>There is no article ''.</li>")
                .contains("value=\"How long does the procedure take?\"")
                .contains(">It takes an hour.</textarea>")
                .contains("action=\"/staff/knowledge/faqs/procedure-duration\"");
        assertThat(faq("procedure-duration").answer())
                .startsWith("The entire procedure typically takes 45 to 60 minutes");
    }

    @Test
    void editsASectionShowsItsRefusalsAndWillNotDeleteOneThatFaqsCite() throws Exception {
        assertThat(text(page("/staff/knowledge/articles/" + ARTICLE + "/sections/key-takeaways")))
                .containsPattern(">- Kyphoplasty may reduce [^\\n]+\n- ")
                .contains("value=\"Key Takeaways\"");

        HttpResponse<String> saved = post(
                "/staff/knowledge/articles/" + ARTICLE + "/sections/key-takeaways",
                form(
                        "title",
                        "Key takeaways",
                        "text",
                        "In short:\r\n- Kyphoplasty stabilizes the fracture.\r\n- Most patients go home the same day.\r\n\r\n> It changed my life."));

        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(section("key-takeaways")).satisfies(s -> {
            assertThat(s.title()).isEqualTo("Key takeaways");
            assertThat(s.blocks())
                    .extracting(Block::kind)
                    .containsExactly(Block.Kind.PARAGRAPH, Block.Kind.BULLET, Block.Kind.BULLET, Block.Kind.QUOTE);
        });
        assertThat(audit()).contains(EDITOR + " KNOWLEDGE_EDITED section " + ARTICLE + "#key-takeaways");

        HttpResponse<String> empty = post(
                "/staff/knowledge/articles/" + ARTICLE + "/sections/key-takeaways",
                form("title", "Key takeaways", "text", "# Not a heading"));
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(text(empty.body()))
                .contains("The paragraph '# Not a heading' would be read back from the file as a heading")
                .contains("# Not a heading</textarea>");

        HttpResponse<String> cited =
                post("/staff/knowledge/articles/" + ARTICLE + "/sections/quick-insights/delete", Map.of());
        assertThat(cited.statusCode()).isEqualTo(422);
        assertThat(text(cited.body()))
                .contains(
                        "These FAQs name the section as their source; move or delete them first: What is kyphoplasty?");
        assertThat(section("quick-insights")).isNotNull();
    }

    @Test
    void refusesASafetyRuleThatWouldMatchEverythingWithTheFileAndLineAndKeepsTheEdit() throws Exception {
        String policy = live.get().files().files().get("policy.yml");
        assertThat(text(page("/staff/knowledge/files/safety-rules")))
                .contains("Contents of policy.yml")
                .contains(policy.lines()
                        .filter(l -> l.contains("leg* | feet"))
                        .findFirst()
                        .orElseThrow());
        String greedy = policy.replaceFirst(
                "      - leg\\* \\| feet", "      - what | how | why | kyphoplasty\n      - leg* | feet");

        HttpResponse<String> refused = post("/staff/knowledge/files/safety-rules", form("content", greedy));

        String page = text(refused.body());
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(page)
                .containsPattern("<li>policy\\.yml:\\d+: rule '[a-z-]+' would match everything")
                .containsPattern("Line \\d+ reads: ")
                .contains("      - what | how | why | kyphoplasty\n");
        assertThat(editor.hasChanges()).isFalse();

        HttpResponse<String> synonyms = post(
                "/staff/knowledge/files/synonyms",
                form("content", live.get().files().files().get("synonyms.txt") + "rfa, radiofrequency ablation\n"));

        assertThat(synonyms.statusCode()).isEqualTo(302);
        assertThat(editor.draftKnowledge().synonyms()).contains("rfa, radiofrequency ablation");
        assertThat(audit()).contains(EDITOR + " KNOWLEDGE_EDITED file synonyms.txt");
    }

    @Test
    void previewsAPastedArticleBeforeAddingItToTheDraft() throws Exception {
        String pasted = Files.readString(SAMPLE);

        HttpResponse<String> preview = post(
                "/staff/knowledge/import/preview",
                form("text", pasted, "source", "Practice website, Dec 2026", "reviewed", "2026-12-01", "id", ""));

        String page = text(preview.body());
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(page)
                .contains("<h2 id=\"article-title\">Radiofrequency Ablation for Chronic Joint Pain</h2>")
                .contains(
                        "<h4>What Is Radiofrequency Ablation?</h4>",
                        "<li>Adults with neck or back pain lasting longer than three months.</li>")
                .contains("3 FAQs found", "<dt>Does radiofrequency ablation hurt?</dt>", "Add to draft</button>");
        assertThat(editor.hasChanges()).as("nothing saved by a preview").isFalse();
        Map<String, String> carried = hiddenFields(preview.body());
        assertThat(carried).containsEntry("text", pasted).containsEntry("reviewed", "2026-12-01");

        assertThat(text(post("/staff/knowledge/import/edit", carried).body()))
                .contains("Chronic Joint Pain")
                .contains("value=\"2026-12-01\"");
        HttpResponse<String> added = post("/staff/knowledge/import", carried);

        assertThat(added.statusCode()).isEqualTo(302);
        String id = "radiofrequency-ablation-for-chronic-joint-pain";
        assertThat(editor.draftKnowledge().article(id))
                .hasValueSatisfying(a -> assertThat(a.source()).isEqualTo("Practice website, Dec 2026"));
        assertThat(editor.draftKnowledge().faqs())
                .filteredOn(f -> f.articleId().equals(id))
                .hasSize(3);
        assertThat(text(page("/staff/knowledge")))
                .contains("Added the article “Radiofrequency Ablation for Chronic Joint Pain” with 3 FAQs");
        assertThat(audit()).contains(EDITOR + " KNOWLEDGE_EDITED imported article " + id + " with 3 faqs");

        String again = text(post("/staff/knowledge/import/preview", carried).body());
        assertThat(again)
                .contains("An article with the id '" + id + "' is already in the knowledge base.")
                .doesNotContain("Add to draft</button>");
    }

    @Test
    void showsTheImportersProblemWithItsLineAndKeepsThePastedText() throws Exception {
        String pasted =
                "Title of an Article\n\nBy Jo Example, M.D.\nPain Medicine\n\nOverview\n\nA paragraph about the procedure.\n\n"
                        + "Frequently Asked Questions\n\nIs it safe?\n\nThis text is for educational purposes only.\n";

        HttpResponse<String> refused = post(
                "/staff/knowledge/import/preview", form("text", pasted, "source", "Website", "reviewed", "2026-12-01"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(text(refused.body()))
                .contains("<li>Line 12: the question 'Is it safe?' has no answer under it</li>")
                .contains("Line 12 reads: Is it safe?")
                .contains(">" + pasted + "</textarea>");

        String missing = text(post(
                        "/staff/knowledge/import/preview",
                        form("text", pasted, "source", " ", "reviewed", "soon", "id", "Bad Id"))
                .body());
        assertThat(missing)
                .contains(
                        "Say where the article was published",
                        "Give the date a clinician reviewed the article",
                        "An article id is lower-case letters, digits and '-', not 'Bad Id'.");
    }

    // ---- the editor's browser ----

    String page(String path) throws Exception {
        HttpResponse<String> response = staff.send(http.get(path), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    @Test
    void marksATranslationReviewedSoSpanishVisitorsAreAnsweredFromItOncePublishedAndWithdrawsIt(
            @Autowired AnswerEngine engine) throws Exception {
        String spanish = "¿cuánto tiempo dura el procedimiento de cifoplastia?";
        String overview = visible(page("/staff/knowledge"));
        assertThat(overview)
                .contains("How Kyphoplasty Helps Stabilize Compression Fractures (es) 12 of 12 sections, 37 of 37 FAQs"
                        + " Not reviewed: not served Mark reviewed");
        assertThat(engine.answerTranslated(spanish, "es", null)).isInstanceOf(Answer.Unknown.class);

        HttpResponse<String> reviewed =
                post("/staff/knowledge/translations/" + ARTICLE + "/es", form("action", "review"));

        assertThat(reviewed.statusCode()).isEqualTo(302);
        assertThat(visible(page("/staff/knowledge")))
                .contains("Marked the translation " + ARTICLE + ".es reviewed in the draft")
                .containsPattern(
                        "\\(es\\) 12 of 12 sections, 37 of 37 FAQs Reviewed 20\\d\\d-\\d\\d-\\d\\d Withdraw review");
        assertThat(audit()).contains(EDITOR + " KNOWLEDGE_EDITED reviewed: translation " + ARTICLE + ".es");
        // not served before it is published
        assertThat(engine.answerTranslated(spanish, "es", null)).isInstanceOf(Answer.Unknown.class);
        assertThat(publisher.publish(editor.draft().files(), EDITOR, "Spanish reviewed", false))
                .isInstanceOf(KnowledgePublisher.Outcome.Published.class);
        assertThat(engine.answerTranslated(spanish, "es", null))
                .isInstanceOfSatisfying(
                        Answer.Found.class, found -> assertThat(found.text()).contains("45 a 60 minutos"));

        assertThat(post("/staff/knowledge/translations/" + ARTICLE + "/es", form("action", "withdraw"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(visible(page("/staff/knowledge"))).contains("Not reviewed: not served Mark reviewed");
        assertThat(publisher.publish(editor.draft().files(), EDITOR, "Spanish withdrawn", false))
                .isInstanceOf(KnowledgePublisher.Outcome.Published.class);
        assertThat(engine.answerTranslated(spanish, "es", null)).isInstanceOf(Answer.Unknown.class);
        assertThat(post("/staff/knowledge/translations/no-such-article/es", form("action", "review"))
                        .statusCode())
                .isEqualTo(404);
    }

    HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
        String body = fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + StaffHttp.encode(e.getValue()))
                .collect(Collectors.joining("&", "", (fields.isEmpty() ? "" : "&") + "_csrf=" + csrf));
        return staff.send(http.post(path, body), HttpResponse.BodyHandlers.ofString());
    }

    static Map<String, String> form(String... namesAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    /** The page with Thymeleaf's escapes of quotes undone, to compare with the messages as written. */
    static String text(String html) {
        return html.replace("&#39;", "'").replace("&quot;", "\"");
    }

    /** The page's text as a reader sees it: no tags, spaces collapsed. */
    static String visible(String html) {
        return HtmlUtils.htmlUnescape(html.replaceAll("<[^>]+>", " "))
                .replaceAll("\\s+", " ")
                .replaceAll(" ([.,])", "$1");
    }

    static Map<String, String> hiddenFields(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher hidden = HIDDEN.matcher(html);
        while (hidden.find()) {
            if (!hidden.group(1).equals("_csrf")) {
                fields.put(hidden.group(1), HtmlUtils.htmlUnescape(hidden.group(2)));
            }
        }
        return fields;
    }

    Faq faq(String id) {
        return editor.draftKnowledge().faqs().stream()
                .filter(f -> f.id().equals(id))
                .findFirst()
                .orElse(null);
    }

    Section section(String anchor) {
        return editor.draftKnowledge().article(ARTICLE).orElseThrow().sections().stream()
                .filter(s -> s.anchor().equals(anchor))
                .findFirst()
                .orElse(null);
    }

    List<String> audit() {
        return jdbc.sql(
                        "select username || ' ' || action || ' ' || detail from audit_event where action = 'KNOWLEDGE_EDITED' order by at")
                .query(String.class)
                .list();
    }
}
