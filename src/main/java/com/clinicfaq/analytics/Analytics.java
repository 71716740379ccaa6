package com.clinicfaq.analytics;

import com.clinicfaq.conversation.ConversationRecords;
import com.clinicfaq.curation.MissedQuestions;
import com.clinicfaq.handoff.HandoffService;
import com.clinicfaq.knowledge.CurrentKnowledge;
import com.clinicfaq.knowledge.Faq;
import com.clinicfaq.knowledge.KnowledgeBase;
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
import org.springframework.stereotype.Service;

/**
 * The figures of a range of days, from the stored conversations and handoff requests, as their modules give them
 * ({@link ConversationRecords}, {@link HandoffService}). A visitor message's outcome is the bot message that follows
 * it. Days are the server's: timestamps are stored in its time zone.
 */
@Service
public class Analytics {

    static final int TOP = 10;

    private final ConversationRecords conversations;
    private final HandoffService handoffRequests;
    private final CurrentKnowledge current;
    private final MissedQuestions missed;
    private final Clock clock;

    Analytics(
            ConversationRecords conversations,
            HandoffService handoffRequests,
            CurrentKnowledge current,
            MissedQuestions missed,
            Clock clock) {
        this.conversations = conversations;
        this.handoffRequests = handoffRequests;
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
            return outcomes.entrySet().stream()
                    .filter(e -> e.getKey().knowledgeQuestion())
                    .mapToInt(Map.Entry::getValue)
                    .sum();
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

    public record Day(
            LocalDate date, int conversations, int answered, int notAnswered, int emergencies, int handoffs) {}

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

        for (ConversationRecords.Started started : conversations.startedByDay(start, end)) {
            days.get(started.day()).conversations += started.count();
        }

        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        for (ConversationRecords.Replies replies : conversations.repliesByDay(start, end, missed.lowConfidence())) {
            Outcome outcome = Outcome.of(replies.kind(), replies.low(), replies.ruled());
            days.get(replies.day()).add(outcome, replies.count());
            outcomes.merge(outcome, replies.count(), Integer::sum);
        }

        int[] handoffs = new int[2]; // all, emergency
        for (HandoffService.Received received : handoffRequests.receivedByDay(start, end)) {
            days.get(received.day()).handoffs += received.count();
            handoffs[0] += received.count();
            handoffs[1] += received.emergency() ? received.count() : 0;
        }

        ConversationRecords.Feedback feedback = conversations.feedback(start, end);
        return new Report(
                from,
                to,
                days.values().stream().mapToInt(d -> d.conversations).sum(),
                outcomes,
                handoffs[0],
                handoffs[1],
                new Feedback(feedback.helpful(), feedback.notHelpful()),
                days.entrySet().stream()
                        .map(e -> e.getValue().toDay(e.getKey()))
                        .toList(),
                topQuestions(start, end),
                missedQuestions(start, end));
    }

    private List<TopQuestion> topQuestions(Timestamp start, Timestamp end) {
        return conversations.mostAnswered(start, end, missed.lowConfidence(), TOP).stream()
                .map(a -> new TopQuestion(a.itemId(), title(a.itemId(), a.articleId(), a.sectionTitle()), a.count()))
                .toList();
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
                        : knowledge
                                .article(articleId)
                                .map(a -> section + " (" + a.title() + ")")
                                .orElse(section));
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
