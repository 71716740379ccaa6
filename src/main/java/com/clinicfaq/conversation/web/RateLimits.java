package com.clinicfaq.conversation.web;

import com.clinicfaq.conversation.ChatProperties;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;

/**
 * The chat's message rates ({@link ChatProperties.RateLimit}): each connection's inputs and frames, and the inputs
 * of all connections from one address together. An address's bucket outlives its connections, so reconnecting does
 * not refill it; it is forgotten once it has not been used for as long as it takes to fill up again, when forgetting
 * it changes nothing.
 */
@Component
class RateLimits {

    private final ChatProperties.RateLimit limits;
    private final Cache<String, TokenBucket> addresses;

    RateLimits(ChatProperties properties) {
        this.limits = properties.rateLimit();
        this.addresses = Caffeine.newBuilder()
                .expireAfterAccess(TokenBucket.refillTime(limits.addressBurst(), limits.addressInterval()))
                .executor(Runnable::run)
                .build();
    }

    /** The rates of a connection just opened from the address. */
    Connection connection(String address, long nowNanos) {
        return new Connection(address, nowNanos);
    }

    /** One connection's rates: its own buckets, and its address's. */
    final class Connection {

        private final String address;
        private final TokenBucket inputs;
        private final TokenBucket frames;

        private Connection(String address, long nowNanos) {
            this.address = address;
            this.inputs = new TokenBucket(limits.connectionBurst(), limits.connectionInterval(), nowNanos);
            this.frames = new TokenBucket(limits.frameBurst(), limits.frameInterval(), nowNanos);
        }

        /**
         * Counts an input (each costs a transaction, so every kind counts, not only messages): 0 when it may be
         * handled, else the seconds until the connection, or its address, may send one again.
         */
        long input(long nowNanos) {
            long wait = inputs.take(nowNanos);
            if (wait > 0) {
                return wait;
            }
            return addresses
                    .get(address, key -> new TokenBucket(limits.addressBurst(), limits.addressInterval(), nowNanos))
                    .take(nowNanos);
        }

        /** Counts a frame of any kind; false when the connection sends them faster than any person or widget would. */
        boolean frame(long nowNanos) {
            return frames.take(nowNanos) == 0;
        }
    }
}
