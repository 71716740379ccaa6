package com.clinicfaq.conversation.web;

import com.clinicfaq.conversation.ChatProperties;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;

/**
 * Which chat connections the service takes, right after the handshake: no more than
 * {@code clinicfaq.chat.max-connections} in all, no more than {@code connections-per-address} from one address at
 * once, and no faster from one address than {@code new-connection-burst} at once and then one per
 * {@code new-connection-interval}, however soon they close. Turning a visitor away costs next to nothing: nothing is
 * opened or stored. (Origins are checked before, at the handshake: {@link OriginSyntax} and Spring's origin check.)
 */
@Component
class Admission {

    private static final Logger log = LoggerFactory.getLogger(Admission.class);

    /** 1013 "try again later" (RFC 6455 registry); the widget tells the visitor the chat is busy. */
    static final CloseStatus BUSY = new CloseStatus(1013, "try again later");

    static final CloseStatus TOO_MANY =
            CloseStatus.POLICY_VIOLATION.withReason("too many connections from this address");
    /** An address that opens connections faster than the new-connection rate: as busy as a full service, to the widget. */
    static final CloseStatus TOO_OFTEN = new CloseStatus(1013, "too many new connections from this address");

    private final int maxConnections;
    private final ChatProperties.RateLimit limits;
    /** Connections admitted and not yet released. */
    private final AtomicInteger admitted = new AtomicInteger();
    /** Open connections by address, for the addresses that hold any. */
    private final Map<String, Integer> open = new ConcurrentHashMap<>();
    /** How often each address opens connections; forgotten once full again, when forgetting it changes nothing. */
    private final Cache<String, Arrivals> arrivals;

    Admission(ChatProperties properties) {
        this.maxConnections = properties.maxConnections();
        this.limits = properties.rateLimit();
        this.arrivals = Caffeine.newBuilder()
                .expireAfterAccess(TokenBucket.refillTime(limits.newConnectionBurst(), limits.newConnectionInterval()))
                .executor(Runnable::run)
                .build();
    }

    private static final class Arrivals {
        final TokenBucket bucket;
        /** Whether refusing its new connections has been logged since it was last admitted: once per spell, not per attempt. */
        volatile boolean refusalLogged;

        Arrivals(TokenBucket bucket) {
            this.bucket = bucket;
        }
    }

    /**
     * Admits a connection from the address, or says with which status to close it instead. An admitted connection
     * is {@linkplain #release released} once when it closes.
     */
    Optional<CloseStatus> admit(String connectionId, String address) {
        if (admitted.incrementAndGet() > maxConnections) {
            admitted.decrementAndGet();
            log.debug("Connection {} refused: {} connections open", connectionId, maxConnections);
            return Optional.of(BUSY);
        }
        if (open.merge(address, 1, Integer::sum) > limits.connectionsPerAddress()) {
            release(address);
            log.warn("Connection {} refused: too many connections from one address", connectionId);
            return Optional.of(TOO_MANY);
        }
        long now = System.nanoTime();
        Arrivals from = arrivals.get(
                address,
                key -> new Arrivals(new TokenBucket(limits.newConnectionBurst(), limits.newConnectionInterval(), now)));
        if (from.bucket.take(now) > 0) {
            release(address);
            if (!from.refusalLogged) {
                from.refusalLogged = true;
                log.warn(
                        "Connection {} refused: an address opens connections faster than {} at once and one per {} ms; "
                                + "further refusals are not logged until it is admitted again",
                        connectionId,
                        limits.newConnectionBurst(),
                        limits.newConnectionInterval().toMillis());
            }
            return Optional.of(TOO_OFTEN);
        }
        from.refusalLogged = false;
        return Optional.empty();
    }

    /** Counts out a connection that was admitted, now closed. */
    void release(String address) {
        open.computeIfPresent(address, (key, count) -> count <= 1 ? null : count - 1);
        admitted.decrementAndGet();
    }
}
