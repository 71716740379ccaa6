package com.clinicfaq.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicfaq.conversation.BotMessage;
import com.clinicfaq.conversation.ConversationService;
import com.clinicfaq.conversation.ConversationService.Input;
import com.clinicfaq.conversation.web.ChatClient;
import com.clinicfaq.handoff.HandoffSubmission;
import com.clinicfaq.staff.StaffHttp;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;

/**
 * The analytics page and the Prometheus metrics over real HTTP: exact figures for two stored days,
 * a conversation through the real chat service counted on both, the date filter, and who may see what.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "clinicfaq.staff.admin.username=ada",
            "clinicfaq.staff.admin.password=correct horse battery",
            "clinicfaq.staff.metrics.username=prometheus",
            "clinicfaq.staff.metrics.password=scrape me if you can"
        })
@AutoConfigureMetrics
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalyticsIntegrationTests {

    private static final LocalDate DAY = LocalDate.of(2021, 3, 4);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ConversationService conversations;

    @Autowired
    JdbcUserDetailsManager accounts;

    @Autowired
    PasswordEncoder encoder;

    @BeforeAll
    void storedDaysAndStaff() {
        new DaysOfConversations(jdbc).insert(DAY);
        account("edna", "an editor password", "EDITOR");
        account("rita", "a reviewer password", "REVIEWER");
    }

    /** Other console tests may share this application, and their accounts. */
    private void account(String username, String password, String role) {
        if (!accounts.userExists(username)) {
            accounts.createUser(User.withUsername(username)
                    .password(encoder.encode(password))
                    .roles(role)
                    .build());
        }
    }

    @Test
    void showsADaysFiguresToAnEditorWithoutContactDetails() throws Exception {
        HttpResponse<String> response = asEditor("/staff/analytics?from=2021-03-04&to=2021-03-04");
        String page = response.body();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(figure(page, "conversations")).isEqualTo(2);
        assertThat(figure(page, "questions")).isEqualTo(4);
        assertThat(text(page, "answered-rate")).isEqualTo("25 %");
        assertThat(figure(page, "low_confidence")).isEqualTo(1);
        assertThat(figure(page, "out_of_scope")).isEqualTo(1);
        assertThat(figure(page, "unknown")).isEqualTo(1);
        assertThat(figure(page, "emergencies")).isEqualTo(1);
        assertThat(figure(page, "handoffs")).isEqualTo(1);
        assertThat(figure(page, "emergency-handoffs")).isEqualTo(1);
        assertThat(page)
                .contains(DaysOfConversations.FAQ_QUESTION)
                .contains("please call me at [phone] or [email] about the bill")
                .contains("what does it cost")
                .contains("and the recovery")
                .doesNotContain(DaysOfConversations.PHONE, DaysOfConversations.EMAIL, DaysOfConversations.NAME);
    }

    @Test
    void drawsTheChartsWithoutScriptOrInlineStyleUnderAStrictContentSecurityPolicy() throws Exception {
        HttpResponse<String> response = asEditor("/staff/analytics?from=2021-03-04&to=2021-03-05");

        assertThat(response.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(
                        csp -> assertThat(csp).contains("default-src 'none'").contains("style-src 'self'"));
        assertThat(response.body())
                .contains(
                        "<svg",
                        "role=\"img\"",
                        "aria-label=\"Conversations per day, 2021-03-04 to 2021-03-05. Conversations: 3.")
                .doesNotContain("<script", "style=", "<style", "src=\"http", "href=\"http");
        assertThat(asEditor("/staff/analytics/analytics.css").statusCode()).isEqualTo(200);
    }

    @Test
    void narrowsTheFiguresToTheChosenDays() throws Exception {
        String both = asEditor("/staff/analytics?from=2021-03-04&to=2021-03-05").body();
        String second =
                asEditor("/staff/analytics?from=2021-03-05&to=2021-03-05").body();

        assertThat(figure(both, "conversations")).isEqualTo(3);
        assertThat(text(both, "answered-rate")).isEqualTo("33 %");
        assertThat(both)
                .containsPattern("<td>what does it cost</td>\\s*<td[^>]*>[^<]*</td>\\s*<td class=\"number\">2</td>");
        assertThat(figure(second, "conversations")).isEqualTo(1);
        assertThat(figure(second, "handoffs")).isZero();
        assertThat(second).doesNotContain("and the recovery");
        assertThat(asEditor("/staff/analytics?from=2021-03-05&to=2021-03-04").statusCode())
                .isEqualTo(400);
        assertThat(asEditor("/staff/analytics?from=yesterday").statusCode()).isEqualTo(400);
    }

    @Test
    void countsAConversationThroughTheChatOnThePageAndInPrometheus() throws Exception {
        String today = "/staff/analytics?from=" + LocalDate.now() + "&to=" + LocalDate.now();
        String pageBefore = asEditor(today).body();
        String metricsBefore = scrape("prometheus", "scrape me if you can").body();

        UUID id = conversations.open(null).conversationId();
        assertThat(firstReply(id, "how much does kyphoplasty cost with my insurance"))
                .isEqualTo(BotMessage.Kind.UNKNOWN);
        assertThat(firstReply(id, "How long does kyphoplasty take?")).isEqualTo(BotMessage.Kind.ANSWER);
        assertThat(firstReply(id, "i cant feel my legs since this morning")).isEqualTo(BotMessage.Kind.EMERGENCY);
        conversations.handle(id, new Input.AcceptHandoff());
        conversations.handle(
                id,
                new Input.SubmitHandoff(new HandoffSubmission(
                        "Paula Private", "707 555 0142", "paula@example.com", "", "", true, true)));

        String page = asEditor(today).body();
        String metrics = scrape("prometheus", "scrape me if you can").body();
        assertThat(figure(page, "conversations") - figure(pageBefore, "conversations"))
                .isEqualTo(1);
        assertThat(figure(page, "answered") - figure(pageBefore, "answered")).isEqualTo(1);
        assertThat(figure(page, "not-answered") - figure(pageBefore, "not-answered"))
                .isEqualTo(1);
        assertThat(figure(page, "emergencies") - figure(pageBefore, "emergencies"))
                .isEqualTo(1);
        assertThat(figure(page, "handoffs") - figure(pageBefore, "handoffs")).isEqualTo(1);
        assertThat(page)
                .contains("how much does kyphoplasty cost with my insurance")
                .doesNotContain("Paula", "555 0142", "paula@example.com");
        assertThat(sample(metrics, "clinicfaq_conversations_started_total")
                        - sample(metricsBefore, "clinicfaq_conversations_started_total"))
                .isEqualTo(1);
        assertThat(sample(metrics, "clinicfaq_questions_total{outcome=\"answered\"}")
                        - sample(metricsBefore, "clinicfaq_questions_total{outcome=\"answered\"}"))
                .isEqualTo(1);
        assertThat(sample(metrics, "clinicfaq_questions_total{outcome=\"emergency\"}")
                        - sample(metricsBefore, "clinicfaq_questions_total{outcome=\"emergency\"}"))
                .isEqualTo(1);
        assertThat(sample(metrics, "clinicfaq_questions_total{outcome=\"unknown\"}")
                        + sample(metrics, "clinicfaq_questions_total{outcome=\"out_of_scope\"}")
                        - sample(metricsBefore, "clinicfaq_questions_total{outcome=\"unknown\"}")
                        - sample(metricsBefore, "clinicfaq_questions_total{outcome=\"out_of_scope\"}"))
                .isEqualTo(1);
        assertThat(sample(metrics, "clinicfaq_emergencies_total")
                        - sample(metricsBefore, "clinicfaq_emergencies_total"))
                .isEqualTo(1);
        assertThat(sample(metrics, "clinicfaq_handoffs_requested_total{emergency=\"true\"}")
                        - sample(metricsBefore, "clinicfaq_handoffs_requested_total{emergency=\"true\"}"))
                .isEqualTo(1);
        assertThat(sample(metrics, "clinicfaq_handoffs_open{status=\"NEW\"}")).isGreaterThanOrEqualTo(2);
        assertThat(metrics).doesNotContain("kyphoplasty", "Paula", id.toString());
    }

    /** Operators watch reply time on the service's side in Prometheus: one sample per visitor input over the WebSocket. */
    @Test
    void timesEachReplyOverTheWebSocketInPrometheus() throws Exception {
        String before = scrape("prometheus", "scrape me if you can").body();

        try (ChatClient chat = ChatClient.connect(port)) {
            chat.awaitBot("greeting");
            chat.say("How long does kyphoplasty take?");
            chat.awaitBot("answer");
            chat.say("how much does kyphoplasty cost with my insurance");
            chat.awaitBot("unknown");
        }

        String after = scrape("prometheus", "scrape me if you can").body();
        assertThat(sample(after, "clinicfaq_chat_reply_seconds_count")
                        - sample(before, "clinicfaq_chat_reply_seconds_count"))
                .isEqualTo(2);
        assertThat(sample(after, "clinicfaq_chat_reply_seconds_sum"))
                .isGreaterThan(sample(before, "clinicfaq_chat_reply_seconds_sum"));
        assertThat(after).contains("clinicfaq_chat_reply_seconds_bucket{le=\"+Inf\"}");
    }

    @Test
    void keepsTheAnalyticsToEditorsAndAdministratorsAndTheMetricsToTheirAccount() throws Exception {
        StaffHttp http = new StaffHttp(port);
        HttpResponse<String> anonymous =
                StaffHttp.client().send(http.get("/staff/analytics"), HttpResponse.BodyHandlers.ofString());
        HttpClient reviewer = http.loggedIn("rita", "a reviewer password");
        HttpClient admin = http.loggedIn("ada", "correct horse battery");

        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        assertThat(reviewer.send(http.get("/staff/analytics"), HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(403);
        assertThat(admin.send(http.get("/staff/analytics"), HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(200);
        assertThat(admin.send(http.get("/staff/handoffs"), HttpResponse.BodyHandlers.ofString())
                        .body())
                .contains("/staff/analytics");
        assertThat(reviewer.send(http.get("/staff/handoffs"), HttpResponse.BodyHandlers.ofString())
                        .body())
                .doesNotContain("/staff/analytics");

        assertThat(StaffHttp.client()
                        .send(http.get("/actuator/prometheus"), HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(401);
        assertThat(scrape("rita", "a reviewer password").statusCode()).isEqualTo(403);
        assertThat(scrape("prometheus", "scrape me if you can").statusCode()).isEqualTo(200);
        assertThat(scrape("ada", "correct horse battery").statusCode()).isEqualTo(200);
        assertThat(StaffHttp.client()
                        .send(http.get("/actuator/health"), HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(200);
    }

    private BotMessage.Kind firstReply(UUID conversation, String text) {
        return conversations
                .handle(conversation, new Input.Text(UUID.randomUUID().toString(), text))
                .replies()
                .getFirst()
                .bot()
                .kind();
    }

    private HttpResponse<String> asEditor(String path) throws Exception {
        StaffHttp http = new StaffHttp(port);
        return http.loggedIn("edna", "an editor password").send(http.get(path), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> scrape(String username, String password) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        new StaffHttp(port).getWithBasic("/actuator/prometheus", username, password),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static String text(String page, String id) {
        Matcher matcher = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)<")
                .matcher(page);
        assertThat(matcher.find()).as("an element with id " + id).isTrue();
        return matcher.group(1).strip();
    }

    private static int figure(String page, String id) {
        return Integer.parseInt(text(page, id));
    }

    /** A sample's value in the Prometheus text format; 0 when the series is not there yet. */
    private static double sample(String scrape, String series) {
        return scrape.lines()
                .filter(line -> line.startsWith(series + " "))
                .mapToDouble(line ->
                        Double.parseDouble(line.substring(series.length() + 1).strip()))
                .findFirst()
                .orElse(0);
    }
}
