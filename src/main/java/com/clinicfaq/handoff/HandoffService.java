package com.clinicfaq.handoff;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Takes handoff requests from conversations: validated, stored, announced. */
@Service
public class HandoffService {

    private static final Logger log = LoggerFactory.getLogger(HandoffService.class);

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    HandoffService(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** The outcome of a submission: stored, or the fields to fix (nothing stored). */
    public sealed interface Result {
        record Stored(UUID handoffId) implements Result {}

        record Invalid(Map<String, String> errors) implements Result {}
    }

    /** Stores the request in the caller's transaction, so it is stored with the messages that confirm it. */
    @Transactional
    public Result submit(UUID conversationId, HandoffSubmission form, boolean emergency) {
        Map<String, String> errors = HandoffValidation.errors(form);
        if (!errors.isEmpty()) {
            return new Result.Invalid(errors);
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into handoff_request (id, conversation_id, name, phone, email, preferred_time, reason,
                                             consent_contact, consent_share, emergency, status, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'NEW', ?)""")
                .params(id, conversationId, HandoffValidation.trim(form.name()), blankToNull(form.phone()),
                        blankToNull(form.email()), blankToNull(form.preferredTime()), blankToNull(form.reason()),
                        form.consentContact(), form.consentShare(), emergency, Timestamp.from(clock.instant()))
                .update();
        log.info("Handoff {} requested in conversation {}{}", id, conversationId, emergency ? " (emergency)" : "");
        events.publishEvent(new HandoffRequested(id, conversationId, emergency));
        return new Result.Stored(id);
    }

    private static String blankToNull(String value) {
        String trimmed = HandoffValidation.trim(value);
        return trimmed.isEmpty() ? null : trimmed;
    }
}
