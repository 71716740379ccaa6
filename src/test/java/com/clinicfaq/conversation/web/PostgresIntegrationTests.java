package com.clinicfaq.conversation.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicfaq.ClinicFaqApplication;
import com.clinicfaq.TestPostgres;
import com.clinicfaq.analytics.Analytics;
import com.clinicfaq.analytics.DaysOfConversations;
import com.clinicfaq.analytics.Outcome;
import com.clinicfaq.conversation.ConversationService;
import com.clinicfaq.curation.MissedQuestions;
import com.clinicfaq.curation.UnansweredQuestions;
import com.clinicfaq.handoff.HandoffRequest;
import com.clinicfaq.handoff.HandoffService;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The same migrations, chat, handoff queue, analytics and unanswered questions on a real PostgreSQL
 * (binaries from Maven Central, started for the test), as in production.
 */
class PostgresIntegrationTests {

    private static ConfigurableApplicationContext app;

    @BeforeAll
    static void start() throws Exception {
        app = new SpringApplicationBuilder(ClinicFaqApplication.class).run(TestPostgres.newDatabaseArguments());
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void storesAConversationAndItsHandoffRequestAndQueuesItForStaff() throws Exception {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        String conversation;
        try (ChatClient chat = ChatClient.connect(port)) {
            conversation = chat.awaitType("welcome").path("conversationId").asString();
            chat.say("i cant feel my legs");
            chat.awaitBot("emergency");
            chat.sendType("handoff.accept");
            chat.awaitBot("handoff.form");
            chat.submitHandoff("Paula Pg", "7075550155");
        }

        List<HandoffRequest> queue = app.getBean(HandoffService.class).queue();
        assertThat(queue).extracting(HandoffRequest::name).contains("Paula Pg");
        HandoffRequest request = queue.stream()
                .filter(r -> r.name().equals("Paula Pg"))
                .findFirst()
                .orElseThrow();
        assertThat(request.emergency()).isTrue();
        assertThat(app.getBean(HandoffService.class).queue(HandoffRequest.Status.NEW, "paula"))
                .extracting(HandoffRequest::id)
                .containsExactly(request.id());
        assertThat(app.getBean(HandoffService.class)
                        .changeStatus(request.id(), HandoffRequest.Status.CLOSED)
                        .status())
                .isEqualTo(HandoffRequest.Status.CLOSED);
        assertThat(app.getBean(ConversationService.class).transcript(UUID.fromString(conversation)))
                .anySatisfy(
                        m -> assertThat(m.fromVisitor() ? m.visitorText() : "").isEqualTo("i cant feel my legs"))
                .allSatisfy(
                        m -> assertThat(m.fromVisitor() || !m.bot().disclaimer().isBlank())
                                .isTrue());
    }

    /** PostgreSQL refuses NUL in text, where H2 takes it: the chat cleans visitor strings before they are stored. */
    @Test
    void storesVisitorTextWithControlCharactersEmojiAndRightToLeftScript() throws Exception {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        String conversation;
        try (ChatClient chat = ChatClient.connect(port)) {
            conversation = chat.awaitConversationId();
            chat.awaitAck(chat.sayEscaped("NUL\\u0000 escape\\u001b[31m 🙏🏽 שלום, lone \\ud800"));
            chat.say("can i talk to a person");
            chat.awaitBot("handoff.form");
            chat.submitHandoff("Nul\\u0000 Name", "7075550156");
        }

        assertThat(app.getBean(ConversationService.class).transcript(UUID.fromString(conversation)))
                .filteredOn(m -> m.fromVisitor())
                .extracting(m -> m.visitorText())
                .startsWith("NUL escape[31m 🙏🏽 שלום, lone \uFFFD");
        assertThat(app.getBean(HandoffService.class).queue())
                .extracting(HandoffRequest::name)
                .contains("Nul Name");
    }

    @Test
    void reportsTheAnalyticsOfStoredDays() {
        LocalDate first = LocalDate.of(2021, 3, 4);
        new DaysOfConversations(app.getBean(JdbcClient.class)).insert(first);

        Analytics.Report report = app.getBean(Analytics.class).report(first, first.plusDays(1));

        assertThat(report.conversations()).isEqualTo(3);
        assertThat(report.days()).extracting(Analytics.Day::conversations).containsExactly(2, 1);
        assertThat(report.answered()).isEqualTo(2);
        assertThat(report.count(Outcome.LOW_CONFIDENCE)).isEqualTo(1);
        assertThat(report.count(Outcome.OUT_OF_SCOPE)).isEqualTo(2);
        assertThat(report.count(Outcome.UNKNOWN)).isEqualTo(1);
        assertThat(report.answeredPercent()).isEqualTo(33);
        assertThat(report.emergencies()).isEqualTo(1);
        assertThat(report.handoffs()).isEqualTo(1);
        assertThat(report.emergencyHandoffs()).isEqualTo(1);
        assertThat(report.topQuestions())
                .containsExactly(
                        new Analytics.TopQuestion(DaysOfConversations.FAQ, DaysOfConversations.FAQ_QUESTION, 2));
        assertThat(report.missedQuestions().getFirst())
                .isEqualTo(new Analytics.MissedQuestion("what does it cost", 2, Set.of(Outcome.OUT_OF_SCOPE)));
    }

    @Test
    void listsAMissedQuestionThatLedToAHandoffAndDismissesIt() throws Exception {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        try (ChatClient chat = ChatClient.connect(port)) {
            chat.awaitBot("greeting");
            chat.say("How soon am I back on my feet?");
            chat.awaitBot("unknown");
            chat.sendType("handoff.accept");
            chat.awaitBot("handoff.form");
        }
        UnansweredQuestions unanswered = app.getBean(UnansweredQuestions.class);
        LocalDate today = unanswered.today();

        UnansweredQuestions.Group group = unanswered.list(today.minusDays(29), today).stream()
                .filter(g -> g.question().equals("how soon am i back on my feet"))
                .findFirst()
                .orElseThrow();
        assertThat(group.reasons())
                .containsExactly(MissedQuestions.Reason.NOT_IN_KNOWLEDGE_BASE, MissedQuestions.Reason.HANDOFF);

        unanswered.dismiss(group, "pat");
        assertThat(unanswered.list(today.minusDays(29), today))
                .extracting(UnansweredQuestions.Group::question)
                .doesNotContain(group.question());
    }

    @Test
    void listsAnAnswerAskedAgainAndAFailedTurnAndLeavesAFlaggedMessageToTheSafetyReview() throws Exception {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        UUID flagged;
        try (ChatClient chat = ChatClient.connect(port)) {
            flagged = UUID.fromString(chat.awaitConversationId());
            chat.say("explain kyphoplasty");
            chat.awaitBot("answer");
            chat.say("what does kyphoplasty mean");
            chat.awaitBot("answer");
            chat.say("i have not peed since yesterday morning");
            chat.awaitBot("unknown");
        }
        try (ChatClient chat = ChatClient.connect(port)) {
            UUID gone = UUID.fromString(chat.awaitConversationId());
            chat.say("what is balloon kyphoplasty");
            chat.awaitBot("answer");
            jdbc.sql("delete from conversation where id = ?").param(gone).update();
            chat.say("can i go swimming after the procedure");
            assertThat(chat.awaitType("error").path("code").asString()).isEqualTo("unavailable");
        }
        UnansweredQuestions unanswered = app.getBean(UnansweredQuestions.class);
        LocalDate today = unanswered.today();
        assertThat(unanswered.list(today.minusDays(29), today))
                .extracting(UnansweredQuestions.Group::question)
                .contains("i have not peed since yesterday morning");
        jdbc.sql(
                        "insert into missed_emergency_mark (conversation_id, seq, marked_by, marked_at) values (?, 6, 'pat', ?)")
                .params(flagged, java.sql.Timestamp.from(java.time.Instant.now()))
                .update();

        List<UnansweredQuestions.Group> groups = unanswered.list(today.minusDays(29), today);

        assertThat(groups)
                .filteredOn(g -> g.question().equals("explain kyphoplasty"))
                .singleElement()
                .satisfies(g -> {
                    assertThat(g.section()).isEqualTo(UnansweredQuestions.Section.ANSWERED_BUT_MISSED);
                    assertThat(g.reasons()).containsExactly(MissedQuestions.Reason.REPHRASED);
                    assertThat(g.askedNext()).containsExactly("what does kyphoplasty mean");
                });
        assertThat(groups)
                .filteredOn(g -> g.question().equals("can i go swimming after the procedure"))
                .singleElement()
                .satisfies(g -> assertThat(g.errors()).containsExactly("IllegalStateException"));
        assertThat(groups)
                .extracting(UnansweredQuestions.Group::question)
                .doesNotContain("i have not peed since yesterday morning");
        jdbc.sql("delete from conversation where id = ?").param(flagged).update();
        assertThat(jdbc.sql("select count(*) from missed_emergency_mark")
                        .query(Integer.class)
                        .single())
                .as("gone with its message")
                .isZero();
    }
}
