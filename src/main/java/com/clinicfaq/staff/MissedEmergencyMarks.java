package com.clinicfaq.staff;

import com.clinicfaq.conversation.ConversationService;
import com.clinicfaq.conversation.TranscriptMessage;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Visitor messages staff marked (the console's pages say "flagged") as missed emergencies from a transcript in the
 * console (issue #20): listed on the administrators' safety review with who marked them ({@link SafetyReviewList}), and
 * never among the editors' unanswered questions (curation asks for {@link #markedTexts()}). The console owns the marks
 * (its table {@code missed_emergency_mark}, only the message's place, never its words) and reads the messages through
 * the conversation module's API; a mark goes with its message when retention deletes the conversation.
 */
@Repository
public class MissedEmergencyMarks {

    /** Who marked a message of a conversation, and when. */
    record Mark(UUID conversationId, int seq, String markedBy, Instant markedAt) {}

    private final JdbcClient jdbc;
    private final ConversationService conversations;
    private final Clock clock;

    MissedEmergencyMarks(JdbcClient jdbc, ConversationService conversations, Clock clock) {
        this.jdbc = jdbc;
        this.conversations = conversations;
        this.clock = clock;
    }

    /**
     * The texts of all marked messages, as the visitors typed them: what a page of ordinary questions leaves out, since
     * staff judged them emergencies the bot missed.
     */
    public Set<String> markedTexts() {
        Set<String> texts = new HashSet<>();
        for (Mark mark : all()) {
            conversations
                    .message(mark.conversationId(), mark.seq())
                    .filter(TranscriptMessage::fromVisitor)
                    .ifPresent(m -> texts.add(m.visitorText()));
        }
        return texts;
    }

    /** Marks the visitor's message {@code seq} of the conversation; false when it was marked already. */
    boolean mark(UUID conversationId, int seq, String by) {
        try {
            return jdbc.sql(
                                    "insert into missed_emergency_mark (conversation_id, seq, marked_by, marked_at) values (?, ?, ?, ?)")
                            .params(conversationId, seq, by, Timestamp.from(clock.instant()))
                            .update()
                    == 1;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** Takes the mark off; false when there was none. */
    boolean unmark(UUID conversationId, int seq) {
        return jdbc.sql("delete from missed_emergency_mark where conversation_id = ? and seq = ?")
                        .params(conversationId, seq)
                        .update()
                == 1;
    }

    /** The conversation's marks, in the order of its messages. */
    List<Mark> of(UUID conversationId) {
        return jdbc.sql(
                        "select conversation_id, seq, marked_by, marked_at from missed_emergency_mark where conversation_id = ? order by seq")
                .param(conversationId)
                .query((rs, row) -> mark(rs))
                .list();
    }

    /** Every mark, newest first. */
    List<Mark> all() {
        return jdbc.sql(
                        "select conversation_id, seq, marked_by, marked_at from missed_emergency_mark order by marked_at desc")
                .query((rs, row) -> mark(rs))
                .list();
    }

    private static Mark mark(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Mark(
                rs.getObject("conversation_id", UUID.class),
                rs.getInt("seq"),
                rs.getString("marked_by"),
                rs.getTimestamp("marked_at").toInstant());
    }
}
