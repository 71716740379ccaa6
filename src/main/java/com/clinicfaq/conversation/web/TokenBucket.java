package com.clinicfaq.conversation.web;

import java.time.Duration;

/** Allows {@code burst} events at once, then one per {@code interval}. */
final class TokenBucket {

    private final int burst;
    private final long intervalNanos;
    private double tokens;
    private long updatedNanos;

    TokenBucket(int burst, Duration interval, long nowNanos) {
        this.burst = burst;
        this.intervalNanos = Math.max(1, interval.toNanos());
        this.tokens = burst;
        this.updatedNanos = nowNanos;
    }

    /** Takes a token; returns 0 when allowed, else how many seconds until one is free. */
    synchronized long take(long nowNanos) {
        tokens = Math.min(burst, tokens + (double) (nowNanos - updatedNanos) / intervalNanos);
        updatedNanos = nowNanos;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) * intervalNanos / 1e9));
    }
}
