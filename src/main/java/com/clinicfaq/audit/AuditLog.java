package com.clinicfaq.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who viewed or changed which handoff request, or changed the knowledge base, when. Insert-only: the console
 * cannot edit it. Staff's console and curation's pages record here; staff's pages read it.
 */
@Repository
public class AuditLog {

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

    /** Something done to a handoff request; detail (or null) at most 200 characters, a longer one is cut. */
    public void record(String username, String action, UUID handoffId, String detail) {
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

    /** The most recent events, newest first, at most {@code limit} of them. */
    public List<AuditEvent> recent(int limit) {
        return jdbc.sql(SELECT + " order by at desc fetch first ? rows only")
                .param(limit)
                .query(AuditLog::event)
                .list();
    }

    /** A handoff request's own events, oldest first. */
    public List<AuditEvent> forHandoff(UUID handoffId) {
        return jdbc.sql(SELECT + " where handoff_id = ? order by at")
                .param(handoffId)
                .query(AuditLog::event)
                .list();
    }

    private static final String SELECT = "select at, username, action, handoff_id, detail from audit_event";

    private static AuditEvent event(ResultSet rs, int row) throws SQLException {
        return new AuditEvent(
                rs.getTimestamp("at").toInstant(),
                rs.getString("username"),
                rs.getString("action"),
                rs.getObject("handoff_id", UUID.class),
                rs.getString("detail"));
    }
}
