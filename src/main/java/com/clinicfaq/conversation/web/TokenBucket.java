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

    /**
     * How long a bucket left alone takes to fill up again from empty: one forgotten after this long and made anew
     * is the same bucket, so a cache of buckets by key may let each go once it has not been used for this long.
     */
    static Duration refillTime(int burst, Duration interval) {
        return Duration.ofNanos(Math.max(1, interval.toNanos())).multipliedBy(Math.max(1, burst));
    }

    /**
     * Takes a token; returns 0 when allowed, else how many seconds until one is free. A time earlier than the last one
     * taken (another thread read the clock first and took its token first) takes from the bucket as it is: time never
     * runs back, which would take the last token of a burst away from the connection that is owed it.
     */
    synchronized long take(long nowNanos) {
        if (nowNanos > updatedNanos) {
            tokens = Math.min(burst, tokens + (double) (nowNanos - updatedNanos) / intervalNanos);
            updatedNanos = nowNanos;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) * intervalNanos / 1e9));
    }
}
