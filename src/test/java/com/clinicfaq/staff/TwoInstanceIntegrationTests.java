package com.clinicfaq.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicfaq.ClinicFaqApplication;
import com.clinicfaq.TestPostgres;
import com.clinicfaq.conversation.web.ChatClient;
import com.clinicfaq.curation.KnowledgeFiles;
import com.clinicfaq.curation.KnowledgePublisher;
import com.clinicfaq.curation.LiveKnowledge;
import com.clinicfaq.search.Answer;
import com.clinicfaq.search.AnswerEngine;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances on one PostgreSQL with no sticky routing: a staff member's requests go to either
 * instance, a handoff request made through one appears live in a console open on the other, and a
 * knowledge base published on one is answered from on the other within seconds.
 */
class TwoInstanceIntegrationTests {

    private static final String PASSWORD = "two instances, one queue";
    private static final Pattern HANDOFF_ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    private static final String HOW_LONG = "how long does the procedure take";
    private static final String DURATION =
            "The entire procedure typically takes 45 to 60 minutes, and most patients go home the same day.";
    private static final String DRIVE_HOME = " Please bring someone to drive you home.";

    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;

    @BeforeAll
    static void start() {
        String[] database = TestPostgres.newDatabaseArguments();
        a = instance(database);
        b = instance(database);
    }

    private static ConfigurableApplicationContext instance(String[] database) {
        return new SpringApplicationBuilder(ClinicFaqApplication.class)
                .properties("clinicfaq.staff.admin.username=ada", "clinicfaq.staff.admin.password=" + PASSWORD)
                .run(database);
    }

    @AfterAll
    static void stop() {
        for (ConfigurableApplicationContext app : new ConfigurableApplicationContext[] {a, b}) {
            if (app != null) {
                app.close();
            }
        }
    }

    @Test
    void aRequestMadeOnOneInstanceArrivesLiveInAConsoleOnTheOther() throws Exception {
        StaffHttp onA = new StaffHttp(port(a));
        StaffHttp onB = new StaffHttp(port(b));
        HttpClient staff = onA.loggedIn("ada", PASSWORD);
        assertThat(staff.send(onB.get("/staff/handoffs"), HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .as("the session made on A is good on B")
                .isEqualTo(200);
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        staff.sendAsync(onB.get("/staff/handoffs/events"), HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> response.body().forEach(lines::add));
        assertThat(lines.poll(30, TimeUnit.SECONDS)).isEqualTo("event:ready");

        long sent;
        try (ChatClient visitor = ChatClient.connect(port(a))) {
            visitor.awaitType("welcome");
            visitor.say("can I talk to someone about my back");
            visitor.sendType("handoff.accept");
            visitor.awaitBot("handoff.form");
            visitor.submitHandoff("Tess Two", "7075550177");
            sent = System.nanoTime();
        }

        String id = null;
        while (id == null && System.nanoTime() - sent < TimeUnit.SECONDS.toNanos(5)) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            Matcher matcher = line == null ? null : HANDOFF_ID.matcher(line);
            if (matcher != null && matcher.find()) {
                id = matcher.group(1);
            }
        }
        assertThat(id).as("the request announced on B within 5 seconds").isNotNull();

        String page = staff.send(onB.get("/staff/handoffs/" + id), HttpResponse.BodyHandlers.ofString())
                .body();
        assertThat(page).contains("Tess Two", "7075550177", "can I talk to someone about my back");
        staff.send(
                onB.post("/staff/handoffs/" + id + "/status", "status=IN_PROGRESS&_csrf=" + StaffHttp.csrf(page)),
                HttpResponse.BodyHandlers.ofString());
        assertThat(staff.send(onA.get("/staff/handoffs?status=IN_PROGRESS"), HttpResponse.BodyHandlers.ofString())
                        .body())
                .as("the change made on B, seen on A")
                .contains("Tess Two");
        staff.shutdownNow();
    }

    @Test
    void aChangePublishedOnOneInstanceIsAnsweredByTheOtherWithinFiveSeconds() throws Exception {
        LiveKnowledge liveOnA = a.getBean(LiveKnowledge.class);
        KnowledgePublisher publisherOnA = a.getBean(KnowledgePublisher.class);
        AnswerEngine engineOnB = b.getBean(AnswerEngine.class);
        long original = liveOnA.version();
        KnowledgeFiles files = liveOnA.get().files();
        String path = files.files().entrySet().stream()
                .filter(f -> f.getValue().contains(DURATION))
                .findFirst()
                .orElseThrow()
                .getKey();
        KnowledgeFiles changed = files.with(path, files.files().get(path).replace(DURATION, DURATION + DRIVE_HOME));
        assertThat(answerText(engineOnB, HOW_LONG)).contains("45 to 60 minutes").doesNotContain(DRIVE_HOME);

        try {
            var outcome = publisherOnA.publish(changed, "ada", "Who drives home", false);

            assertThat(outcome).isInstanceOf(KnowledgePublisher.Outcome.Published.class);
            // from just before the version was stored and announced, so the wait measured is never less than the real
            // one
            Instant stored =
                    ((KnowledgePublisher.Outcome.Published) outcome).version().createdAt();
            org.awaitility.Awaitility.await("B answers with the change")
                    .atMost(Duration.ofSeconds(15))
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> answerText(engineOnB, HOW_LONG).contains(DRIVE_HOME));
            Duration waited = Duration.between(stored, Instant.now());
            System.out.println("Knowledge published on A was answered from on B after " + waited.toMillis() + " ms");
            assertThat(waited)
                    .as("B answers with the change within 5 seconds")
                    .isLessThanOrEqualTo(Duration.ofSeconds(5));
            // B's engine swaps in the new index a moment before the version's files are in force
            LiveKnowledge liveOnB = b.getBean(LiveKnowledge.class);
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(liveOnB.get().files()).isEqualTo(changed));
        } finally {
            publisherOnA.restore(original, "ada", false);
        }
    }

    private static String answerText(AnswerEngine engine, String question) {
        return engine.answer(question) instanceof Answer.Found found ? found.text() : "";
    }

    private static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }
}
