package com.clinicfaq.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicfaq.ApplicationTest;
import com.clinicfaq.conversation.web.ChatClient;
import com.clinicfaq.curation.LiveKnowledge;
import com.clinicfaq.curation.MissedQuestions;
import com.clinicfaq.policy.Decision;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;

/**
 * Safety misses (issue #20) over real HTTP: a visitor's message the bot did not treat as urgent when it was sent, which
 * the safety rules in force now do, or which staff marked as a missed emergency from a transcript (an administrator's, or
 * a reviewer's of a handoff request), is listed for administrators' clinical review with the rule or who marked it and
 * its transcript, the message highlighted there, and never among the editors' unanswered questions; an ordinary
 * unanswered question stays with the editors.
 */
@ApplicationTest
class SafetyReviewIntegrationTests {

    static final String ADMIN = "ada";
    static final String ADMIN_PASSWORD = "correct horse battery";
    static final String EDITOR = "eliot";
    static final String EDITOR_PASSWORD = "an editor who is not an admin";
    static final String REVIEWER = "rhea";
    static final String REVIEWER_PASSWORD = "a reviewer who is not an admin";
    static final String PAGE = "/staff/admin/safety-review";

    /** Suicidal thinking, as a visitor might put it, that an earlier version of the rules answered as an unknown question. */
    static final String MISSED_EMERGENCY = "lately i keep thinking i would be better off dead";

    static final String ORDINARY = "do you validate parking for the garage across the street";
    /** A message no safety rule catches that staff judge an emergency the bot missed. */
    static final String STAFF_JUDGED = "i have not peed since yesterday morning";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LiveKnowledge live;

    @Autowired
    MissedQuestions missedQuestions;

    UUID emergencyConversation;
    UUID staffJudgedConversation;

    @BeforeEach
    void conversationsAndAnEditor(@Autowired JdbcUserDetailsManager accounts, @Autowired PasswordEncoder encoder) {
        if (!accounts.userExists(EDITOR)) {
            accounts.createUser(User.withUsername(EDITOR)
                    .password(encoder.encode(EDITOR_PASSWORD))
                    .roles(StaffSecurityConfiguration.EDITOR)
                    .build());
        }
        if (!accounts.userExists(REVIEWER)) {
            accounts.createUser(User.withUsername(REVIEWER)
                    .password(encoder.encode(REVIEWER_PASSWORD))
                    .roles(StaffSecurityConfiguration.REVIEWER)
                    .build());
        }
        emergencyConversation = conversationAnsweredUnknown(
                jdbc, MISSED_EMERGENCY, Instant.now().minus(2, ChronoUnit.HOURS));
        conversationAnsweredUnknown(jdbc, ORDINARY, Instant.now().minus(1, ChronoUnit.HOURS));
        staffJudgedConversation =
                conversationAnsweredUnknown(jdbc, STAFF_JUDGED, Instant.now().minus(30, ChronoUnit.MINUTES));
    }

    /** A conversation whose visitor said {@code text} and got the bot's ordinary "I don't know". */
    static UUID conversationAnsweredUnknown(JdbcClient jdbc, String text, Instant at) {
        UUID conversation = UUID.randomUUID();
        Timestamp sent = Timestamp.from(at);
        jdbc.sql("insert into conversation (id, started_at, last_activity_at) values (?, ?, ?)")
                .params(conversation, sent, sent)
                .update();
        jdbc.sql(
                        "insert into message (conversation_id, seq, sender, kind, text, sent_at) values (?, 1, 'VISITOR', 'message', ?, ?)")
                .params(conversation, text, sent)
                .update();
        jdbc.sql("""
                insert into message (conversation_id, seq, sender, kind, text, confidence, disclaimer, sent_at)
                values (?, 2, 'BOT', 'unknown', 'Sorry, I do not have an answer to that.', 0.1, 'Not medical advice.', ?)""").params(conversation, sent).update();
        return conversation;
    }

    @Test
    void aMessageTheRulesNowCatchIsForSafetyReviewWithItsRuleAndTranscriptNeverAnUnansweredQuestion() throws Exception {
        assertThat(live.policy().decide(MISSED_EMERGENCY))
                .as("the rules in force catch it now")
                .isInstanceOf(Decision.Emergency.class);
        Decision.Emergency rule = (Decision.Emergency) live.policy().decide(MISSED_EMERGENCY);
        // a day either side of now: the message was sent two hours ago, which after midnight is yesterday
        assertThat(missedQuestions.between(
                        Timestamp.from(Instant.now().minus(1, ChronoUnit.DAYS)),
                        Timestamp.from(Instant.now().plus(1, ChronoUnit.DAYS)),
                        false))
                .as("stored as an unknown question, it counts as missed")
                .anySatisfy(m -> assertThat(m.text()).isEqualTo(MISSED_EMERGENCY));
        HttpClient admin = new StaffHttp(port).loggedIn(ADMIN, ADMIN_PASSWORD);

        String page = get(admin, PAGE);

        String row = row(page, MISSED_EMERGENCY);
        assertThat(row)
                .contains(rule.title(), "/staff/admin/conversations/" + emergencyConversation + "?message=1#message-1");
        assertThat(page)
                .as("the navigation highlights it")
                .containsPattern("Safety review <span class=\"badge\">[1-9][0-9]*</span>");
        assertThat(page).doesNotContain(ORDINARY);

        HttpResponse<String> transcript = admin.send(
                new StaffHttp(port).get("/staff/admin/conversations/" + emergencyConversation),
                HttpResponse.BodyHandlers.ofString());
        assertThat(transcript.statusCode()).isEqualTo(200);
        assertThat(transcript.body()).contains(MISSED_EMERGENCY, "Sorry, I do not have an answer to that.");
        assertThat(message(transcript.body(), 1))
                .as("no message highlighted without asking")
                .doesNotContain("highlighted");
        String highlighted = get(admin, "/staff/admin/conversations/" + emergencyConversation + "?message=1");
        assertThat(message(highlighted, 1))
                .as("the message the safety review links, highlighted")
                .contains(
                        "class=\"message visitor highlighted\"",
                        "aria-current=\"true\"",
                        "<mark>" + MISSED_EMERGENCY + "</mark>",
                        "The message this page was opened at");
        assertThat(message(highlighted, 2)).doesNotContain("highlighted", "aria-current", "<mark>");
        assertThat(jdbc.sql("select detail from audit_event where username = ? and action = 'TRANSCRIPT_VIEWED'")
                        .param(ADMIN)
                        .query(String.class)
                        .list())
                .anySatisfy(detail -> assertThat(detail).contains(emergencyConversation.toString()))
                .allSatisfy(detail -> assertThat(detail).doesNotContain("dead"));
    }

    @Test
    void anAdministratorMarksAMessageAsAMissedEmergencyFromItsTranscriptAndItLeavesTheEditorsForTheSafetyReview()
            throws Exception {
        assertThat(live.policy().decide(STAFF_JUDGED))
                .as("no rule catches it")
                .isNotInstanceOf(Decision.Emergency.class);
        HttpClient editor = new StaffHttp(port).loggedIn(EDITOR, EDITOR_PASSWORD);
        assertThat(get(editor, "/staff/knowledge/unanswered"))
                .as("an ordinary unanswered question, until marked")
                .contains(STAFF_JUDGED);
        HttpClient admin = new StaffHttp(port).loggedIn(ADMIN, ADMIN_PASSWORD);
        String conversation = "/staff/admin/conversations/" + staffJudgedConversation;
        String transcript = get(admin, conversation);
        assertThat(message(transcript, 1))
                .contains("action=\"" + conversation + "/messages/1/missed-emergency\"", "Flag as a missed emergency");
        assertThat(message(transcript, 2))
                .as("only a visitor's message is marked")
                .doesNotContain("missed-emergency");

        HttpResponse<String> marked =
                post(admin, conversation + "/messages/1/missed-emergency", "_csrf=" + StaffHttp.csrf(transcript));

        assertThat(marked.statusCode()).isEqualTo(302);
        assertThat(location(marked)).isEqualTo(conversation + "?message=1#message-1");
        String after = get(admin, conversation + "?message=1");
        assertThat(after).contains("Flagged as a missed emergency: it is listed on the safety review.");
        assertThat(message(after, 1))
                .contains(
                        "aria-current=\"true\"",
                        "<mark>" + STAFF_JUDGED + "</mark>",
                        "Flagged as a missed emergency by " + ADMIN,
                        "/messages/1/missed-emergency/remove",
                        "Remove the flag");
        String row = row(get(admin, PAGE), STAFF_JUDGED);
        assertThat(row).contains("Flagged as a missed emergency by " + ADMIN, conversation + "?message=1#message-1");
        assertThat(get(editor, "/staff/knowledge/unanswered"))
                .as("not an ordinary question any more")
                .doesNotContain(STAFF_JUDGED);
        assertThat(audited(ADMIN, "MISSED_EMERGENCY_MARKED"))
                .singleElement()
                .asString()
                .contains(staffJudgedConversation.toString(), "message 1")
                .doesNotContain("peed", "morning");

        HttpResponse<String> removed =
                post(admin, conversation + "/messages/1/missed-emergency/remove", "_csrf=" + StaffHttp.csrf(after));

        assertThat(location(removed)).isEqualTo(conversation + "?message=1#message-1");
        assertThat(get(admin, PAGE)).doesNotContain(STAFF_JUDGED);
        assertThat(get(editor, "/staff/knowledge/unanswered")).contains(STAFF_JUDGED);
        assertThat(audited(ADMIN, "MISSED_EMERGENCY_UNMARKED"))
                .singleElement()
                .asString()
                .contains(staffJudgedConversation.toString());
        assertThat(post(admin, conversation + "/messages/2/missed-emergency", "_csrf=" + StaffHttp.csrf(after))
                        .statusCode())
                .as("the bot's message")
                .isEqualTo(404);
    }

    @Test
    void aMessageTheBotAnsweredWithUrgentGuidanceIsNoMissedEmergency() throws Exception {
        UUID conversation = conversationAnsweredUnknown(jdbc, "i cannot feel my legs at all", Instant.now());
        jdbc.sql("update message set kind = 'emergency', emergency = true where conversation_id = ? and seq = 2")
                .param(conversation)
                .update();
        HttpClient admin = new StaffHttp(port).loggedIn(ADMIN, ADMIN_PASSWORD);
        String transcript = get(admin, "/staff/admin/conversations/" + conversation);

        assertThat(message(transcript, 1)).doesNotContain("missed-emergency");
        assertThat(post(
                                admin,
                                "/staff/admin/conversations/" + conversation + "/messages/1/missed-emergency",
                                "_csrf=" + StaffHttp.csrf(transcript))
                        .statusCode())
                .isEqualTo(409);
    }

    @Test
    void aReviewerMarksAMessageInAHandoffRequestsTranscriptForTheAdministratorsSafetyReview() throws Exception {
        String worrying = "i have not been able to keep any food or water down since the procedure";
        assertThat(live.policy().decide(worrying)).as("no rule catches it").isNotInstanceOf(Decision.Emergency.class);
        UUID handoff;
        int seq;
        try (ChatClient chat = ChatClient.connect(port)) {
            UUID conversation = UUID.fromString(chat.awaitConversationId());
            String id = chat.say(worrying);
            seq = chat.await(f -> f.path("type").asString().equals("ack")
                            && f.path("id").asString().equals(id))
                    .path("seq")
                    .intValue();
            chat.say("can i talk to a person");
            chat.awaitBot("handoff.form");
            chat.submitHandoff("Hal Moss", "707 555 0111");
            handoff = jdbc.sql("select id from handoff_request where conversation_id = ?")
                    .param(conversation)
                    .query(UUID.class)
                    .single();
        }
        HttpClient reviewer = new StaffHttp(port).loggedIn(REVIEWER, REVIEWER_PASSWORD);
        String request = "/staff/handoffs/" + handoff;
        String page = get(reviewer, request);
        assertThat(message(page, seq)).contains("action=\"" + request + "/messages/" + seq + "/missed-emergency\"");

        HttpResponse<String> marked =
                post(reviewer, request + "/messages/" + seq + "/missed-emergency", "_csrf=" + StaffHttp.csrf(page));

        assertThat(location(marked)).isEqualTo(request + "?message=" + seq + "#message-" + seq);
        String after = get(reviewer, request + "?message=" + seq);
        assertThat(after)
                .contains(
                        "Flagged as a missed emergency: administrators review it on the safety review.",
                        REVIEWER + " MISSED_EMERGENCY_MARKED Message " + seq);
        assertThat(message(after, seq))
                .contains("aria-current=\"true\"", "Flagged as a missed emergency by " + REVIEWER);
        String row = row(get(new StaffHttp(port).loggedIn(ADMIN, ADMIN_PASSWORD), PAGE), worrying);
        assertThat(row).contains("Flagged as a missed emergency by " + REVIEWER);

        HttpClient editor = new StaffHttp(port).loggedIn(EDITOR, EDITOR_PASSWORD);
        String csrf = StaffHttp.csrf(get(editor, "/staff/knowledge/unanswered"));
        assertThat(post(editor, request + "/messages/" + seq + "/missed-emergency/remove", "_csrf=" + csrf)
                        .statusCode())
                .as("an editor marks nothing")
                .isEqualTo(403);
        assertThat(post(
                                editor,
                                "/staff/admin/conversations/" + staffJudgedConversation
                                        + "/messages/1/missed-emergency",
                                "_csrf=" + csrf)
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void aMessageWhoseTurnFailedThatTheRulesCatchIsForSafetyReviewNotTheEditors() throws Exception {
        String failed = "i took all of my sleeping pills an hour ago";
        assertThat(live.policy().decide(failed)).isInstanceOf(Decision.Emergency.class);
        jdbc.sql(
                        "insert into failed_turn (conversation_id, client_id, text, error, failed_at) values (?, 'c-1', ?, 'IllegalStateException', ?)")
                .params(UUID.randomUUID(), failed, Timestamp.from(Instant.now()))
                .update();

        String row = row(get(new StaffHttp(port).loggedIn(ADMIN, ADMIN_PASSWORD), PAGE), failed);

        assertThat(row)
                .contains(
                        ((Decision.Emergency) live.policy().decide(failed)).title(),
                        "The turn failed with an error",
                        "It was the conversation's first message")
                .doesNotContain("/staff/admin/conversations/");
        assertThat(get(new StaffHttp(port).loggedIn(EDITOR, EDITOR_PASSWORD), "/staff/knowledge/unanswered"))
                .doesNotContain(failed);
    }

    @Test
    void theEditorsUnansweredQuestionsKeepTheOrdinaryQuestionButNotTheMissedEmergency() throws Exception {
        HttpClient editor = new StaffHttp(port).loggedIn(EDITOR, EDITOR_PASSWORD);

        String unanswered = get(editor, "/staff/knowledge/unanswered");

        assertThat(unanswered)
                .contains(ORDINARY)
                .doesNotContain(MISSED_EMERGENCY)
                .doesNotContain("better off dead");
        assertThat(unanswered).as("no safety review for an editor").doesNotContain(PAGE);
    }

    @Test
    void anEditorWhoIsNotAnAdministratorIsRefusedTheSafetyReviewAndItsTranscripts() throws Exception {
        HttpClient editor = new StaffHttp(port).loggedIn(EDITOR, EDITOR_PASSWORD);

        assertThat(status(editor, PAGE)).isEqualTo(403);
        assertThat(status(editor, "/staff/admin/conversations/" + emergencyConversation))
                .isEqualTo(403);
    }

    @Test
    void aConversationThatIsNotStoredIsNotFound() throws Exception {
        HttpClient admin = new StaffHttp(port).loggedIn(ADMIN, ADMIN_PASSWORD);

        assertThat(status(admin, "/staff/admin/conversations/" + UUID.randomUUID()))
                .isEqualTo(404);
    }

    private String get(HttpClient client, String path) throws Exception {
        HttpResponse<String> response =
                client.send(new StaffHttp(port).get(path), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private HttpResponse<String> post(HttpClient client, String path, String form) throws Exception {
        return client.send(new StaffHttp(port).post(path, form), HttpResponse.BodyHandlers.ofString());
    }

    private static String location(HttpResponse<?> response) {
        java.net.URI uri =
                java.net.URI.create(response.headers().firstValue("Location").orElseThrow());
        return uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
    }

    private java.util.List<String> audited(String username, String action) {
        return jdbc.sql("select detail from audit_event where username = ? and action = ?")
                .params(username, action)
                .query(String.class)
                .list();
    }

    /** The transcript's message {@code seq}, as HTML. */
    private static String message(String page, int seq) {
        int at = page.indexOf(" id=\"message-" + seq + "\"");
        assertThat(at).as("message " + seq).isNotNegative();
        int start = page.lastIndexOf("<div", at);
        int next = page.indexOf("<div class=\"message", at);
        return page.substring(start, next < 0 ? page.indexOf("</section>", at) : next);
    }

    private int status(HttpClient client, String path) throws Exception {
        return client.send(new StaffHttp(port).get(path), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    /** The table row that lists {@code text}. */
    private static String row(String page, String text) {
        int at = page.indexOf(text);
        assertThat(at).as("listed: " + text).isNotNegative();
        return page.substring(page.lastIndexOf("<tr", at), page.indexOf("</tr>", at));
    }
}
