package com.clinicfaq.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the widget's privacy note promises: quiet conversations without a handoff are deleted. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RetentionIntegrationTests {

    @Autowired
    Retention retention;

    @Autowired
    JdbcClient jdbc;

    @Test
    void deletesQuietConversationsWithoutAHandoffAndKeepsTheRest() {
        UUID old = conversation(Duration.ofDays(31));
        UUID recent = conversation(Duration.ofDays(29));
        UUID oldWithHandoff = conversation(Duration.ofDays(90));
        jdbc.sql("""
                insert into handoff_request (id, conversation_id, name, phone, consent_contact, consent_share, status, created_at)
                values (?, ?, 'A', '7075550100', true, true, 'NEW', ?)""")
                .params(UUID.randomUUID(), oldWithHandoff, Timestamp.from(Instant.now()))
                .update();

        retention.deleteExpired();

        assertThat(exists(old)).isFalse();
        assertThat(jdbc.sql("select count(*) from message where conversation_id = ?").param(old).query(Integer.class).single())
                .isZero();
        assertThat(exists(recent)).isTrue();
        assertThat(exists(oldWithHandoff)).isTrue();
    }

    @Test
    void deletesHandoffRequestsClosedLongAgoAndThenTheirConversations() {
        UUID conversation = conversation(Duration.ofDays(400));
        UUID closedLongAgo = UUID.randomUUID();
        jdbc.sql("""
                insert into handoff_request (id, conversation_id, name, phone, consent_contact, consent_share, status,
                                             created_at, closed_at)
                values (?, ?, 'A', '7075550100', true, true, 'CLOSED', ?, ?)""")
                .params(closedLongAgo, conversation, Timestamp.from(Instant.now().minus(Duration.ofDays(400))),
                        Timestamp.from(Instant.now().minus(Duration.ofDays(366))))
                .update();

        retention.deleteExpired();

        assertThat(jdbc.sql("select count(*) from handoff_request where id = ?").param(closedLongAgo).query(Integer.class).single())
                .isZero();
        assertThat(exists(conversation)).isFalse();
    }

    private UUID conversation(Duration quietFor) {
        UUID id = UUID.randomUUID();
        Timestamp at = Timestamp.from(Instant.now().minus(quietFor));
        jdbc.sql("insert into conversation (id, started_at, last_activity_at) values (?, ?, ?)").params(id, at, at).update();
        jdbc.sql("insert into message (conversation_id, seq, sender, kind, text, sent_at) values (?, 1, 'VISITOR', 'message', 'hi', ?)")
                .params(id, at)
                .update();
        return id;
    }

    private boolean exists(UUID id) {
        return jdbc.sql("select count(*) from conversation where id = ?").param(id).query(Integer.class).single() == 1;
    }
}
