package com.clinicfaq.conversation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The chat's limits and safety settings.
 *
 * @param resumeWindow how long after its last message a conversation can be resumed by its id
 * @param idleTimeout a connection with no frame from the visitor for this long is closed
 * @param maxMessageChars the longest visitor message accepted
 * @param allowedOrigins origin patterns of the pages allowed to open the chat (others get 403)
 * @param sendTimeout how long sending one frame to a visitor may take before the connection is given
 *     up (a client that does not read its socket)
 * @param maxConnections open chat connections the service takes at once; one more is closed right after the
 *     handshake with 1013 "try again later", so that a crowd is turned away instead of slowing everyone down
 *     (docs/benchmarks.md, "Chat under load (Gatling)")
 * @param rateLimit message rates per connection and per address
 * @param databaseRetryAfter once the database could not be reached, turns go to the local outbox for this long
 *     before the database is tried again
 */
@Validated
@ConfigurationProperties("clinicfaq.chat")
public record ChatProperties(
        @DefaultValue("30m") @DurationMin(nanos = 1) Duration resumeWindow,
        @DefaultValue("30m") @DurationMin(nanos = 1) Duration idleTimeout,
        @DefaultValue("2000") @Positive int maxMessageChars,

        @DefaultValue({"http://localhost:[*]", "http://127.0.0.1:[*]"})
        List<String> allowedOrigins,

        @DefaultValue("10s") @DurationMin(nanos = 1) Duration sendTimeout,
        @DefaultValue("2000") @Positive int maxConnections,
        @DefaultValue @Valid RateLimit rateLimit,
        @DefaultValue("5s") @DurationMin(nanos = 1) Duration databaseRetryAfter) {

    /**
     * Token buckets: a connection may send {@code connectionBurst} messages at once and then one every
     * {@code connectionInterval}; all connections from one address together {@code addressBurst}, then
     * one every {@code addressInterval}; and an address may hold {@code connectionsPerAddress}
     * connections at once. Frames of any kind are counted too, far more loosely: a connection that
     * sends more than {@code frameBurst} at once and then more than one every {@code frameInterval}
     * is flooding, whatever it is told, and is closed. An address may open {@code newConnectionBurst}
     * connections at once and then one every {@code newConnectionInterval}, however soon they close; one more is
     * closed right after the handshake with 1013 "try again later".
     */
    public record RateLimit(
            @DefaultValue("5") @Positive int connectionBurst,
            @DefaultValue("2s") @DurationMin(nanos = 1) Duration connectionInterval,
            @DefaultValue("30") @Positive int addressBurst,
            @DefaultValue("500ms") @DurationMin(nanos = 1) Duration addressInterval,
            @DefaultValue("20") @Positive int connectionsPerAddress,
            @DefaultValue("100") @Positive int frameBurst,
            @DefaultValue("100ms") @DurationMin(nanos = 1) Duration frameInterval,
            @DefaultValue("20") @Positive int newConnectionBurst,
            @DefaultValue("1s") @DurationMin(nanos = 1) Duration newConnectionInterval) {}
}
