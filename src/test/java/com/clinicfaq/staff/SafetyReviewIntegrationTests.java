package com.clinicfaq.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicfaq.curation.LiveKnowledge;
import com.clinicfaq.curation.MissedQuestions;
import com.clinicfaq.policy.Decision;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;

/**
 * Safety misses (issue #20) over real HTTP: a visitor's message the bot did not treat as urgent when it was sent, which
 * the safety rules in force now do, is listed for administrators' clinical review with the rule and its transcript, and
 * never among the editors' unanswered questions; an ordinary unanswered question stays with the editors.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"clinicfaq.staff.admin.username=ada", "clinicfaq.staff.admin.password=correct horse battery"})
class SafetyReviewIntegrationTests {

    static final String ADMIN = "ada";
    static final String ADMIN_PASSWORD = "correct horse battery";
    static final String EDITOR = "eliot";
    static final String EDITOR_PASSWORD = "an editor who is not an admin";
    static final String PAGE = "/staff/admin/safety-review";

    /** Suicidal thinking, as a visitor might put it, that an earlier version of the rules answered as an unknown question. */
    static final String MISSED_EMERGENCY = "lately i keep thinking i would be better off dead";
    static final String ORDINARY = "do you validate parking for the garage across the street";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LiveKnowledge live;

    @Autowired
    MissedQuestions missedQuestions;

    UUID emergencyConversation;

    @BeforeEach
    void conversationsAndAnEditor(@Autowired JdbcUserDetailsManager accounts, @Autowired PasswordEncoder encoder) {
        if (!accounts.userExists(EDITOR)) {
            accounts.createUser(User.withUsername(EDITOR).password(encoder.encode(EDITOR_PASSWORD))
                    .roles(StaffSecurityConfiguration.EDITOR).build());
        }
        emergencyConversation = conversationAnsweredUnknown(jdbc, MISSED_EMERGENCY, Instant.now().minus(2, ChronoUnit.HOURS));
        conversationAnsweredUnknown(jdbc, ORDINARY, Instant.now().minus(1, ChronoUnit.HOURS));
    }

    /** A conversation whose visitor said {@code text} and got the bot's ordinary "I don't know". */
    static UUID conversationAnsweredUnknown(JdbcClient jdbc, String text, Instant at) {
        UUID conversation = UUID.randomUUID();
        Timestamp sent = Timestamp.from(at);
        jdbc.sql("insert into conversation (id, started_at, last_activity_at) values (?, ?, ?)").params(conversation, sent, sent).update();
        jdbc.sql("insert into message (conversation_id, seq, sender, kind, text, sent_at) values (?, 1, 'VISITOR', 'message', ?, ?)")
                .params(conversation, text, sent).update();
        jdbc.sql("""
                insert into message (conversation_id, seq, sender, kind, text, confidence, disclaimer, sent_at)
                values (?, 2, 'BOT', 'unknown', 'Sorry, I do not have an answer to that.', 0.1, 'Not medical advice.', ?)""")
                .params(conversation, sent).update();
        return conversation;
    }

    @Test
    void aMessageTheRulesNowCatchIsForSafetyReviewWithItsRuleAndTranscriptNeverAnUnansweredQuestion() throws Exception {
        assertThat(live.policy().decide(MISSED_EMERGENCY)).as("the rules in force catch it now").isInstanceOf(Decision.Emergency.class);
        Decision.Emergency rule = (Decision.Emergency) live.policy().decide(MISSED_EMERGENCY);
        LocalDate today = LocalDate.now();
        assertThat(missedQuestions.between(Timestamp.valueOf(today.atStartOfDay()), Timestamp.valueOf(today.plusDays(1).atStartOfDay()), false))
                .as("stored as an unknown question, it counts as missed").anySatisfy(m -> assertThat(m.text()).isEqualTo(MISSED_EMERGENCY));
        HttpClient admin = new StaffHttp(port).loggedIn(ADMIN, ADMIN_PASSWORD);

        String page = get(admin, PAGE);

        String row = row(page, MISSED_EMERGENCY);
        assertThat(row).contains(rule.title(), "/staff/admin/conversations/" + emergencyConversation);
        assertThat(page).as("the navigation highlights it").containsPattern("Safety review <span class=\"badge\">[1-9][0-9]*</span>");
        assertThat(page).doesNotContain(ORDINARY);

        HttpResponse<String> transcript = admin.send(new StaffHttp(port).get("/staff/admin/conversations/" + emergencyConversation),
                HttpResponse.BodyHandlers.ofString());
        assertThat(transcript.statusCode()).isEqualTo(200);
        assertThat(transcript.body()).contains(MISSED_EMERGENCY, "Sorry, I do not have an answer to that.");
        assertThat(jdbc.sql("select detail from audit_event where username = ? and action = 'TRANSCRIPT_VIEWED'").param(ADMIN)
                .query(String.class).list())
                .anySatisfy(detail -> assertThat(detail).contains(emergencyConversation.toString()))
                .allSatisfy(detail -> assertThat(detail).doesNotContain("dead"));
    }

    @Test
    void theEditorsUnansweredQuestionsKeepTheOrdinaryQuestionButNotTheMissedEmergency() throws Exception {
        HttpClient editor = new StaffHttp(port).loggedIn(EDITOR, EDITOR_PASSWORD);

        String unanswered = get(editor, "/staff/knowledge/unanswered");

        assertThat(unanswered).contains(ORDINARY).doesNotContain(MISSED_EMERGENCY).doesNotContain("better off dead");
        assertThat(unanswered).as("no safety review for an editor").doesNotContain(PAGE);
    }

    @Test
    void anEditorWhoIsNotAnAdministratorIsRefusedTheSafetyReviewAndItsTranscripts() throws Exception {
        HttpClient editor = new StaffHttp(port).loggedIn(EDITOR, EDITOR_PASSWORD);

        assertThat(status(editor, PAGE)).isEqualTo(403);
        assertThat(status(editor, "/staff/admin/conversations/" + emergencyConversation)).isEqualTo(403);
    }

    @Test
    void aConversationThatIsNotStoredIsNotFound() throws Exception {
        HttpClient admin = new StaffHttp(port).loggedIn(ADMIN, ADMIN_PASSWORD);

        assertThat(status(admin, "/staff/admin/conversations/" + UUID.randomUUID())).isEqualTo(404);
    }

    private String get(HttpClient client, String path) throws Exception {
        HttpResponse<String> response = client.send(new StaffHttp(port).get(path), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private int status(HttpClient client, String path) throws Exception {
        return client.send(new StaffHttp(port).get(path), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /** The table row that lists {@code text}. */
    private static String row(String page, String text) {
        int at = page.indexOf(text);
        assertThat(at).as("listed: " + text).isNotNegative();
        return page.substring(page.lastIndexOf("<tr", at), page.indexOf("</tr>", at));
    }
}
