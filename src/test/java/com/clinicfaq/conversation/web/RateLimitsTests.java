package com.clinicfaq.conversation.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicfaq.conversation.ChatProperties;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitsTests {

    private static final long SECOND = 1_000_000_000L;

    /** 3 inputs per connection, then one every 2 s; 5 per address, then one a minute; 4 frames, then one every 100 ms. */
    private final RateLimits limits = new RateLimits(AdmissionTests.properties(
            100,
            new ChatProperties.RateLimit(
                    3,
                    Duration.ofSeconds(2),
                    5,
                    Duration.ofMinutes(1),
                    20,
                    4,
                    Duration.ofMillis(100),
                    20,
                    Duration.ofSeconds(1))));

    @Test
    void letsAConnectionSendItsBurstThenSaysWhenToTryAgain() {
        RateLimits.Connection connection = limits.connection("10.0.0.1", 0);

        for (int i = 0; i < 3; i++) {
            assertThat(connection.input(0)).isZero();
        }
        assertThat(connection.input(0)).isEqualTo(2);
        assertThat(connection.input(SECOND)).isEqualTo(1);
        assertThat(connection.input(2 * SECOND)).isZero();
    }

    @Test
    void sharesTheAddresssBucketBetweenItsConnectionsAndKeepsItWhenTheyClose() {
        RateLimits.Connection first = limits.connection("10.0.0.2", 0);
        for (int i = 0; i < 3; i++) {
            assertThat(first.input(0)).isZero();
        }

        RateLimits.Connection second = limits.connection("10.0.0.2", 0);
        assertThat(second.input(0)).isZero();
        assertThat(second.input(0)).isZero();
        assertThat(second.input(0)).isEqualTo(60);

        RateLimits.Connection elsewhere = limits.connection("10.0.0.3", 0);
        assertThat(elsewhere.input(0)).isZero();
    }

    @Test
    void countsFramesOfAnyKindFarMoreLoosely() {
        RateLimits.Connection connection = limits.connection("10.0.0.4", 0);

        for (int i = 0; i < 4; i++) {
            assertThat(connection.frame(0)).isTrue();
        }
        assertThat(connection.frame(0)).isFalse();
        assertThat(connection.frame(SECOND / 10)).isTrue();
        assertThat(connection.input(SECOND / 10))
                .as("frames do not spend inputs")
                .isZero();
    }

    @Test
    void aWholeBurstIsAllowedWhenItsEventsReadTheClockOutOfOrder() {
        // twenty connections from one address at once, each handled on its own thread: the one that read the clock
        // first may take its token last. Before, its earlier time ran the bucket back and cost it the burst's last
        // token, so the hostile-clients test's 20 connections from one address were sometimes 19, and the 21st was
        // let in
        TokenBucket bucket = new TokenBucket(3, Duration.ofMillis(50), 1_000);
        assertThat(bucket.take(1_003)).isZero();
        assertThat(bucket.take(1_002)).isZero();
        assertThat(bucket.take(1_001)).isZero();
        assertThat(bucket.take(1_004)).as("the burst is spent").isPositive();
    }

    @Test
    void forgetsABucketOnlyOnceItWouldBeFullAgain() {
        assertThat(TokenBucket.refillTime(5, Duration.ofMinutes(1))).isEqualTo(Duration.ofMinutes(5));
        TokenBucket bucket = new TokenBucket(5, Duration.ofMinutes(1), 0);
        for (int i = 0; i < 5; i++) {
            bucket.take(0);
        }
        long refilled = TokenBucket.refillTime(5, Duration.ofMinutes(1)).toNanos();
        for (int i = 0; i < 5; i++) {
            assertThat(bucket.take(refilled)).isZero();
        }
        assertThat(bucket.take(refilled)).isPositive();
    }
}
