package com.clinicfaq.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicfaq.ApplicationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The console over real HTTP: login form with CSRF, roles, the queue, a transcript, the audit trail. */
@ApplicationTest
class StaffConsoleIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.security.provisioning.JdbcUserDetailsManager accounts;

    @Autowired
    org.springframework.security.crypto.password.PasswordEncoder encoder;

    private UUID handoff;

    @BeforeEach
    void aHandoffRequestWithAConversation() {
        UUID conversation = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("insert into conversation (id, started_at, last_activity_at, emergency) values (?, ?, ?, true)")
                .params(conversation, now, now)
                .update();
        jdbc.sql(
                        "insert into message (conversation_id, seq, sender, kind, text, sent_at) values (?, 1, 'VISITOR', 'message', ?, ?)")
                .params(conversation, "<script>alert('x')</script> i cant feel my legs", now)
                .update();
        jdbc.sql("""
                insert into message (conversation_id, seq, sender, kind, text, emergency, disclaimer, sent_at)
                values (?, 2, 'BOT', 'emergency', 'Call 911 now.', true, 'Not medical advice.', ?)""").params(conversation, now).update();
        handoff = UUID.randomUUID();
        jdbc.sql("""
                insert into handoff_request (id, conversation_id, name, phone, consent_contact, consent_share, emergency, status, created_at)
                values (?, ?, ?, '7075550100', true, true, true, 'NEW', ?)""").params(handoff, conversation, "<b>Bob</b>", now).update();
    }

    @Test
    void refusesStaffPagesWithoutALogin() throws Exception {
        HttpResponse<String> response = client().send(get("/staff/handoffs"), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void showsTheQueueAndATranscriptToAReviewerAndAuditsTheView() throws Exception {
        HttpClient staff = loggedIn("ada", "correct horse battery");

        String queue = staff.send(get("/staff/handoffs"), HttpResponse.BodyHandlers.ofString())
                .body();
        String page = staff.send(get("/staff/handoffs/" + handoff), HttpResponse.BodyHandlers.ofString())
                .body();

        assertThat(queue)
                .contains("&lt;b&gt;Bob&lt;/b&gt;")
                .contains("Emergency")
                .doesNotContain("<b>Bob</b>");
        assertThat(page)
                .contains("7075550100")
                .contains("Call 911 now.")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
                .doesNotContain("<script>alert");
        assertThat(jdbc.sql("select username || ':' || action from audit_event where handoff_id = ?")
                        .param(handoff)
                        .query(String.class)
                        .list())
                .contains("ada:VIEWED");
    }

    @Test
    void movesARequestForwardOnlyAndAuditsTheChange() throws Exception {
        HttpClient staff = loggedIn("ada", "correct horse battery");
        String csrf = csrf(staff.send(get("/staff/handoffs/" + handoff), HttpResponse.BodyHandlers.ofString())
                .body());

        staff.send(
                post("/staff/handoffs/" + handoff + "/status", "status=CLOSED&_csrf=" + csrf),
                HttpResponse.BodyHandlers.ofString());
        staff.send(
                post("/staff/handoffs/" + handoff + "/status", "status=NEW&_csrf=" + csrf),
                HttpResponse.BodyHandlers.ofString());

        assertThat(jdbc.sql("select status from handoff_request where id = ?")
                        .param(handoff)
                        .query(String.class)
                        .single())
                .isEqualTo("CLOSED");
        assertThat(jdbc.sql("select detail from audit_event where handoff_id = ? and action = 'STATUS_CHANGED'")
                        .param(handoff)
                        .query(String.class)
                        .list())
                .containsExactly("CLOSED");
    }

    @Test
    void refusesAChangeWithoutTheCsrfToken() throws Exception {
        HttpClient staff = loggedIn("ada", "correct horse battery");

        HttpResponse<String> response = staff.send(
                post("/staff/handoffs/" + handoff + "/status", "status=CLOSED"), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select status from handoff_request where id = ?")
                        .param(handoff)
                        .query(String.class)
                        .single())
                .isEqualTo("NEW");
    }

    @Test
    void keepsAStaffMemberWithoutTheReviewerRoleOutOfTheQueue() throws Exception {
        if (!accounts.userExists("eddie")) {
            accounts.createUser(org.springframework.security.core.userdetails.User.withUsername("eddie")
                    .password(encoder.encode("another good password"))
                    .roles("EDITOR")
                    .build());
        }
        HttpClient editor = loggedIn("eddie", "another good password");

        assertThat(editor.send(get("/staff/handoffs/" + handoff), HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void showsThatAVisitorWasAnsweredInSpanishSoStaffFollowUpInSpanish() throws Exception {
        UUID conversation = jdbc.sql("select conversation_id from handoff_request where id = ?")
                .param(handoff)
                .query(UUID.class)
                .single();
        jdbc.sql("""
                insert into message (conversation_id, seq, sender, kind, text, disclaimer, sent_at, language)
                values (?, 3, 'BOT', 'handoff.confirmed', 'Gracias. Recibimos su solicitud.', 'No es un consejo médico.', ?, 'es')""").params(conversation, Timestamp.from(Instant.now())).update();
        HttpClient staff = loggedIn("ada", "correct horse battery");

        String page = staff.send(get("/staff/handoffs/" + handoff), HttpResponse.BodyHandlers.ofString())
                .body();
        String export = staff.send(
                        get("/staff/handoffs/" + handoff + "/transcript.txt"), HttpResponse.BodyHandlers.ofString())
                .body();

        assertThat(page).contains("Spanish: the visitor was answered in Spanish; follow up in Spanish");
        assertThat(export).contains("Language: Spanish");
    }

    @Test
    void exportsTheTranscriptAsPlainTextAndAuditsTheExport() throws Exception {
        HttpClient staff = loggedIn("ada", "correct horse battery");

        HttpResponse<String> export =
                staff.send(get("/staff/handoffs/" + handoff + "/transcript.txt"), HttpResponse.BodyHandlers.ofString());

        assertThat(export.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(export.body()).contains("Name: <b>Bob</b>").contains("Bot (emergency, EMERGENCY): Call 911 now.");
        assertThat(jdbc.sql("select action from audit_event where handoff_id = ?")
                        .param(handoff)
                        .query(String.class)
                        .list())
                .contains("EXPORTED");
    }

    @Test
    void showsTheAuditLogToAdministratorsOnly() throws Exception {
        if (!accounts.userExists("rita")) {
            accounts.createUser(org.springframework.security.core.userdetails.User.withUsername("rita")
                    .password(encoder.encode("a reviewer password"))
                    .roles("REVIEWER")
                    .build());
        }
        HttpClient admin = loggedIn("ada", "correct horse battery");
        admin.send(get("/staff/handoffs/" + handoff), HttpResponse.BodyHandlers.ofString());

        HttpResponse<String> forAdmin = admin.send(get("/staff/admin/audit"), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> forReviewer = loggedIn("rita", "a reviewer password")
                .send(get("/staff/admin/audit"), HttpResponse.BodyHandlers.ofString());

        assertThat(forAdmin.statusCode()).isEqualTo(200);
        assertThat(forAdmin.body()).contains("VIEWED").contains(handoff.toString());
        assertThat(forReviewer.statusCode()).isEqualTo(403);
    }

    @Autowired
    com.clinicfaq.handoff.HandoffService handoffs;

    @Test
    void filtersTheQueueAndKeepsNotesAndTheAssigneeWithTheRequest() throws Exception {
        HttpClient staff = loggedIn("ada", "correct horse battery");
        String csrf = csrf(staff.send(get("/staff/handoffs/" + handoff), HttpResponse.BodyHandlers.ofString())
                .body());

        staff.send(
                post("/staff/handoffs/" + handoff + "/assign", "_csrf=" + csrf), HttpResponse.BodyHandlers.ofString());
        staff.send(
                post(
                        "/staff/handoffs/" + handoff + "/notes",
                        "text=" + StaffHttp.encode("Called back, left a voicemail <i>") + "&_csrf=" + csrf),
                HttpResponse.BodyHandlers.ofString());
        String page = staff.send(get("/staff/handoffs/" + handoff), HttpResponse.BodyHandlers.ofString())
                .body();

        assertThat(page).contains("Called back, left a voicemail &lt;i&gt;").contains("<dd>ada</dd>");
        assertThat(staff.send(get("/staff/handoffs?q=bob&status=NEW"), HttpResponse.BodyHandlers.ofString())
                        .body())
                .contains("/staff/handoffs/" + handoff);
        assertThat(staff.send(get("/staff/handoffs?q=nobody-by-this-name"), HttpResponse.BodyHandlers.ofString())
                        .body())
                .doesNotContain("/staff/handoffs/" + handoff);
        assertThat(staff.send(get("/staff/handoffs?status=CLOSED"), HttpResponse.BodyHandlers.ofString())
                        .body())
                .doesNotContain("/staff/handoffs/" + handoff);
        assertThat(jdbc.sql("select action from audit_event where handoff_id = ?")
                        .param(handoff)
                        .query(String.class)
                        .list())
                .contains("ASSIGNED", "NOTE_ADDED");
    }

    @Test
    void announcesANewRequestToAnOpenConsoleAtOnce() throws Exception {
        HttpClient staff = loggedIn("ada", "correct horse battery");
        java.util.concurrent.BlockingQueue<String> lines = new java.util.concurrent.LinkedBlockingQueue<>();
        staff.sendAsync(get("/staff/handoffs/events"), HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> response.body().forEach(lines::add));
        assertThat(lines.poll(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("event:ready");

        UUID conversation = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("insert into conversation (id, started_at, last_activity_at) values (?, ?, ?)")
                .params(conversation, now, now)
                .update();
        var stored = (com.clinicfaq.handoff.HandoffService.Result.Stored) handoffs.submit(
                conversation,
                new com.clinicfaq.handoff.HandoffSubmission("Live Lou", "7075550142", "", "", "", true, true),
                false);

        String event = null;
        long deadline = System.currentTimeMillis() + 30_000; // "at once": well within, on a busy machine
        while (System.currentTimeMillis() < deadline) {
            String line = lines.poll(1, java.util.concurrent.TimeUnit.SECONDS);
            if (line != null
                    && line.startsWith("data:")
                    && line.contains(stored.handoffId().toString())) {
                event = line;
                break;
            }
        }
        staff.shutdownNow(); // ends the event stream
        assertThat(event)
                .as("an event naming the new request")
                .isNotNull()
                .doesNotContain("Live Lou")
                .doesNotContain("7075550142");
    }

    @Test
    void refusesAWrongPassword() throws Exception {
        HttpClient client = client();
        String csrf = csrf(
                client.send(get("/login"), HttpResponse.BodyHandlers.ofString()).body());

        HttpResponse<String> response = client.send(
                post("/login", "username=ada&password=wrong&_csrf=" + csrf), HttpResponse.BodyHandlers.ofString());

        assertThat(response.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).contains("/login?error"));
        String page = client.send(get("/login?error"), HttpResponse.BodyHandlers.ofString())
                .body();
        assertThat(page).contains("ClinicFAQ staff console", "The username or password is not right");
    }

    @Test
    void theLoginPageIsTheConsolesOwnAndAnswersHeadLikeGet() throws Exception {
        HttpClient client = client();

        HttpResponse<String> page = client.send(get("/login"), HttpResponse.BodyHandlers.ofString());
        HttpResponse<Void> head = client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        HttpResponse<String> blocked = client.send(get("/login?error=blocked"), HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains(
                        "<title>Log in · ClinicFAQ staff</title>",
                        "id=\"username\"",
                        "id=\"password\"",
                        "name=\"_csrf\"")
                .doesNotContain("not right");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(blocked.body()).contains("Too many failed attempts");
    }

    private HttpClient loggedIn(String username, String password) throws Exception {
        return http().loggedIn(username, password);
    }

    private StaffHttp http() {
        return new StaffHttp(port);
    }

    private static HttpClient client() {
        return StaffHttp.client();
    }

    private HttpRequest get(String path) {
        return http().get(path);
    }

    private HttpRequest post(String path, String form) {
        return http().post(path, form);
    }

    private static String csrf(String html) {
        return StaffHttp.csrf(html);
    }
}
