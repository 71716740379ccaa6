package com.clinicfaq.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.clinicfaq.handoff.HandoffService;
import com.clinicfaq.handoff.HandoffSubmission;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.InOrder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox on disk: made where it is configured, for the service's user only, and read back in order. */
class OutboxTests {

    /**
     * An outbox as the service wrote it before its entries were a record per kind (every field on every line, null where
     * the kind has none): one entry of each kind, a visitor message without the widget's id and a state without a topic.
     */
    private static final String WRITTEN_BEFORE = "/outbox/written-before-sealed-entries.jsonl";

    static final UUID CONVERSATION = UUID.fromString("6f1c2a57-3a0e-4d0b-9a53-1d2f7e8b9c01");
    private static final Instant AT = Instant.parse("2026-12-04T10:00:00.123456Z");

    @TempDir
    Path directory;

    @Test
    void createsItsFileAndDirectoriesAndKeepsEntriesInOrder() throws Exception {
        Path file = directory.resolve("not/yet/outbox.jsonl");
        Outbox outbox = new Outbox(file);
        assertThat(outbox.mayHoldEntries()).isFalse();
        UUID conversation = UUID.randomUUID();
        Instant at = Instant.parse("2026-12-04T10:00:00Z");

        outbox.append(new Outbox.Entry.Started(conversation, at));
        outbox.append(new Outbox.Entry.Visitor(conversation, at, "c-1", "hello"));

        assertThat(outbox.mayHoldEntries()).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(new Outbox(file).pending())
                .containsExactly(
                        new Outbox.Entry.Started(conversation, at),
                        new Outbox.Entry.Visitor(conversation, at, "c-1", "hello"));

        outbox.written(1);
        assertThat(outbox.pending()).containsExactly(new Outbox.Entry.Visitor(conversation, at, "c-1", "hello"));
        outbox.written(1);
        assertThat(Files.exists(file)).isFalse();
        assertThat(outbox.mayHoldEntries()).isFalse();
    }

    @Test
    void readsEveryKindOfEntryBackAsItWasWritten() {
        Outbox outbox = new Outbox(directory.resolve("outbox.jsonl"));
        List<Outbox.Entry> entries = everyKind();

        entries.forEach(outbox::append);

        assertThat(new Outbox(directory.resolve("outbox.jsonl")).pending()).isEqualTo(entries);
    }

    @Test
    void writesEveryKindOfEntryAsTheOutboxAlwaysHasSoThatAnEarlierVersionReadsIt() throws Exception {
        Path file = directory.resolve("outbox.jsonl");
        Outbox outbox = new Outbox(file);

        everyKind().forEach(outbox::append);

        try (var old = OutboxTests.class.getResourceAsStream(WRITTEN_BEFORE)) {
            assertThat(Files.readString(file))
                    .isEqualTo(new String(old.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Test
    void readsAnOutboxWrittenBeforeItsEntriesWereARecordPerKind() throws Exception {
        Path file = writtenBefore(directory.resolve("outbox.jsonl"));

        assertThat(new Outbox(file).pending()).isEqualTo(everyKind());
    }

    @Test
    void replaysAnOutboxWrittenBeforeItsEntriesWereARecordPerKind() throws Exception {
        Path file = writtenBefore(directory.resolve("outbox.jsonl"));
        Transcripts transcripts = mock(Transcripts.class);
        HandoffService handoffs = mock(HandoffService.class);
        when(transcripts.seqOfClientMessage(CONVERSATION, "c-1")).thenReturn(Optional.empty());
        Outbox outbox = new Outbox(file);

        int written = new OutboxReplay(
                        outbox, transcripts, handoffs, new TransactionTemplate(mock(PlatformTransactionManager.class)))
                .replay();

        assertThat(written).isEqualTo(7);
        List<Outbox.Entry> entries = everyKind();
        InOrder order = inOrder(transcripts, handoffs);
        order.verify(transcripts).createIfMissing(CONVERSATION, AT);
        order.verify(transcripts).createIfMissing(CONVERSATION, AT.plusSeconds(1));
        order.verify(transcripts).seqOfClientMessage(CONVERSATION, "c-1");
        order.verify(transcripts).appendVisitor(CONVERSATION, "c-1", "how long does it take", AT.plusSeconds(1));
        order.verify(transcripts).createIfMissing(CONVERSATION, AT.plusSeconds(2));
        order.verify(transcripts).appendVisitor(CONVERSATION, null, "no client id", AT.plusSeconds(2));
        order.verify(transcripts).createIfMissing(CONVERSATION, AT.plusSeconds(3));
        Outbox.Entry.Bot bot = (Outbox.Entry.Bot) entries.get(3);
        order.verify(transcripts)
                .hasBotMessage(CONVERSATION, AT.plusSeconds(3), bot.bot().text());
        order.verify(transcripts).appendBot(CONVERSATION, bot.bot(), AT.plusSeconds(3));
        order.verify(transcripts).update(CONVERSATION, Stage.OFFERED, "kyphoplasty", true, AT.plusSeconds(4));
        order.verify(transcripts).update(CONVERSATION, Stage.FORM_OPEN, null, false, AT.plusSeconds(5));
        order.verify(transcripts).createIfMissing(CONVERSATION, AT.plusSeconds(6));
        Outbox.Entry.Handoff handoff = (Outbox.Entry.Handoff) entries.get(6);
        order.verify(handoffs)
                .storeTakenDuringOutage(handoff.handoffId(), CONVERSATION, handoff.form(), true, AT.plusSeconds(6));
        order.verifyNoMoreInteractions();
        assertThat(Files.exists(file)).isFalse();
    }

    /** Writes the outbox {@link #WRITTEN_BEFORE} to {@code file}. */
    static Path writtenBefore(Path file) throws IOException {
        try (var old = OutboxTests.class.getResourceAsStream(WRITTEN_BEFORE)) {
            Files.write(file, old.readAllBytes());
        }
        return file;
    }

    /** What {@link #WRITTEN_BEFORE} holds. */
    static List<Outbox.Entry> everyKind() {
        BotMessage bot = new BotMessage(
                BotMessage.Kind.ANSWER,
                "Kyphoplasty takes 45 to 60 minutes.",
                new com.clinicfaq.search.Answer.Source("kyphoplasty", "Kyphoplasty", "How long", "how-long"),
                0.87,
                List.of(BotMessage.Action.ACCEPT_HANDOFF, BotMessage.Action.DECLINE_HANDOFF),
                List.of("Will I be asleep?"),
                false,
                "kyphoplasty/how-long",
                "Not medical advice.",
                "",
                "es");
        return List.of(
                new Outbox.Entry.Started(CONVERSATION, AT),
                new Outbox.Entry.Visitor(CONVERSATION, AT.plusSeconds(1), "c-1", "how long does it take"),
                new Outbox.Entry.Visitor(CONVERSATION, AT.plusSeconds(2), null, "no client id"),
                new Outbox.Entry.Bot(CONVERSATION, AT.plusSeconds(3), bot),
                new Outbox.Entry.State(CONVERSATION, AT.plusSeconds(4), Stage.OFFERED, "kyphoplasty", true),
                new Outbox.Entry.State(CONVERSATION, AT.plusSeconds(5), Stage.FORM_OPEN, null, false),
                new Outbox.Entry.Handoff(
                        CONVERSATION,
                        AT.plusSeconds(6),
                        UUID.fromString("0b7e4c2d-8f61-4a3e-b5d9-2c4f6a8e1b03"),
                        new HandoffSubmission("Olga Outage", "7075550144", null, "mornings", "follow-up", true, false),
                        true));
    }
}
