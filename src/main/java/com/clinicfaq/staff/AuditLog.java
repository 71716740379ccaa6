package com.clinicfaq.staff;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who viewed or changed which handoff request, or changed the knowledge base, when. Insert-only: the console
 * cannot edit it.
 */
@Repository
public class AuditLog {

    record Event(Instant at, String username, String action, UUID handoffId, String detail) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Something done to the knowledge base or the console itself (no handoff request); detail at most 200 characters. */
    public void record(String username, String action, String detail) {
        record(username, action, null, detail);
    }

    void record(String username, String action, UUID handoffId, String detail) {
        jdbc.sql("insert into audit_event (id, at, username, action, handoff_id, detail) values (?, ?, ?, ?, ?, ?)")
                .params(
                        UUID.randomUUID(),
                        Timestamp.from(clock.instant()),
                        username,
                        action,
                        handoffId,
                        detail == null || detail.length() <= 200 ? detail : detail.substring(0, 199) + "…")
                .update();
    }

    List<Event> recent(int limit) {
        return jdbc.sql(SELECT + " order by at desc fetch first ? rows only")
                .param(limit)
                .query(AuditLog::event)
                .list();
    }

    List<Event> forHandoff(UUID handoffId) {
        return jdbc.sql(SELECT + " where handoff_id = ? order by at")
                .param(handoffId)
                .query(AuditLog::event)
                .list();
    }

    private static final String SELECT = "select at, username, action, handoff_id, detail from audit_event";

    private static Event event(ResultSet rs, int row) throws SQLException {
        return new Event(
                rs.getTimestamp("at").toInstant(),
                rs.getString("username"),
                rs.getString("action"),
                rs.getObject("handoff_id", UUID.class),
                rs.getString("detail"));
    }
}
