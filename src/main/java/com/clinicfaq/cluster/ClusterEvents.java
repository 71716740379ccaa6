package com.clinicfaq.cluster;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.NavigableSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Writes this instance's events to the shared table and publishes, as {@link ClusterEvent}s, the events
 * the other instances wrote. Read every {@code clinicfaq.cluster.poll-interval} (1 s by default).
 *
 * <p>Ids come from an identity column, and two transactions can commit their ids out of order, so each
 * read looks back a little before the highest id seen and skips the ids it has already seen.
 */
@Component
public class ClusterEvents {

    private static final Logger log = LoggerFactory.getLogger(ClusterEvents.class);
    private static final long LOOK_BACK = 200;
    private static final Duration KEEP = Duration.ofDays(1);

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String instance = UUID.randomUUID().toString();
    private final NavigableSet<Long> seen = new ConcurrentSkipListSet<>();
    private final long startedAfter;
    private volatile long highest;

    ClusterEvents(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.startedAfter = jdbc.sql("select coalesce(max(id), 0) from cluster_event")
                .query(Long.class)
                .single();
        this.highest = startedAfter;
    }

    /** Tells the other instances; part of the caller's transaction when there is one. */
    public void tellOthers(String kind, String ref) {
        jdbc.sql("insert into cluster_event (kind, ref, origin, created_at) values (?, ?, ?, ?)")
                .params(kind, ref, instance, Timestamp.from(clock.instant()))
                .update();
    }

    @Scheduled(fixedDelayString = "${clinicfaq.cluster.poll-interval:1s}")
    void readOthers() {
        List<Row> rows;
        try {
            rows = unread();
            if (unreachableSince != null) {
                log.info("The database is reachable again; reading the other instances' events");
                unreachableSince = null;
            }
        } catch (DataAccessException e) {
            if (unreachableSince == null) {
                unreachableSince = clock.instant();
                log.warn(
                        "The database is out of reach; the other instances' events are read once it is back ({})",
                        e.getClass().getSimpleName());
            }
            return;
        }
        dispatch(rows);
    }

    private volatile java.time.Instant unreachableSince;

    private List<Row> unread() {
        return jdbc.sql("select id, kind, ref, origin from cluster_event where id > ? order by id")
                .param(Math.max(0, highest - LOOK_BACK))
                .query((rs, n) ->
                        new Row(rs.getLong("id"), rs.getString("kind"), rs.getString("ref"), rs.getString("origin")))
                .list();
    }

    private void dispatch(List<Row> rows) {
        for (Row row : rows) {
            if (row.id() <= startedAfter || !seen.add(row.id())) {
                continue;
            }
            highest = Math.max(highest, row.id());
            if (!row.origin().equals(instance)) {
                try {
                    events.publishEvent(new ClusterEvent(row.kind(), row.ref()));
                } catch (RuntimeException e) {
                    log.warn("Handling cluster event {} ({}) failed", row.id(), row.kind(), e);
                }
            }
        }
        seen.headSet(highest - LOOK_BACK).clear();
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    void forgetOld() {
        jdbc.sql("delete from cluster_event where created_at < ?")
                .param(Timestamp.from(clock.instant().minus(KEEP)))
                .update();
    }

    private record Row(long id, String kind, String ref, String origin) {}
}
