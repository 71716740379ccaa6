package com.clinicfaq.staff;

import com.clinicfaq.handoff.HandoffNotifications;
import com.clinicfaq.handoff.HandoffRequested;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Emails staff when a handoff request is stored: a link to it in the console and nothing else — no
 * name, no reason, no health information. Off unless {@code clinicfaq.notify.email.to} is set. When the mail
 * server cannot be reached, the request is stored all the same and the email is tried again later, after
 * {@code clinicfaq.notify.email.retry-after}, doubled each time, for up to 10 attempts; when the process stops between
 * storing a request and its first attempt, the email is sent by the next retry check after {@code retry-after}.
 */
@Component
class HandoffEmails {

    private static final Logger log = LoggerFactory.getLogger(HandoffEmails.class);
    private static final int MAX_ATTEMPTS = 10;
    /** How far back a request never tried is still emailed. */
    private static final Duration CATCH_UP = Duration.ofDays(1);

    private final ObjectProvider<JavaMailSender> mail;
    private final List<String> recipients;
    private final String from;
    private final String consoleUrl;
    private final Duration retryAfter;
    private final HandoffNotifications notifications;
    private final Clock clock;

    HandoffEmails(
            ObjectProvider<JavaMailSender> mail,
            HandoffEmailProperties properties,
            StaffProperties staff,
            HandoffNotifications notifications,
            Clock clock) {
        this.mail = mail;
        this.recipients = properties.to().stream().filter(r -> !r.isBlank()).toList();
        this.from = properties.from();
        this.consoleUrl = staff.consoleUrl().replaceAll("/+$", "");
        this.retryAfter = properties.retryAfter();
        this.notifications = notifications;
        this.clock = clock;
    }

    /**
     * After the request is committed, and off the visitor's thread: the confirmation never waits for mail. The request
     * is claimed first, as a retry is, so that the catch-up of {@link #retryFailed} never sends it a second time.
     */
    @Async
    @TransactionalEventListener
    void notifyStaff(HandoffRequested requested) {
        attempt(new HandoffNotifications.Owed(requested.handoffId(), requested.emergency(), 0, null));
    }

    /**
     * Tries again the emails that failed and are due, and sends those of the requests stored in the last day that were
     * never tried (their process stopped before the first attempt), each claimed first so that only one instance sends
     * it. Older requests never tried are left alone: emails switched on later do not send the old requests all at once.
     */
    @Scheduled(fixedDelayString = "${clinicfaq.notify.email.retry-check-interval:30s}")
    void retryFailed() {
        if (recipients.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<HandoffNotifications.Owed> owed = new ArrayList<>(notifications.due(now));
        // the first attempt claims its request at once; one still unclaimed after retry-after will not be by it
        owed.addAll(notifications.neverTried(now.minus(CATCH_UP), now.minus(retryAfter)));
        owed.forEach(this::attempt);
    }

    private void attempt(HandoffNotifications.Owed owed) {
        JavaMailSender sender = mail.getIfAvailable();
        if (recipients.isEmpty()
                || sender == null
                || !notifications.claim(owed, clock.instant().plus(retryAfter))) {
            return;
        }
        send(sender, owed.handoffId(), owed.emergency(), owed.attempts());
    }

    private void send(JavaMailSender sender, UUID handoffId, boolean emergency, int failedBefore) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(recipients.toArray(String[]::new));
        message.setSubject(emergency ? "New handoff request (emergency flagged)" : "New handoff request");
        message.setText("A visitor asked to be contacted by the practice.\n\nOpen the request in the staff console:\n"
                + consoleUrl + "/staff/handoffs/" + handoffId + "\n");
        try {
            sender.send(message);
            notifications.notified(handoffId, clock.instant());
            log.info("Handoff {}: staff notified by email", handoffId);
        } catch (MailException e) {
            int attempts = failedBefore + 1;
            boolean again = attempts < MAX_ATTEMPTS;
            Instant next = clock.instant().plus(retryAfter.multipliedBy(1L << Math.min(attempts - 1, 10)));
            notifications.failed(handoffId, attempts, again ? next : null);
            if (again) {
                log.warn(
                        "Handoff {}: the email to staff failed (attempt {}); trying again after {}: {}",
                        handoffId,
                        attempts,
                        next,
                        e.getMessage());
            } else {
                log.error(
                        "Handoff {}: the email to staff failed {} times; no more attempts (the request is in the console): {}",
                        handoffId,
                        attempts,
                        e.getMessage());
            }
        }
    }
}
