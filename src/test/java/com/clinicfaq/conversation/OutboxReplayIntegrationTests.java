package com.clinicfaq.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clinicfaq.ClinicFaqApplication;
import com.clinicfaq.handoff.HandoffRequest;
import com.clinicfaq.handoff.HandoffService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A service that stopped during an outage left its outbox behind; the next start, of this version, writes it to the
 * database: here an outbox as the version before the outbox's entries were a record per kind wrote it.
 */
class OutboxReplayIntegrationTests {

    @TempDir
    Path data;

    @Test
    void writesAnOutboxLeftByTheEarlierVersionToTheDatabaseOnStart() throws Exception {
        Path outbox = OutboxTests.writtenBefore(data.resolve("outbox.jsonl"));
        UUID conversation = OutboxTests.CONVERSATION;
        Outbox.Entry.Handoff handoff =
                (Outbox.Entry.Handoff) OutboxTests.everyKind().getLast();

        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ClinicFaqApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=jdbc:h2:file:" + data.resolve("clinicfaq")
                                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                        "--clinicfaq.outbox.path=" + outbox,
                        "--clinicfaq.outbox.replay-interval=200ms")) {
            await().alias("the outbox written within 30 s")
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> !Files.exists(outbox));

            assertThat(app.getBean(ConversationService.class).transcript(conversation))
                    .extracting(m ->
                            m.fromVisitor() ? m.visitorText() : m.bot().kind().wire())
                    .containsExactly("how long does it take", "no client id", "answer");
            HandoffRequest request = app.getBean(HandoffService.class).queue().stream()
                    .filter(r -> r.conversationId().equals(conversation))
                    .findFirst()
                    .orElseThrow();
            assertThat(request.id()).isEqualTo(handoff.handoffId());
            assertThat(request.name()).isEqualTo(handoff.form().name());
            assertThat(request.emergency()).isTrue();
            assertThat(app.getBean(Transcripts.class).find(conversation)).get().satisfies(c -> {
                assertThat(c.stage()).isEqualTo(Stage.FORM_OPEN);
                assertThat(c.emergency()).isTrue();
            });
        }
    }
}
