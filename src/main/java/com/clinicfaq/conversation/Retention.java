package com.clinicfaq.conversation;

import com.clinicfaq.handoff.HandoffService;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes conversations that led to no handoff request once they have been quiet for the retention
 * period (default 30 days, as the widget's privacy note tells visitors), and handoff requests a year
 * (by default) after staff closed them; their conversations then go with the next run. Turns that failed with an error
 * ({@link FailedTurns}) go after the same period, unless their conversation is still kept. The handoff requests are the
 * handoff module's: it deletes them, and says which conversations they were made from.
 */
@Component
class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    /** How many conversations one statement deletes at the most. */
    private static final int IDS_AT_ONCE = 500;

    private final JdbcClient jdbc;
    private final HandoffService handoffs;
    private final Clock clock;
    private final Duration withoutHandoff;
    private final Duration closedHandoffs;

    Retention(JdbcClient jdbc, HandoffService handoffs, Clock clock, RetentionProperties properties) {
        this.jdbc = jdbc;
        this.handoffs = handoffs;
        this.clock = clock;
        this.withoutHandoff = properties.conversationsWithoutHandoff();
        this.closedHandoffs = properties.closedHandoffs();
    }

    @Scheduled(cron = "${clinicfaq.retention.schedule:0 17 3 * * *}")
    @Transactional
    public int deleteExpired() {
        int closed = handoffs.deleteClosedBefore(clock.instant().minus(closedHandoffs));
        if (closed > 0) {
            log.info("Retention: deleted {} handoff requests closed over {} ago", closed, closedHandoffs);
        }
        Timestamp cutoff = Timestamp.from(clock.instant().minus(withoutHandoff));
        List<UUID> quiet = jdbc.sql("select id from conversation where last_activity_at < ?")
                .param(cutoff)
                .query(UUID.class)
                .list();
        Set<UUID> kept = handoffs.conversationsWithRequests(quiet);
        List<UUID> expired = quiet.stream().filter(id -> !kept.contains(id)).toList();
        int deleted = 0;
        for (int from = 0; from < expired.size(); from += IDS_AT_ONCE) {
            deleted += jdbc.sql("delete from conversation where id in (:ids)")
                    .param("ids", expired.subList(from, Math.min(expired.size(), from + IDS_AT_ONCE)))
                    .update();
        }
        if (deleted > 0) {
            log.info(
                    "Retention: deleted {} conversations without a handoff request, quiet for over {}",
                    deleted,
                    withoutHandoff);
        }
        // a failed turn once it is as old, unless its conversation is kept (for a handoff request)
        int failed = jdbc.sql("""
                delete from failed_turn f
                where f.failed_at < ?
                  and not exists (select 1 from conversation c where c.id = f.conversation_id)""").param(cutoff).update();
        if (failed > 0) {
            log.info("Retention: deleted {} failed turns over {} old", failed, withoutHandoff);
        }
        return deleted;
    }
}
