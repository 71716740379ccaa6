package com.clinicfaq.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The audit log against its table as the Flyway migrations make it, in the tests' H2 (PostgreSQL mode), without the
 * rest of the application: a slice that starts in a second or two. Each test's events are rolled back after it.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE) // the H2 the migrations are written for
@Import({AuditLog.class, AuditLogTests.OneMinuteApart.class})
class AuditLogTests {

    static final Instant START = Instant.parse("2026-12-05T09:00:00Z");

    /** A clock that moves on a minute each time it is read: every event its own, known time. */
    @TestConfiguration(proxyBeanMethods = false)
    static class OneMinuteApart {
        @Bean
        Clock clock() {
            return new Clock() {
                private Instant next = START;

                @Override
                public ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(ZoneId zone) {
                    return this;
                }

                @Override
                public synchronized Instant instant() {
                    Instant now = next;
                    next = next.plusSeconds(60);
                    return now;
                }
            };
        }
    }

    @Autowired
    AuditLog audit;

    @Test
    void listsTheMostRecentEventsNewestFirstAndNoMoreThanAsked() {
        audit.record("ada", "ACCOUNT_CREATED", "edith (Editor)");
        audit.record("edith", "KNOWLEDGE_PUBLISHED", "Who drives home");
        audit.record("ada", "ACCOUNT_DEACTIVATED", "edith");

        assertThat(audit.recent(2))
                .extracting(AuditEvent::action)
                .containsExactly("ACCOUNT_DEACTIVATED", "KNOWLEDGE_PUBLISHED");
        assertThat(audit.recent(500)).first().satisfies(newest -> {
            assertThat(newest.username()).isEqualTo("ada");
            assertThat(newest.detail()).isEqualTo("edith");
            assertThat(newest.handoffId()).isNull();
        });
        assertThat(audit.recent(500))
                .extracting(AuditEvent::at)
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void listsAHandoffRequestsOwnEventsOldestFirst() {
        UUID handoff = UUID.randomUUID();
        audit.record("rory", "VIEWED", handoff, null);
        audit.record("rory", "VIEWED", UUID.randomUUID(), null);
        audit.record("rory", "STATUS_CHANGED", handoff, "IN_PROGRESS");

        assertThat(audit.forHandoff(handoff))
                .extracting(AuditEvent::action, AuditEvent::detail)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("VIEWED", null),
                        org.assertj.core.groups.Tuple.tuple("STATUS_CHANGED", "IN_PROGRESS"));
        assertThat(audit.forHandoff(handoff))
                .allSatisfy(event -> assertThat(event.handoffId()).isEqualTo(handoff));
        assertThat(audit.forHandoff(handoff).getFirst().at())
                .isBefore(audit.forHandoff(handoff).getLast().at());
    }

    @Test
    void keepsADetailToTheColumnsTwoHundredCharactersEndingALongerOneWithAnEllipsis() {
        audit.record("ada", "KNOWLEDGE_PUBLISHED", "x".repeat(200));
        audit.record("ada", "KNOWLEDGE_PUBLISHED", "y".repeat(500));

        assertThat(audit.recent(2))
                .extracting(AuditEvent::detail)
                .containsExactly("y".repeat(199) + "…", "x".repeat(200));
    }
}
