package com.clinicfaq.analytics;

import com.clinicfaq.conversation.AnswerFeedbackGiven;
import com.clinicfaq.conversation.ConversationStarted;
import com.clinicfaq.conversation.VisitorMessageReplied;
import com.clinicfaq.curation.MissedQuestionsProperties;
import com.clinicfaq.handoff.HandoffRequest;
import com.clinicfaq.handoff.HandoffRequested;
import com.clinicfaq.handoff.HandoffService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The page's figures as Micrometer meters, counted from the conversation and handoff events once
 * what they describe is committed. Tags are few and fixed (an outcome, whether it was an emergency,
 * a status): never a visitor's words, a rule or a conversation id.
 */
@Component
class AnalyticsMetrics {

    private final Counter conversations;
    private final Map<Outcome, Counter> questions = new EnumMap<>(Outcome.class);
    private final Counter emergencies;
    private final Counter handoffs;
    private final Counter emergencyHandoffs;
    private final Counter helpful;
    private final Counter notHelpful;
    private final MissedQuestionsProperties properties;
    private final HandoffService handoffRequests;

    AnalyticsMetrics(MeterRegistry registry, MissedQuestionsProperties properties, HandoffService handoffRequests) {
        this.properties = properties;
        this.handoffRequests = handoffRequests;
        conversations = Counter.builder("clinicfaq.conversations.started")
                .description("Conversations started by visitors")
                .register(registry);
        for (Outcome outcome : Outcome.values()) {
            questions.put(
                    outcome,
                    Counter.builder("clinicfaq.questions")
                            .description(
                                    "Visitor messages by the outcome of the bot's reply (answered, low_confidence, out_of_scope and"
                                            + " unknown are questions to the knowledge base)")
                            .tag("outcome", outcome.tag())
                            .register(registry));
        }
        emergencies = Counter.builder("clinicfaq.emergencies")
                .description("Urgent guidance given in reply to a visitor's message")
                .register(registry);
        helpful = feedbackCounter(registry, true);
        notHelpful = feedbackCounter(registry, false);
        handoffs = handoffCounter(registry, false);
        emergencyHandoffs = handoffCounter(registry, true);
        for (HandoffRequest.Status status :
                new HandoffRequest.Status[] {HandoffRequest.Status.NEW, HandoffRequest.Status.IN_PROGRESS}) {
            Gauge.builder("clinicfaq.handoffs.open", this, metrics -> metrics.open(status))
                    .description("Handoff requests waiting for staff, by status")
                    .tag("status", status.name())
                    .register(registry);
        }
    }

    private static Counter feedbackCounter(MeterRegistry registry, boolean helped) {
        return flagCounter(
                registry,
                "clinicfaq.answers.feedback",
                "Visitors' answers to \"Did this answer your question?\"",
                "helpful",
                helped);
    }

    /** A counter with one tag that is true or false. */
    private static Counter flagCounter(
            MeterRegistry registry, String name, String description, String tag, boolean value) {
        return Counter.builder(name)
                .description(description)
                .tag(tag, Boolean.toString(value))
                .register(registry);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void feedback(AnswerFeedbackGiven event) {
        (event.helpful() ? helpful : notHelpful).increment();
    }

    private static Counter handoffCounter(MeterRegistry registry, boolean emergency) {
        return flagCounter(
                registry, "clinicfaq.handoffs.requested", "Handoff requests received", "emergency", emergency);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void started(ConversationStarted event) {
        conversations.increment();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void replied(VisitorMessageReplied event) {
        boolean low = event.confidence() != null && event.confidence() < properties.lowConfidence();
        questions
                .get(Outcome.of(
                        event.reply(),
                        low,
                        event.ruleId() != null && !event.ruleId().isBlank()))
                .increment();
        if (event.emergency()) {
            emergencies.increment();
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void handoffRequested(HandoffRequested event) {
        (event.emergency() ? emergencyHandoffs : handoffs).increment();
    }

    private double open(HandoffRequest.Status status) {
        return handoffRequests.count(status);
    }
}
