package com.clinicfaq.conversation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The conversation module's side of {@link VisitorTurns} (issue #20): what visitors did right after an answer, and the
 * turns that failed, read from this module's own tables ({@code message}, {@code failed_turn}) for curation's
 * unanswered-questions page. What a reply's kind means (a contact form, a clinician's referral, an offer of a person) is
 * decided here, where the kinds are made. SQL plain enough for H2 (PostgreSQL mode) and PostgreSQL alike.
 */
@Repository
class StoredTurns implements VisitorTurns {

    /**
     * Each confident answer to a visitor message ({@code b}, the bot's first reply to {@code v}) with the visitor's next
     * message ({@code n}) and the bot's first reply to that ({@code r}), and whether a contact form opened in between
     * (the visitor took up an offer with its button); answers followed by nothing are left out.
     */
    private static final String ANSWERS_FOLLOWED = """
            select v.text as question, v.sent_at as asked_at, b.rule_id as item, b.text as answer,
                   n.text as next_text, r.kind as next_kind, r.rule_id as next_item, r.actions as next_actions,
                   case when exists (select 1 from message h where h.conversation_id = b.conversation_id
                                     and h.kind = 'handoff.form' and h.seq > b.seq and (n.seq is null or h.seq < n.seq))
                        then 1 else 0 end as took_offer
            from message v
            join message b on b.conversation_id = v.conversation_id and b.seq = v.seq + 1 and b.sender = 'BOT'
            left join message n on n.conversation_id = b.conversation_id and n.sender = 'VISITOR'
                 and n.seq = (select min(x.seq) from message x where x.conversation_id = b.conversation_id
                              and x.sender = 'VISITOR' and x.seq > b.seq)
            left join message r on r.conversation_id = n.conversation_id and r.seq = n.seq + 1 and r.sender = 'BOT'
            where v.sender = 'VISITOR' and v.kind = 'message' and v.sent_at >= :start and v.sent_at < :end
              and b.kind = 'answer' and coalesce(b.confidence, 1) >= :low and (b.helpful is null or b.helpful = true)
              and (n.seq is not null or exists (select 1 from message h where h.conversation_id = b.conversation_id
                                                and h.kind = 'handoff.form' and h.seq > b.seq))
            order by v.sent_at desc, v.conversation_id, v.seq fetch first %d rows only""".formatted(MOST_RECENT);

    private static final String FAILED = """
            select conversation_id, text, failed_at, error from failed_turn where failed_at >= :start and failed_at < :end
            order by failed_at desc fetch first %d rows only""".formatted(MOST_RECENT);

    private final JdbcClient jdbc;

    StoredTurns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<FollowedAnswer> answersFollowed(Instant start, Instant end, double lowConfidence) {
        return jdbc
                .sql(ANSWERS_FOLLOWED)
                .param("start", Timestamp.from(start))
                .param("end", Timestamp.from(end))
                .param("low", lowConfidence)
                .query((rs, row) -> followed(rs))
                .list()
                .stream()
                .flatMap(Optional::stream)
                .toList();
    }

    @Override
    public List<FailedTurn> failedTurns(Instant start, Instant end) {
        return jdbc.sql(FAILED)
                .param("start", Timestamp.from(start))
                .param("end", Timestamp.from(end))
                .query((rs, row) -> new FailedTurn(
                        rs.getObject("conversation_id", java.util.UUID.class),
                        rs.getString("text"),
                        rs.getTimestamp("failed_at").toInstant(),
                        rs.getString("error")))
                .list();
    }

    /** The answer and what the visitor did next, if it is one of {@link Next}'s (not thanks, not an emergency). */
    private static Optional<FollowedAnswer> followed(ResultSet rs) throws SQLException {
        String question = rs.getString("question");
        Instant asked = rs.getTimestamp("asked_at").toInstant();
        String item = rs.getString("item") == null ? "" : rs.getString("item");
        String answer = rs.getString("answer");
        if (rs.getInt("took_offer") == 1) {
            return Optional.of(new FollowedAnswer(question, asked, item, answer, Next.PERSON, null, ""));
        }
        String kind = rs.getString("next_kind");
        if (kind == null) {
            return Optional.empty();
        }
        Next next = switch (BotMessage.Kind.ofWire(kind)) {
            case HANDOFF_FORM, CLINICIAN -> Next.PERSON;
            case SMALLTALK -> offersAPerson(rs.getString("next_actions")) ? Next.COMPLAINT : null;
            case ANSWER, UNKNOWN, CLARIFY -> Next.QUESTION;
            case GREETING, EMERGENCY, HANDOFF_OFFER, HANDOFF_CONFIRMED, HANDOFF_CANCELLED -> null;
        };
        if (next == null) {
            return Optional.empty();
        }
        String nextItem = kind.equals(BotMessage.Kind.ANSWER.wire()) && rs.getString("next_item") != null
                ? rs.getString("next_item")
                : "";
        return Optional.of(new FollowedAnswer(
                question,
                asked,
                item,
                answer,
                next,
                next == Next.QUESTION ? rs.getString("next_text") : null,
                next == Next.QUESTION ? nextItem : ""));
    }

    private static boolean offersAPerson(String actions) {
        return actions != null && List.of(actions.split(",")).contains(BotMessage.Action.ACCEPT_HANDOFF.type());
    }
}
