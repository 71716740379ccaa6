package com.clinicfaq.conversation;

import com.clinicfaq.handoff.HandoffSubmission;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What happened in conversations while the database could not be reached, in order, on the local disk:
 * one JSON line per entry, forced to disk before the visitor is answered (and, when the file is created, the
 * directory that names it), so that nothing is lost if the service or the machine then stops.
 * {@link OutboxReplay} writes the entries to the database once it is back. The file may hold contact details
 * from handoff forms: it is readable by the service's user only, and emptied as soon as the database has the
 * entries.
 */
@Component
class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    /** One thing to write to the database: one record per kind, with only what that kind has. */
    sealed interface Entry {

        UUID conversation();

        Instant at();

        /** A conversation stored while the database was out of reach, or one it may not have. */
        record Started(UUID conversation, Instant at) implements Entry {}

        /** @param clientId the widget's id of the message, or null: written once */
        record Visitor(UUID conversation, Instant at, String clientId, String text) implements Entry {}

        record Bot(UUID conversation, Instant at, BotMessage bot) implements Entry {}

        /** Where a turn left the conversation. */
        record State(UUID conversation, Instant at, Stage stage, String topic, boolean emergency) implements Entry {}

        /** A handoff request, under the id its visitor was given. */
        record Handoff(UUID conversation, Instant at, UUID handoffId, HandoffSubmission form, boolean emergency)
                implements Entry {}
    }

    /**
     * An entry as a line of the file: every field of every kind, null (or false) where the entry's kind has none. It is
     * the format the outbox has always had on disk, kept so that the service reads what an earlier version of it wrote
     * before it stopped, and an earlier version what this one wrote.
     */
    private record Line(
            Op op,
            UUID conversation,
            Instant at,
            String clientId,
            String text,
            BotMessage bot,
            Stage stage,
            String topic,
            boolean emergency,
            UUID handoffId,
            HandoffSubmission form) {

        enum Op {
            CONVERSATION,
            VISITOR,
            BOT,
            STATE,
            HANDOFF
        }

        static Line of(Entry entry) {
            UUID c = entry.conversation();
            Instant at = entry.at();
            return switch (entry) {
                case Entry.Started started ->
                    new Line(Op.CONVERSATION, c, at, null, null, null, null, null, false, null, null);
                case Entry.Visitor e ->
                    new Line(Op.VISITOR, c, at, e.clientId(), e.text(), null, null, null, false, null, null);
                case Entry.Bot e -> new Line(Op.BOT, c, at, null, null, e.bot(), null, null, false, null, null);
                case Entry.State e ->
                    new Line(Op.STATE, c, at, null, null, null, e.stage(), e.topic(), e.emergency(), null, null);
                case Entry.Handoff e ->
                    new Line(Op.HANDOFF, c, at, null, null, null, null, null, e.emergency(), e.handoffId(), e.form());
            };
        }

        Entry entry() {
            return switch (op) {
                case CONVERSATION -> new Entry.Started(conversation, at);
                case VISITOR -> new Entry.Visitor(conversation, at, clientId, text);
                case BOT -> new Entry.Bot(conversation, at, bot);
                case STATE -> new Entry.State(conversation, at, stage, topic, emergency);
                case HANDOFF -> new Entry.Handoff(conversation, at, handoffId, form, emergency);
            };
        }
    }

    private final Path file;
    private final JsonMapper json = JsonMapper.builder().build();
    /** Whether the file may hold entries: read on every turn without touching the disk or a lock. */
    private volatile boolean mayHoldEntries;

    @Autowired
    Outbox(OutboxProperties properties) {
        this(properties.path());
    }

    Outbox(Path file) {
        this.file = file;
        this.mayHoldEntries = !isEmpty();
    }

    /** False when there is certainly nothing to write to the database; cheap enough for every turn. */
    boolean mayHoldEntries() {
        return mayHoldEntries;
    }

    synchronized void append(Entry entry) {
        byte[] line = (json.writeValueAsString(Line.of(entry)) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            boolean created = false;
            Path highestCreated = null;
            if (!Files.exists(file)) {
                for (Path dir = file.toAbsolutePath().getParent();
                        dir != null && !Files.exists(dir);
                        dir = dir.getParent()) {
                    highestCreated = dir;
                }
                createFolder(file.toAbsolutePath().getParent());
                create(file);
                created = true;
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                channel.write(ByteBuffer.wrap(line));
                channel.force(false);
            }
            if (created) {
                // the new file's name (and any directory made for it) reaches the disk too, not only its content
                Path stop = highestCreated == null ? file.toAbsolutePath().getParent() : highestCreated.getParent();
                for (Path dir = file.toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
                    forceDirectory(dir);
                    if (dir.equals(stop)) {
                        break;
                    }
                }
            }
            mayHoldEntries = true;
        } catch (IOException e) {
            throw new UncheckedIOException("The outbox " + file + " cannot be written", e);
        }
    }

    synchronized boolean isEmpty() {
        try {
            return !Files.exists(file) || Files.size(file) == 0;
        } catch (IOException e) {
            return true;
        }
    }

    /** The entries not yet written to the database, oldest first. */
    synchronized List<Entry> pending() {
        if (isEmpty()) {
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                try {
                    entries.add(json.readValue(lines.get(i), Line.class).entry());
                } catch (JacksonException e) {
                    // Only a last line cut short by a crash mid-write can be unreadable; its visitor was never
                    // answered.
                    log.warn(
                            "Outbox {} line {} cannot be read and is skipped: {}", file, i + 1, e.getOriginalMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /** Forgets the first {@code count} entries, now in the database; entries appended meanwhile stay. */
    synchronized void written(int count) {
        List<Entry> rest = pending();
        rest = rest.subList(Math.min(count, rest.size()), rest.size());
        try {
            if (rest.isEmpty()) {
                Files.deleteIfExists(file);
                mayHoldEntries = false;
                return;
            }
            Path next = file.resolveSibling(file.getFileName() + ".next");
            Files.deleteIfExists(next);
            create(next);
            StringBuilder text = new StringBuilder();
            for (Entry entry : rest) {
                text.append(json.writeValueAsString(Line.of(entry))).append('\n');
            }
            Files.writeString(next, text, StandardCharsets.UTF_8, StandardOpenOption.WRITE);
            try (FileChannel channel = FileChannel.open(next, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The outbox's folder, if it is gone (it is created on start), readable by the service's user only. */
    private static void createFolder(Path folder) throws IOException {
        try {
            Files.createDirectories(
                    folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(folder);
        }
    }

    /** Flushes a directory's entries (a file created in it) to disk; where directories cannot be opened, does nothing. */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            log.debug(
                    "Outbox directory {} cannot be flushed here: {}",
                    directory,
                    e.getClass().getSimpleName());
        }
    }

    private static void create(Path path) throws IOException {
        try {
            Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(path);
        }
    }
}
