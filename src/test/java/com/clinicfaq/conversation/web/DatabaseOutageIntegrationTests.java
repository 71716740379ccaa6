package com.clinicfaq.conversation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clinicfaq.ClinicFaqApplication;
import com.clinicfaq.DroppingProxy;
import com.clinicfaq.TestPostgres;
import com.clinicfaq.conversation.ConversationService;
import com.clinicfaq.conversation.TranscriptMessage;
import com.clinicfaq.handoff.HandoffRequest;
import com.clinicfaq.handoff.HandoffService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The database goes out of reach (every connection to PostgreSQL cut, new ones refused): the chat keeps
 * answering from the index, a handoff request made meanwhile is kept in the local outbox, and everything
 * said lands in the database, in order, once it is back.
 */
class DatabaseOutageIntegrationTests {

    private static final Pattern PORT = Pattern.compile("localhost:(\\d+)/");

    private static DroppingProxy database;
    private static ConfigurableApplicationContext app;
    private static Path outbox;

    @BeforeAll
    static void start() throws Exception {
        String url = TestPostgres.newDatabase();
        Matcher port = PORT.matcher(url);
        assertThat(port.find()).isTrue();
        database = new DroppingProxy(Integer.parseInt(port.group(1)));
        outbox = Files.createTempDirectory("clinicfaq-outbox").resolve("outbox.jsonl");
        app = new SpringApplicationBuilder(ClinicFaqApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + port.replaceFirst("localhost:" + database.port() + "/"),
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=",
                        "--spring.datasource.hikari.connection-timeout=1000",
                        "--clinicfaq.outbox.path=" + outbox,
                        "--clinicfaq.outbox.replay-interval=300ms",
                        "--clinicfaq.chat.database-retry-after=1s");
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void answersFromTheIndexDuringAnOutageAndStoresEverythingOnceTheDatabaseIsBack() throws Exception {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        HandoffService handoffs = app.getBean(HandoffService.class);
        try (ChatClient before = ChatClient.connect(port)) {
            String conversation =
                    before.awaitType("welcome").path("conversationId").asString();
            before.say("what is kyphoplasty");
            before.awaitBot("answer");

            database.drop();

            before.say("how long does the procedure take");
            assertThat(before.awaitBot("answer").path("text").asString()).contains("45 to 60 minutes");
            before.say("can i talk to a person");
            before.awaitBot("handoff.form");
            before.submitHandoff("Olga Outage", "7075550144");
            String duringOutage;
            try (ChatClient during = ChatClient.connect(port)) {
                duringOutage =
                        during.awaitType("welcome").path("conversationId").asString();
                during.say("will i be asleep");
                assertThat(during.awaitBot("answer").path("text").asString()).contains("sedation");
            }
            assertThatThrownBy(handoffs::queue).as("the database is out of reach indeed");
            assertThat(Files.size(outbox)).isPositive();

            database.restore();

            await(() -> handoffs.queue().stream().anyMatch(r -> r.name().equals("Olga Outage")));
            await(() -> !Files.exists(outbox));
            HandoffRequest request = handoffs.queue().stream()
                    .filter(r -> r.name().equals("Olga Outage"))
                    .findFirst()
                    .orElseThrow();
            assertThat(request.phone()).isEqualTo("7075550144");
            List<TranscriptMessage> transcript =
                    app.getBean(ConversationService.class).transcript(UUID.fromString(conversation));
            assertThat(transcript)
                    .extracting(m ->
                            m.fromVisitor() ? m.visitorText() : m.bot().kind().wire())
                    .containsExactly(
                            "greeting",
                            "what is kyphoplasty",
                            "answer",
                            "how long does the procedure take",
                            "answer",
                            "can i talk to a person",
                            "handoff.form",
                            "handoff.confirmed");
            assertThat(transcript).extracting(TranscriptMessage::seq).isSorted().doesNotHaveDuplicates();
            assertThat(app.getBean(ConversationService.class).transcript(UUID.fromString(duringOutage)))
                    .extracting(m ->
                            m.fromVisitor() ? m.visitorText() : m.bot().kind().wire())
                    .containsExactly("greeting", "will i be asleep", "answer");

            before.say("thanks");
            before.awaitBot("smalltalk");
        }
    }

    /** Waits 30 s at most for the condition, taking a failure to evaluate it (the database still out of reach) for false. */
    private static void await(BooleanSupplier condition) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptionsInstanceOf(RuntimeException.class)
                .until(condition::getAsBoolean);
    }
}
