package com.clinicfaq.conversation;

import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long what visitors told the practice is kept ({@link Retention}); the analytics page says how far back its
 * figures can go. When the job runs is {@code clinicfaq.retention.schedule} (a cron expression, default
 * {@code 0 17 3 * * *}), read by its schedule.
 *
 * @param conversationsWithoutHandoff conversations that led to no handoff request are deleted after this long without
 *     activity (the widget's privacy note says 30 days)
 * @param closedHandoffs handoff requests are deleted this long after staff closed them (their conversations with them)
 */
@Validated
@ConfigurationProperties("clinicfaq.retention")
public record RetentionProperties(
        @DefaultValue("30d") @DurationMin(days = 1) Duration conversationsWithoutHandoff,
        @DefaultValue("365d") @DurationMin(days = 1) Duration closedHandoffs) {}
