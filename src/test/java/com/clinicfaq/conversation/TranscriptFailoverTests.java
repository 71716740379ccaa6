package com.clinicfaq.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.clinicfaq.handoff.HandoffService;
import com.clinicfaq.handoff.HandoffSubmission;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Where a turn is written: the database, or the outbox while the database is out of reach, and back again. */
class TranscriptFailoverTests {

    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

    @TempDir
    Path directory;

    private final Transcripts transcripts = mock(Transcripts.class);
    private final HandoffService handoffs = mock(HandoffService.class);
    private final MovingClock clock = new MovingClock();
    private final UUID id = UUID.randomUUID();
    private Outbox outbox;
    private TranscriptFailover failover;
    private final List<RuntimeException> failed = new ArrayList<>();

    @BeforeEach
    void setUp() {
        ChatProperties properties = Binder.get(new org.springframework.core.env.StandardEnvironment())
                .bindOrCreate("clinicfaq.chat", Bindable.of(ChatProperties.class));
        TransactionTemplate transaction = new TransactionTemplate(mock(PlatformTransactionManager.class));
        outbox = new Outbox(directory.resolve("outbox.jsonl"));
        failover = new TranscriptFailover(
                transcripts,
                handoffs,
                new OutageTranscripts(outbox, handoffs, clock),
                new OutboxReplay(outbox, transcripts, handoffs, transaction),
                transaction,
                clock,
                properties);
    }

    @Test
    void writesATurnToTheDatabaseWhileItAnswers() {
        TranscriptFailover.Store store = failover.write(id, s -> s, failed::add);

        assertThat(store.inDatabase()).isTrue();
        assertThat(store.transcripts()).isSameAs(transcripts);
        assertThat(outbox.mayHoldEntries()).isFalse();
    }

    @Test
    void writesTheTurnToTheOutboxWhenTheDatabaseIsOutOfReachAndTriesItAgainAfterAWhile() {
        TranscriptFailover.Store store = failover.write(
                id,
                s -> {
                    if (s.inDatabase()) {
                        throw new DataAccessResourceFailureException("connection refused");
                    }
                    s.transcripts().find(id);
                    s.transcripts().appendVisitor(id, "c-1", "hello", NOW);
                    return s;
                },
                failed::add);

        assertThat(store.inDatabase()).isFalse();
        assertThat(failed).isEmpty();
        assertThat(outbox.pending())
                .extracting(e -> e.getClass().getSimpleName())
                .containsExactly("Started", "Visitor");

        clock.move(Duration.ofSeconds(4));
        assertThat(failover.write(id, s -> s, failed::add).inDatabase())
                .as("within the retry delay")
                .isFalse();
        assertThat(failover.read(() -> Optional.of("stored")))
                .as("within the retry delay")
                .isEmpty();

        clock.move(Duration.ofSeconds(2));
        assertThat(failover.write(id, s -> s, failed::add).inDatabase()).isTrue();
        assertThat(outbox.mayHoldEntries()).as("replayed before the turn").isFalse();
        verify(transcripts).appendVisitor(id, "c-1", "hello", NOW);
    }

    @Test
    void takesAHandoffRequestInTheOutboxUnderTheIdItsVisitorIsGiven() {
        HandoffSubmission form = new HandoffSubmission("Olga Outage", "7075550144", "", "", "", true, true);
        when(handoffs.check(form)).thenReturn(Map.of());
        goOutOfReach();

        HandoffService.Result result = failover.write(id, s -> s.submit(id, form, true), failed::add);

        UUID handoff = ((HandoffService.Result.Stored) result).handoffId();
        assertThat(outbox.pending()).contains(new Outbox.Entry.Handoff(id, NOW, handoff, form, true));
        verify(handoffs, never()).submit(id, form, true);
    }

    @Test
    void throwsAnErrorThatIsNoOutageAfterTellingOfIt() {
        IllegalStateException error = new IllegalStateException("a mistake");

        assertThatThrownBy(() -> failover.write(
                        id,
                        s -> {
                            throw error;
                        },
                        failed::add))
                .isSameAs(error);

        assertThat(failed).containsExactly(error);
        assertThat(outbox.mayHoldEntries()).isFalse();
        assertThat(failover.write(id, s -> s, failed::add).inDatabase()).isTrue();
    }

    @Test
    void readsNothingWhenTheDatabaseIsOutOfReach() {
        assertThatThrownBy(() -> failover.read(() -> {
                    throw new IllegalStateException("a mistake");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(failover.read(() -> Optional.of("stored"))).contains("stored");

        assertThat(failover.read(() -> {
                    throw new DataAccessResourceFailureException("connection refused");
                }))
                .isEmpty();

        assertThat(failover.read(() -> Optional.of("stored")))
                .as("within the retry delay")
                .isEmpty();
        assertThat(failover.write(id, s -> s, failed::add).inDatabase())
                .as("within the retry delay")
                .isFalse();
    }

    /** A turn that finds the database out of reach, and is written to the outbox. */
    private void goOutOfReach() {
        assertThat(failover.write(
                                id,
                                s -> {
                                    if (s.inDatabase()) {
                                        throw new DataAccessResourceFailureException("connection refused");
                                    }
                                    return s;
                                },
                                failed::add)
                        .inDatabase())
                .isFalse();
    }

    @Test
    void remembersWhereATurnInTheDatabaseLeftTheConversationForTheOutboxToContinueFrom() {
        failover.write(
                id,
                s -> {
                    s.stored(new Conversation(id, NOW, NOW, false, Stage.OFFERED, "kyphoplasty"), 7);
                    return null;
                },
                failed::add);
        goOutOfReach();

        int seq = failover.write(
                id,
                s -> {
                    assertThat(s.transcripts().find(id))
                            .get()
                            .extracting(Conversation::stage)
                            .isEqualTo(Stage.OFFERED);
                    return s.transcripts().appendVisitor(id, "c-8", "yes", NOW);
                },
                failed::add);

        assertThat(seq).isEqualTo(8);
    }

    /** A clock the test moves on. */
    private static final class MovingClock extends Clock {

        private Instant now = NOW;

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
