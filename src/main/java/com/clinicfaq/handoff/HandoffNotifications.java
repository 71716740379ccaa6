package com.clinicfaq.handoff;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Whether staff have been told of each request, for whoever tells them (the staff module's emails): the requests whose
 * notice is owed, claimed one instance at a time, and each attempt's outcome, kept in this module's
 * {@code handoff_request} table. Ids, a flag, counts and times only: never contact or health details.
 */
@Repository
public class HandoffNotifications {

    /**
     * A request whose notice is owed: failed and due again, or never tried.
     *
     * @param attempts the attempts that failed so far
     * @param nextAt when it is due: the claim on it names this time, so that only one instance takes it; null for a
     *     request never tried
     */
    public record Owed(UUID handoffId, boolean emergency, int attempts, Instant nextAt) {}

    private final JdbcClient jdbc;

    HandoffNotifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The requests whose notice failed and is due at {@code now}. */
    public List<Owed> due(Instant now) {
        return jdbc.sql("select id, emergency, notify_attempts, notify_next_at from handoff_request"
                        + " where notified_at is null and notify_next_at is not null and notify_next_at <= ?")
                .param(Timestamp.from(now))
                .query((rs, n) -> new Owed(
                        rs.getObject("id", UUID.class),
                        rs.getBoolean("emergency"),
                        rs.getInt("notify_attempts"),
                        rs.getTimestamp("notify_next_at").toInstant()))
                .list();
    }

    /**
     * The requests stored from {@code from} to {@code to} whose notice was never tried: the first attempt runs after
     * the request is committed, off the visitor's thread, and a process stopped in between never made it.
     */
    public List<Owed> neverTried(Instant from, Instant to) {
        return jdbc.sql("select id, emergency from handoff_request where notified_at is null and notify_next_at is null"
                        + " and notify_attempts = 0 and created_at >= ? and created_at <= ?")
                .params(Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> new Owed(rs.getObject("id", UUID.class), rs.getBoolean("emergency"), 0, null))
                .list();
    }

    /**
     * Takes {@code owed} for this instance, putting its next attempt off to {@code until} (the first attempt as much
     * as a retry); false when another instance, or another attempt of this one, took it.
     */
    public boolean claim(Owed owed, Instant until) {
        if (owed.nextAt() == null) {
            return jdbc.sql("update handoff_request set notify_next_at = ? where id = ? and notified_at is null"
                                    + " and notify_next_at is null and notify_attempts = 0")
                            .params(Timestamp.from(until), owed.handoffId())
                            .update()
                    == 1;
        }
        return jdbc.sql("update handoff_request set notify_next_at = ? where id = ? and notify_next_at = ?")
                        .params(Timestamp.from(until), owed.handoffId(), Timestamp.from(owed.nextAt()))
                        .update()
                == 1;
    }

    /** Staff were told at {@code at}: nothing is owed any more. */
    public void notified(UUID handoffId, Instant at) {
        jdbc.sql("update handoff_request set notified_at = ?, notify_next_at = null where id = ?")
                .params(Timestamp.from(at), handoffId)
                .update();
    }

    /** The notice failed {@code attempts} times; it is due again at {@code nextAt}, or never when that is null. */
    public void failed(UUID handoffId, int attempts, Instant nextAt) {
        jdbc.sql("update handoff_request set notify_attempts = ?, notify_next_at = ? where id = ?")
                .params(attempts, nextAt == null ? null : Timestamp.from(nextAt), handoffId)
                .update();
    }
}
