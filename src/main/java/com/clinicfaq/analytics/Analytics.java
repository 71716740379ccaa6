package com.clinicfaq.analytics;

import com.clinicfaq.conversation.BotMessage;
import com.clinicfaq.curation.MissedQuestions;
import com.clinicfaq.knowledge.CurrentKnowledge;
import com.clinicfaq.knowledge.Faq;
import com.clinicfaq.knowledge.KnowledgeBase;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The figures of a range of days, from the stored conversations and handoff requests. A visitor
 * message's outcome is the bot message that follows it. Days are the server's: timestamps are
 * stored in its time zone. The SQL is plain enough for H2 (PostgreSQL mode) and PostgreSQL alike.
 */
@Service
public class Analytics {

    static final int TOP = 10;

    /** Every visitor message in the range with the bot's first reply to it: the reply's kind, rule and source. */
    private static final String REPLIES = """
            select cast(v.sent_at as date) as on_day, lower(v.text) as question, b.kind as kind, b.rule_id as rule_id,
                   b.source_article as article_id, b.source_section as section_title,
                   case when b.confidence < :low then 1 else 0 end as low,
                   case when coalesce(b.rule_id, '') = '' then 0 else 1 end as ruled
            from message v
            join message b on b.conversation_id = v.conversation_id and b.seq = v.seq + 1 and b.sender = 'BOT'
            where v.sender = 'VISITOR' and v.sent_at >= :start and v.sent_at < :end""";

    private final JdbcClient jdbc;
    private final CurrentKnowledge current;
    private final MissedQuestions missed;
    private final Clock clock;

    Analytics(JdbcClient jdbc, CurrentKnowledge current, MissedQuestions missed, Clock clock) {
        this.jdbc = jdbc;
        this.current = current;
        this.missed = missed;
        this.clock = clock;
    }

    /**
     * @param outcomes how many visitor messages had each outcome
     * @param handoffs handoff requests received
     * @param emergencyHandoffs of those, from conversations in which urgent guidance was given
     */
    public record Report(
            LocalDate from,
            LocalDate to,
            int conversations,
            Map<Outcome, Integer> outcomes,
            int handoffs,
            int emergencyHandoffs,
            Feedback feedback,
            List<Day> days,
            List<TopQuestion> topQuestions,
            List<MissedQuestion> missedQuestions) {

        public int count(Outcome outcome) {
            return outcomes.getOrDefault(outcome, 0);
        }

        /** Questions put to the knowledge base: answered or not. */
        public int knowledgeQuestions() {
            return outcomes.entrySet().stream().filter(e -> e.getKey().knowledgeQuestion()).mapToInt(Map.Entry::getValue).sum();
        }

        public int answered() {
            return count(Outcome.ANSWERED);
        }

        public int notAnswered() {
            return knowledgeQuestions() - answered();
        }

        /** The share of knowledge-base questions answered, in whole percent; null when there were none. */
        public Integer answeredPercent() {
            int questions = knowledgeQuestions();
            return questions == 0 ? null : (int) Math.round(100.0 * answered() / questions);
        }

        /** Urgent guidance given in reply to a visitor's message. */
        public int emergencies() {
            return count(Outcome.EMERGENCY);
        }
    }

    /** Visitors' answers to "Did this answer your question?" on the bot's answers (issue #19). */
    public record Feedback(int helpful, int notHelpful) {}

    public record Day(LocalDate date, int conversations, int answered, int notAnswered, int emergencies, int handoffs) {}

    /** A knowledge item answered {@code count} times; the title is the FAQ's question or the article section. */
    public record TopQuestion(String itemId, String title, int count) {}

    /** Visitors' words (normalised, contact details masked) that got no good answer, and why. */
    public record MissedQuestion(String text, int count, Set<Outcome> outcomes) {

        /** Why, in words: "Not in the knowledge base, Answered with low confidence". */
        public String reasons() {
            return String.join(", ", outcomes.stream().map(Outcome::label).toList());
        }
    }

    /** Today, on the calendar the stored days use. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneId.systemDefault());
    }

    public Report report(LocalDate from, LocalDate to) {
        Timestamp start = Timestamp.valueOf(from.atStartOfDay());
        Timestamp end = Timestamp.valueOf(to.plusDays(1).atStartOfDay());
        Map<LocalDate, DayCounts> days = new LinkedHashMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.put(day, new DayCounts());
        }

        jdbc.sql("""
                select on_day, count(*) as n from (
                  select cast(started_at as date) as on_day from conversation where started_at >= :start and started_at < :end
                ) c group by on_day""")
                .param("start", start).param("end", end)
                .query((RowCallbackHandler) rs -> days.get(day(rs)).conversations += rs.getInt("n"));

        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        replies("select on_day, kind, low, ruled, count(*) as n from (" + REPLIES + ") r group by on_day, kind, low, ruled",
                start, end)
                .query((RowCallbackHandler) rs -> {
                    Outcome outcome = outcome(rs);
                    days.get(day(rs)).add(outcome, rs.getInt("n"));
                    outcomes.merge(outcome, rs.getInt("n"), Integer::sum);
                });

        int[] handoffs = new int[2]; // all, emergency
        jdbc.sql("""
                select on_day, emergency, count(*) as n from (
                  select cast(created_at as date) as on_day, emergency from handoff_request
                  where created_at >= :start and created_at < :end
                ) h group by on_day, emergency""")
                .param("start", start).param("end", end)
                .query((RowCallbackHandler) rs -> {
                    days.get(day(rs)).handoffs += rs.getInt("n");
                    handoffs[0] += rs.getInt("n");
                    handoffs[1] += rs.getBoolean("emergency") ? rs.getInt("n") : 0;
                });

        int[] feedback = new int[2]; // helpful, not
        jdbc.sql("""
                select helpful, count(*) as n from message
                where sender = 'BOT' and helpful is not null and sent_at >= :start and sent_at < :end group by helpful""")
                .param("start", start).param("end", end)
                .query((RowCallbackHandler) rs -> feedback[rs.getBoolean("helpful") ? 0 : 1] += rs.getInt("n"));

        return new Report(from, to, days.values().stream().mapToInt(d -> d.conversations).sum(), outcomes, handoffs[0],
                handoffs[1], new Feedback(feedback[0], feedback[1]), days.entrySet().stream().map(e -> e.getValue().toDay(e.getKey())).toList(),
                topQuestions(start, end), missedQuestions(start, end));
    }

    private List<TopQuestion> topQuestions(Timestamp start, Timestamp end) {
        return replies("""
                select rule_id, max(article_id) as article_id, max(section_title) as section_title, count(*) as n
                from (%s) r where kind = 'answer' and low = 0 and ruled = 1
                group by rule_id order by n desc, rule_id fetch first %d rows only""".formatted(REPLIES, TOP), start, end)
                .query((rs, n) -> new TopQuestion(rs.getString("rule_id"),
                        title(rs.getString("rule_id"), rs.getString("article_id"), rs.getString("section_title")), rs.getInt("n")))
                .list();
    }

    /** The FAQ's question, or the section and article a passage comes from, or the id when neither is known. */
    private String title(String itemId, String articleId, String section) {
        KnowledgeBase knowledge = current.knowledge();
        return knowledge.faqs().stream()
                .filter(faq -> faq.id().equals(itemId))
                .map(Faq::question)
                .findFirst()
                .orElseGet(() -> section == null
                        ? itemId
                        : knowledge.article(articleId).map(a -> section + " (" + a.title() + ")").orElse(section));
    }

    private List<MissedQuestion> missedQuestions(Timestamp start, Timestamp end) {
        return missed.between(start, end, true).stream()
                .limit(TOP)
                .map(m -> new MissedQuestion(m.text(), m.count(), outcomes(m.reasons())))
                .toList();
    }

    private static Set<Outcome> outcomes(Set<MissedQuestions.Reason> reasons) {
        Set<Outcome> outcomes = EnumSet.noneOf(Outcome.class);
        for (MissedQuestions.Reason reason : reasons) {
            switch (reason) {
                case NOT_IN_KNOWLEDGE_BASE -> outcomes.add(Outcome.UNKNOWN);
                case OUT_OF_SCOPE -> outcomes.add(Outcome.OUT_OF_SCOPE);
                case LOW_CONFIDENCE -> outcomes.add(Outcome.LOW_CONFIDENCE);
                case HANDOFF -> {} // the page's reasons are the bot's replies; handoffs are counted on their own
                case NOT_HELPFUL -> {} // counted on their own: the visitors' feedback on answers
                case REPHRASED, ERROR -> {} // only the unanswered-questions page finds these
            }
        }
        return outcomes;
    }

    private JdbcClient.StatementSpec replies(String sql, Timestamp start, Timestamp end) {
        return jdbc.sql(sql).param("low", missed.lowConfidence()).param("start", start).param("end", end);
    }

    private static Outcome outcome(ResultSet rs) throws SQLException {
        return Outcome.of(BotMessage.Kind.ofWire(rs.getString("kind")), rs.getInt("low") == 1, rs.getInt("ruled") == 1);
    }

    private static LocalDate day(ResultSet rs) throws SQLException {
        return rs.getObject("on_day", LocalDate.class);
    }

    private static final class DayCounts {
        int conversations;
        int answered;
        int notAnswered;
        int emergencies;
        int handoffs;

        void add(Outcome outcome, int n) {
            if (outcome == Outcome.ANSWERED) {
                answered += n;
            } else if (outcome.missed()) {
                notAnswered += n;
            } else if (outcome == Outcome.EMERGENCY) {
                emergencies += n;
            }
        }

        Day toDay(LocalDate date) {
            return new Day(date, conversations, answered, notAnswered, emergencies, handoffs);
        }
    }
}
