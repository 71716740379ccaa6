package com.clinicfaq.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox on disk: made where it is configured, for the service's user only, and read back in order. */
class OutboxTests {

    @TempDir
    Path directory;

    @Test
    void createsItsFileAndDirectoriesAndKeepsEntriesInOrder() throws Exception {
        Path file = directory.resolve("not/yet/outbox.jsonl");
        Outbox outbox = new Outbox(file);
        assertThat(outbox.mayHoldEntries()).isFalse();
        UUID conversation = UUID.randomUUID();
        Instant at = Instant.parse("2026-12-04T10:00:00Z");

        outbox.append(new Outbox.Entry(Outbox.Entry.Op.CONVERSATION, conversation, at, null, null, null, null, null, false, null, null));
        outbox.append(new Outbox.Entry(Outbox.Entry.Op.VISITOR, conversation, at, "c-1", "hello", null, null, null, false, null, null));

        assertThat(outbox.mayHoldEntries()).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(new Outbox(file).pending()).extracting(Outbox.Entry::op)
                .containsExactly(Outbox.Entry.Op.CONVERSATION, Outbox.Entry.Op.VISITOR);

        outbox.written(1);
        assertThat(outbox.pending()).extracting(Outbox.Entry::clientId).containsExactly("c-1");
        outbox.written(1);
        assertThat(Files.exists(file)).isFalse();
        assertThat(outbox.mayHoldEntries()).isFalse();
    }
}
