package com.clinicfaq.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicfaq.ApplicationTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the widget's privacy note promises: quiet conversations without a handoff are deleted, and with them the turns
 * that failed and staff's flags on their messages.
 */
@ApplicationTest
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
        assertThat(jdbc.sql("select count(*) from message where conversation_id = ?")
                        .param(old)
                        .query(Integer.class)
                        .single())
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
                .params(
                        closedLongAgo,
                        conversation,
                        Timestamp.from(Instant.now().minus(Duration.ofDays(400))),
                        Timestamp.from(Instant.now().minus(Duration.ofDays(366))))
                .update();

        retention.deleteExpired();

        assertThat(jdbc.sql("select count(*) from handoff_request where id = ?")
                        .param(closedLongAgo)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(exists(conversation)).isFalse();
    }

    @Test
    void deletesFailedTurnsAndFlagsWithTheirConversationsOrOnceAsOld() {
        UUID old = conversation(Duration.ofDays(31));
        UUID kept = conversation(Duration.ofDays(90));
        jdbc.sql("""
                insert into handoff_request (id, conversation_id, name, phone, consent_contact, consent_share, status, created_at)
                values (?, ?, 'A', '7075550100', true, true, 'NEW', ?)""")
                .params(UUID.randomUUID(), kept, Timestamp.from(Instant.now()))
                .update();
        UUID neverStored = UUID.randomUUID();
        failedTurn(old, Duration.ofDays(31));
        failedTurn(kept, Duration.ofDays(90));
        failedTurn(neverStored, Duration.ofDays(31));
        failedTurn(neverStored, Duration.ofDays(2));
        jdbc.sql(
                        "insert into missed_emergency_mark (conversation_id, seq, marked_by, marked_at) values (?, 1, 'ada', ?)")
                .params(old, Timestamp.from(Instant.now()))
                .update();

        retention.deleteExpired();

        assertThat(failedTurns(old)).as("with its conversation").isZero();
        assertThat(failedTurns(kept))
                .as("its conversation is kept for a handoff request")
                .isEqualTo(1);
        assertThat(failedTurns(neverStored))
                .as("the recent one, of a conversation never stored")
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from missed_emergency_mark where conversation_id = ?")
                        .param(old)
                        .query(Integer.class)
                        .single())
                .as("a flag goes with its message")
                .isZero();
    }

    private void failedTurn(UUID conversation, Duration ago) {
        jdbc.sql(
                        "insert into failed_turn (conversation_id, client_id, text, error, failed_at) values (?, 'c-9', 'hi', 'IllegalStateException', ?)")
                .params(conversation, Timestamp.from(Instant.now().minus(ago)))
                .update();
    }

    private int failedTurns(UUID conversation) {
        return jdbc.sql("select count(*) from failed_turn where conversation_id = ?")
                .param(conversation)
                .query(Integer.class)
                .single();
    }

    private UUID conversation(Duration quietFor) {
        UUID id = UUID.randomUUID();
        Timestamp at = Timestamp.from(Instant.now().minus(quietFor));
        jdbc.sql("insert into conversation (id, started_at, last_activity_at) values (?, ?, ?)")
                .params(id, at, at)
                .update();
        jdbc.sql(
                        "insert into message (conversation_id, seq, sender, kind, text, sent_at) values (?, 1, 'VISITOR', 'message', 'hi', ?)")
                .params(id, at)
                .update();
        return id;
    }

    private boolean exists(UUID id) {
        return jdbc.sql("select count(*) from conversation where id = ?")
                        .param(id)
                        .query(Integer.class)
                        .single()
                == 1;
    }
}
