package com.clinicfaq.staff;

import com.clinicfaq.handoff.HandoffRequested;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Emails staff when a handoff request is stored: a link to it in the console and nothing else — no
 * name, no reason, no health information. Off unless {@code clinicfaq.notify.email.to} is set.
 */
@Component
class HandoffEmails {

    private static final Logger log = LoggerFactory.getLogger(HandoffEmails.class);

    private final ObjectProvider<JavaMailSender> mail;
    private final List<String> recipients;
    private final String from;
    private final String consoleUrl;

    HandoffEmails(ObjectProvider<JavaMailSender> mail,
            @Value("${clinicfaq.notify.email.to:}") List<String> recipients,
            @Value("${clinicfaq.notify.email.from:clinicfaq@localhost}") String from,
            @Value("${clinicfaq.staff.console-url:http://localhost:8080}") String consoleUrl) {
        this.mail = mail;
        this.recipients = recipients.stream().filter(r -> !r.isBlank()).toList();
        this.from = from;
        this.consoleUrl = consoleUrl.replaceAll("/+$", "");
    }

    /** After the request is committed, and off the visitor's thread: the confirmation never waits for mail. */
    @Async
    @TransactionalEventListener
    void notifyStaff(HandoffRequested requested) {
        JavaMailSender sender = mail.getIfAvailable();
        if (recipients.isEmpty() || sender == null) {
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(recipients.toArray(String[]::new));
        message.setSubject(requested.emergency() ? "New handoff request (emergency flagged)" : "New handoff request");
        message.setText("A visitor asked to be contacted by the practice.\n\nOpen the request in the staff console:\n"
                + consoleUrl + "/staff/handoffs/" + requested.handoffId() + "\n");
        try {
            sender.send(message);
            log.info("Handoff {}: staff notified by email", requested.handoffId());
        } catch (MailException e) {
            log.error("Handoff {}: the email to staff failed: {}", requested.handoffId(), e.getMessage());
        }
    }
}
