package com.clinicfaq.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The retention periods keep their property names and defaults, and a period that would delete at once is refused. */
class RetentionPropertiesTests {

    @EnableConfigurationProperties(RetentionProperties.class)
    static class Bound {}

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Bound.class);

    @Test
    void defaultsAreThePrivacyNotes() {
        context.run(started -> assertThat(started.getBean(RetentionProperties.class))
                .isEqualTo(new RetentionProperties(Duration.ofDays(30), Duration.ofDays(365))));
    }

    @Test
    void periodsAreReadFromTheirProperties() {
        context.withPropertyValues(
                        "clinicfaq.retention.conversations-without-handoff=7d",
                        "clinicfaq.retention.closed-handoffs=90d")
                .run(started -> assertThat(started.getBean(RetentionProperties.class))
                        .isEqualTo(new RetentionProperties(Duration.ofDays(7), Duration.ofDays(90))));
    }

    @Test
    void aPeriodUnderADayIsRefused() {
        context.withPropertyValues("clinicfaq.retention.conversations-without-handoff=0d")
                .run(started -> assertThat(started.getStartupFailure())
                        .isNotNull()
                        .hasStackTraceContaining("clinicfaq.retention.conversations-without-handoff"));
    }
}
