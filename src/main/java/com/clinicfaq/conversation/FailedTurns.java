package com.clinicfaq.conversation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Visitor messages whose turn failed with an error (issue #20). The turn's transaction was rolled back, so the message is
 * not in its transcript; it is kept here, in a transaction of its own, for editors' unanswered-questions page (through
 * {@link StoredTurns}), with the kind of error and never its message. {@link Retention} deletes them.
 */
@Repository
class FailedTurns {

    /** The longest text kept, as the transcript keeps a message. */
    static final int MAX_TEXT = 4000;

    private static final int MAX_ERROR = 100;

    private final JdbcClient jdbc;

    FailedTurns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(UUID conversation, String clientId, String text, Throwable error, Instant at) {
        jdbc.sql("insert into failed_turn (conversation_id, client_id, text, error, failed_at) values (?, ?, ?, ?, ?)")
                .params(
                        conversation,
                        clientId,
                        text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT),
                        kind(error),
                        Timestamp.from(at))
                .update();
    }

    /** The class name of the error's root cause, which says what failed without anything the visitor wrote. */
    static String kind(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String name = root.getClass().getSimpleName().isEmpty()
                ? root.getClass().getName()
                : root.getClass().getSimpleName();
        return name.length() <= MAX_ERROR ? name : name.substring(0, MAX_ERROR);
    }
}
