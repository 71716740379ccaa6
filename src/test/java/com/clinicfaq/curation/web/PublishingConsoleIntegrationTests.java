package com.clinicfaq.curation.web;

import static com.clinicfaq.curation.web.KnowledgeConsole.ADMIN;
import static com.clinicfaq.curation.web.KnowledgeConsole.ADMIN_PASSWORD;
import static com.clinicfaq.curation.web.KnowledgeConsole.EDITOR;
import static com.clinicfaq.curation.web.KnowledgeConsole.EDITOR_PASSWORD;
import static com.clinicfaq.curation.web.KnowledgeConsole.MISSED;
import static com.clinicfaq.curation.web.KnowledgeConsole.RIGHT;
import static com.clinicfaq.curation.web.KnowledgeConsole.addedLines;
import static com.clinicfaq.curation.web.KnowledgeConsole.page;
import static com.clinicfaq.curation.web.KnowledgeConsole.removedLines;
import static com.clinicfaq.curation.web.KnowledgeConsole.send;
import static com.clinicfaq.staff.StaffHttp.csrf;
import static com.clinicfaq.staff.StaffHttp.encode;
import static org.assertj.core.api.Assertions.assertThat;

import com.clinicfaq.curation.KnowledgeEditor;
import com.clinicfaq.curation.KnowledgeEditor.Change;
import com.clinicfaq.curation.KnowledgeFiles;
import com.clinicfaq.curation.KnowledgePublisher;
import com.clinicfaq.curation.KnowledgeVersions;
import com.clinicfaq.policy.Decision;
import com.clinicfaq.staff.StaffHttp;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Publishing the draft and restoring versions over HTTP, as editors and administrators do in the console. */
class PublishingConsoleIntegrationTests extends KnowledgeConsole {

    static final String DURATION =
            "The entire procedure typically takes 45 to 60 minutes, and most patients go home the same day.";
    static final String DRIVE_HOME = " Please bring someone to drive you home.";
    private static final Pattern DRAFT_HASH = Pattern.compile("name=\"draft\" value=\"([0-9a-f]+)\"");

    @Autowired
    KnowledgeVersions versions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void showsWhatTheDraftChangesThenPublishesItWithTheSafetyNetsFiguresAndAuditsIt() throws Exception {
        editor.apply(new Change.AddPhrasing("activity-after", MISSED), EDITOR);
        HttpClient edith = http.loggedIn(EDITOR, EDITOR_PASSWORD);

        String before = page(edith, http, "/staff/knowledge/publish");

        assertThat(addedLines(before)).contains("? " + MISSED);
        assertThat(removedLines(before)).doesNotContain("? " + MISSED);
        assertThat(before).contains("faqs/kyphoplasty-compression-fractures.md").doesNotContain("Publish anyway");

        HttpResponse<String> published = send(
                edith,
                http.post(
                        "/staff/knowledge/publish",
                        "draft=" + draftHash(before) + "&comment=" + encode("Back on my feet") + "&_csrf="
                                + csrf(before)));

        long version = live.version();
        assertThat(published.statusCode()).isEqualTo(200);
        assertThat(version).isGreaterThan(originalVersion);
        assertThat(published.body())
                .contains("Published: version " + version + " is live", "Safety cases: ", "top-1 accuracy")
                .contains("there is nothing to publish");
        assertThat(answerText(MISSED)).contains(RIGHT);
        assertThat(versions.find(version).orElseThrow().comment()).isEqualTo("Back on my feet");
        assertThat(audit("KNOWLEDGE_PUBLISHED")).containsExactly(EDITOR + ": version " + version + ": Back on my feet");
        assertThat(editor.hasChanges()).isFalse();
    }

    @Test
    void refusesAHarmfulChangeWithTheFailingCasesAndOnlyAnAdministratorWithAReasonPublishesItAnyway() throws Exception {
        String policy = originalFiles.files().get("policy.yml");
        String withoutLegWeakness = policy.replaceAll("(?s)  - id: leg-numbness-or-weakness\n.*?(?=  - id: )", "");
        assertThat(editor.apply(new Change.SaveFile("policy.yml", withoutLegWeakness), EDITOR))
                .isInstanceOf(KnowledgeEditor.Edited.Saved.class);
        HttpClient edith = http.loggedIn(EDITOR, EDITOR_PASSWORD);
        String page = page(edith, http, "/staff/knowledge/publish");
        String form = "draft=" + draftHash(page) + "&comment=" + encode("Fewer rules") + "&_csrf=" + csrf(page);

        HttpResponse<String> refused = send(edith, http.post("/staff/knowledge/publish", form));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains(
                        "Not published: the change fails the safety net",
                        "Failing checks",
                        "emergency case",
                        "emergency/leg-numbness-or-weakness",
                        "Safety cases: ");
        assertThat(live.version()).isEqualTo(originalVersion);
        assertThat(live.policy().decide("i cant feel my legs")).isInstanceOf(Decision.Emergency.class);

        HttpResponse<String> forged = send(
                edith, http.post("/staff/knowledge/publish", form + "&override=true&reason=" + encode("I say so")));

        assertThat(forged.statusCode())
                .as("an editor who is not an administrator forging the override")
                .isEqualTo(403);
        assertThat(live.version()).isEqualTo(originalVersion);

        HttpClient ada = http.loggedIn(ADMIN, ADMIN_PASSWORD);
        String adminPage = page(ada, http, "/staff/knowledge/publish");
        assertThat(adminPage).contains("Publish anyway");
        String adminForm =
                "draft=" + draftHash(adminPage) + "&comment=" + encode("Fewer rules") + "&_csrf=" + csrf(adminPage);
        assertThat(send(ada, http.post("/staff/knowledge/publish", adminForm + "&override=true"))
                        .body())
                .as("without a reason")
                .contains("give the reason");
        assertThat(live.version()).isEqualTo(originalVersion);

        HttpResponse<String> overridden = send(
                ada,
                http.post(
                        "/staff/knowledge/publish",
                        adminForm + "&override=true&reason=" + encode("The rule moves to a new file tomorrow")));

        long version = live.version();
        assertThat(overridden.statusCode()).isEqualTo(200);
        assertThat(overridden.body())
                .contains("Published: version " + version + " is live", "Published over failing checks");
        assertThat(versions.find(version).orElseThrow().overridden()).isTrue();
        assertThat(audit("KNOWLEDGE_OVERRIDE"))
                .containsExactly(ADMIN + ": version " + version + ": The rule moves to a new file tomorrow");
        assertThat(audit("KNOWLEDGE_PUBLISHED")).containsExactly(ADMIN + ": version " + version + ": Fewer rules");
    }

    @Test
    void refusesToPublishADraftThatChangedSinceItWasShownAndDiscardsTheDraft() throws Exception {
        editor.apply(new Change.AddPhrasing("activity-after", MISSED), EDITOR);
        HttpClient edith = http.loggedIn(EDITOR, EDITOR_PASSWORD);
        String page = page(edith, http, "/staff/knowledge/publish");
        editor.apply(new Change.AddPhrasing("activity-after", "when can i go for a walk"), "someone else");

        HttpResponse<String> stale = send(
                edith,
                http.post(
                        "/staff/knowledge/publish",
                        "draft=" + draftHash(page) + "&comment=" + encode("Back on my feet") + "&_csrf=" + csrf(page)));

        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("The draft changed since the page was shown");
        assertThat(addedLines(stale.body())).contains("? " + MISSED, "? when can i go for a walk");
        assertThat(live.version()).isEqualTo(originalVersion);

        HttpResponse<String> discarded = send(edith, http.post("/staff/knowledge/discard", "_csrf=" + csrf(page)));

        assertThat(discarded.statusCode()).isEqualTo(302);
        assertThat(editor.hasChanges()).isFalse();
        assertThat(page(edith, http, "/staff/knowledge/publish"))
                .contains("The draft was discarded.", "there is nothing to publish");
    }

    @Test
    void listsTheVersionsShowsWhatOneChangedAndRestoresAnEarlierOneInOneStep() throws Exception {
        String path = originalFiles.files().entrySet().stream()
                .filter(f -> f.getValue().contains(DURATION))
                .findFirst()
                .orElseThrow()
                .getKey();
        KnowledgeFiles changed =
                originalFiles.with(path, originalFiles.files().get(path).replace(DURATION, DURATION + DRIVE_HOME));
        var outcome =
                (KnowledgePublisher.Outcome.Published) publisher.publish(changed, EDITOR, "Who drives home", false);
        long changedVersion = outcome.version().id();
        HttpClient edith = http.loggedIn(EDITOR, EDITOR_PASSWORD);

        String list = page(edith, http, "/staff/knowledge/versions");

        assertThat(row(list, changedVersion)).contains("Who drives home", EDITOR, "Live");
        assertThat(row(list, originalVersion)).doesNotContain("Live");

        String version = page(edith, http, "/staff/knowledge/versions/" + changedVersion);

        assertThat(version).contains("What it changed from version " + originalVersion);
        assertThat(addedLines(version)).singleElement().asString().contains(DRIVE_HOME.strip());
        assertThat(removedLines(version))
                .singleElement()
                .asString()
                .contains(DURATION)
                .doesNotContain(DRIVE_HOME.strip());
        assertThat(version).contains("This version is live.").doesNotContain("Restore version " + changedVersion);

        String original = page(edith, http, "/staff/knowledge/versions/" + originalVersion);
        assertThat(send(
                                edith,
                                http.post(
                                        "/staff/knowledge/versions/" + originalVersion + "/restore",
                                        "override=true&reason=x&_csrf=" + csrf(original)))
                        .statusCode())
                .as("a forged override")
                .isEqualTo(403);

        HttpResponse<String> restored = send(
                edith,
                http.post("/staff/knowledge/versions/" + originalVersion + "/restore", "_csrf=" + csrf(original)));

        long restoring = live.version();
        assertThat(restored.statusCode()).isEqualTo(200);
        assertThat(restored.body())
                .contains("Published: version " + restoring + " is live", "It restores version " + originalVersion);
        assertThat(live.get().files()).isEqualTo(originalFiles);
        assertThat(answerText("how long does the procedure take"))
                .contains("45 to 60 minutes")
                .doesNotContain("drive you home");
        assertThat(audit("KNOWLEDGE_RESTORED"))
                .containsExactly(EDITOR + ": version " + restoring + " restores version " + originalVersion);
        assertThat(row(page(edith, http, "/staff/knowledge/versions"), restoring))
                .contains("version " + originalVersion, "Live");
    }

    @Test
    void keepsTheConsolesPagesFromStaffWithoutTheEditorRole() throws Exception {
        HttpClient anonymous = StaffHttp.client();
        for (String path : List.of(
                "/staff/knowledge/publish",
                "/staff/knowledge/versions",
                "/staff/knowledge/try?q=hi",
                "/staff/knowledge/export",
                "/staff/knowledge/import-files")) {
            HttpResponse<String> response = send(anonymous, http.get(path));
            assertThat(response.statusCode()).as(path).isEqualTo(302);
            assertThat(response.headers().firstValue("Location"))
                    .as(path)
                    .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        }
    }

    static String draftHash(String page) {
        Matcher matcher = DRAFT_HASH.matcher(page);
        assertThat(matcher.find()).as("the draft's hash in the form").isTrue();
        return matcher.group(1);
    }

    /** A version's row in the list, as text. */
    static String row(String list, long version) {
        Matcher matcher = Pattern.compile("(?s)<tr[^>]*id=\"version-" + version + "\"[^>]*>(.*?)</tr>")
                .matcher(list);
        assertThat(matcher.find()).as("version " + version + " in the list").isTrue();
        return matcher.group(1).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
    }

    /** This test's entries of an action, as "user: detail". */
    List<String> audit(String action) {
        return jdbc
                .sql(
                        "select username || ': ' || detail from audit_event where action = ? and detail like ? order by at")
                .params(action, "version %")
                .query(String.class)
                .list()
                .stream()
                .filter(entry -> versionOf(entry) > originalVersion)
                .toList();
    }

    private static long versionOf(String entry) {
        Matcher matcher = Pattern.compile("version (\\d+)").matcher(entry);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }
}
