package com.clinicfaq.handoff;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Takes handoff requests from conversations: validated, stored, announced. */
@Service
public class HandoffService {

    private static final Logger log = LoggerFactory.getLogger(HandoffService.class);

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    HandoffService(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** The outcome of a submission: stored, or the fields to fix (nothing stored). */
    public sealed interface Result {
        record Stored(UUID handoffId) implements Result {}

        record Invalid(Map<String, String> errors) implements Result {}
    }

    /** Stores the request in the caller's transaction, so it is stored with the messages that confirm it. */
    @Transactional
    public Result submit(UUID conversationId, HandoffSubmission form, boolean emergency) {
        Map<String, String> errors = check(form);
        if (!errors.isEmpty()) {
            return new Result.Invalid(errors);
        }
        UUID id = UUID.randomUUID();
        insert(id, conversationId, form, emergency, clock.instant());
        return new Result.Stored(id);
    }

    /** What is wrong with a form, by field, in Spanish: for a visitor who writes Spanish. */
    public static Map<String, String> checkInSpanish(HandoffSubmission form) {
        return HandoffValidation.errors(form, true);
    }

    /** What is wrong with a form, by field; empty when it can be stored. */
    public Map<String, String> check(HandoffSubmission form) {
        return HandoffValidation.errors(form);
    }

    /**
     * Stores a request that was taken while the database could not be reached, with the id and time the
     * visitor was given; once only, however often it is offered.
     *
     * @return whether it was stored now (false: it already was)
     */
    @Transactional
    public boolean storeTakenDuringOutage(
            UUID id, UUID conversationId, HandoffSubmission form, boolean emergency, Instant createdAt) {
        if (find(id).isPresent()) {
            return false;
        }
        insert(id, conversationId, form, emergency, createdAt);
        return true;
    }

    private void insert(UUID id, UUID conversationId, HandoffSubmission form, boolean emergency, Instant createdAt) {
        jdbc.sql("""
                insert into handoff_request (id, conversation_id, name, phone, email, preferred_time, reason,
                                             consent_contact, consent_share, emergency, status, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'NEW', ?)""")
                .params(
                        id,
                        conversationId,
                        HandoffValidation.trim(form.name()),
                        HandoffValidation.strippedOrNull(form.phone()),
                        HandoffValidation.strippedOrNull(form.email()),
                        HandoffValidation.strippedOrNull(form.preferredTime()),
                        HandoffValidation.strippedOrNull(form.reason()),
                        form.consentContact(),
                        form.consentShare(),
                        emergency,
                        Timestamp.from(createdAt))
                .update();
        log.info("Handoff {} requested in conversation {}{}", id, conversationId, emergency ? " (emergency)" : "");
        events.publishEvent(new HandoffRequested(id, conversationId, emergency));
    }

    /** The queue: open requests before closed ones, emergencies first, newest first. */
    public List<HandoffRequest> queue() {
        return queue(null, null);
    }

    /**
     * The queue, narrowed to one status and to requests whose name, phone, email or reason contain
     * {@code search} (either may be null).
     */
    public List<HandoffRequest> queue(HandoffRequest.Status status, String search) {
        String like = search == null || search.isBlank()
                ? null
                : "%" + search.strip().toLowerCase(java.util.Locale.ROOT) + "%";
        return jdbc.sql(SELECT + " " + """
                 where (cast(:status as varchar(20)) is null or status = :status)
                   and (cast(:like as varchar(300)) is null or lower(name) like :like or lower(coalesce(phone, '')) like :like
                        or lower(coalesce(email, '')) like :like or lower(coalesce(reason, '')) like :like)
                 order by case status when 'CLOSED' then 1 else 0 end, emergency desc, created_at desc""")
                .param("status", status == null ? null : status.name())
                .param("like", like)
                .query(HandoffService::request)
                .list();
    }

    /** Records who follows the request up. */
    @Transactional
    public void assign(UUID id, String username) {
        jdbc.sql("update handoff_request set assigned_to = ? where id = ?")
                .params(username, id)
                .update();
    }

    public record Note(Instant at, String username, String text) {}

    @Transactional
    public void addNote(UUID id, String username, String text) {
        String note = HandoffValidation.trim(text);
        if (note.isEmpty() || note.length() > 2000) {
            throw new IllegalArgumentException("a note is 1 to 2000 characters");
        }
        jdbc.sql("insert into handoff_note (id, handoff_id, at, username, text) values (?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), id, Timestamp.from(clock.instant()), username, note)
                .update();
    }

    public List<Note> notes(UUID id) {
        return jdbc.sql("select at, username, text from handoff_note where handoff_id = ? order by at")
                .param(id)
                .query((rs, n) ->
                        new Note(rs.getTimestamp("at").toInstant(), rs.getString("username"), rs.getString("text")))
                .list();
    }

    public Optional<HandoffRequest> find(UUID id) {
        return jdbc.sql(SELECT + " where id = ?")
                .param(id)
                .query(HandoffService::request)
                .optional();
    }

    /** Moves a request forward (new, in progress, closed); refuses to move it back or to stay. */
    @Transactional
    public HandoffRequest changeStatus(UUID id, HandoffRequest.Status next) {
        HandoffRequest request = find(id).orElseThrow(() -> new IllegalArgumentException("no handoff request " + id));
        if (!request.status().canBecome(next)) {
            throw new IllegalStateException("a " + request.status() + " request cannot become " + next);
        }
        jdbc.sql("update handoff_request set status = ?, closed_at = ? where id = ? and status = ?")
                .params(
                        next.name(),
                        next == HandoffRequest.Status.CLOSED ? Timestamp.from(clock.instant()) : null,
                        id,
                        request.status().name())
                .update();
        log.info("Handoff {} is now {}", id, next);
        return find(id).orElseThrow();
    }

    /** Deletes the requests staff closed before {@code closedBefore} (retention, which the conversation module runs). */
    @Transactional
    public int deleteClosedBefore(Instant closedBefore) {
        return jdbc.sql("delete from handoff_request where status = 'CLOSED' and closed_at < ?")
                .param(Timestamp.from(closedBefore))
                .update();
    }

    /** Of {@code conversationIds}, those a request was made from: retention keeps them. */
    public Set<UUID> conversationsWithRequests(Collection<UUID> conversationIds) {
        Set<UUID> with = new HashSet<>();
        List<UUID> ids = List.copyOf(conversationIds);
        for (int from = 0; from < ids.size(); from += IDS_AT_ONCE) {
            with.addAll(jdbc.sql("select distinct conversation_id from handoff_request where conversation_id in (:ids)")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + IDS_AT_ONCE)))
                    .query(UUID.class)
                    .list());
        }
        return with;
    }

    private static final int IDS_AT_ONCE = 500;

    /** How many requests were received on a day (the server's), emergency or not. */
    public record Received(LocalDate day, boolean emergency, int count) {}

    /** The requests received from {@code start} (inclusive) to {@code end} (exclusive), counted by day and emergency. */
    public List<Received> receivedByDay(Timestamp start, Timestamp end) {
        return jdbc.sql("""
                select on_day, emergency, count(*) as n from (
                  select cast(created_at as date) as on_day, emergency from handoff_request
                  where created_at >= :start and created_at < :end
                ) h group by on_day, emergency""")
                .param("start", start)
                .param("end", end)
                .query((rs, n) -> new Received(
                        rs.getObject("on_day", LocalDate.class), rs.getBoolean("emergency"), rs.getInt("n")))
                .list();
    }

    /** How many requests have {@code status} now. */
    public long count(HandoffRequest.Status status) {
        return jdbc.sql("select count(*) from handoff_request where status = ?")
                .param(status.name())
                .query(Long.class)
                .single();
    }

    private static final String SELECT = "select id, conversation_id, name, phone, email, preferred_time, reason,"
            + " consent_contact, consent_share, emergency, status, created_at, assigned_to from handoff_request";

    private static HandoffRequest request(ResultSet rs, int row) throws SQLException {
        return new HandoffRequest(
                rs.getObject("id", UUID.class),
                rs.getObject("conversation_id", UUID.class),
                rs.getString("name"),
                rs.getString("phone"),
                rs.getString("email"),
                rs.getString("preferred_time"),
                rs.getString("reason"),
                rs.getBoolean("consent_contact"),
                rs.getBoolean("consent_share"),
                rs.getBoolean("emergency"),
                HandoffRequest.Status.valueOf(rs.getString("status")),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("assigned_to"));
    }
}
