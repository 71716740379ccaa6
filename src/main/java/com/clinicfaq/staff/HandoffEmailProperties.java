package com.clinicfaq.staff;

import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The emails that tell staff of a new handoff request ({@link HandoffEmails}); SMTP through {@code spring.mail.host},
 * {@code .port}, {@code .username}, {@code .password}. How often emails owed are looked for is
 * {@code clinicfaq.notify.email.retry-check-interval} (default 30 s), read by its schedule.
 *
 * @param to addresses emailed a link to each new handoff request (no names, no health information); none: off
 * @param from the sender of those emails
 * @param retryAfter when the mail server cannot be reached, the request is stored and the email tried again after this
 *     long, doubling each time, up to 10 attempts
 */
@Validated
@ConfigurationProperties("clinicfaq.notify.email")
record HandoffEmailProperties(
        @DefaultValue List<String> to,
        @DefaultValue("clinicfaq@localhost") @NotBlank String from,
        @DefaultValue("1m") @DurationMin(millis = 1) Duration retryAfter) {}
