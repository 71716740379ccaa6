package com.clinicfaq.staff;

import com.clinicfaq.cluster.ClusterEvent;
import com.clinicfaq.cluster.ClusterEvents;
import com.clinicfaq.handoff.HandoffRequested;
import com.clinicfaq.handoff.HandoffService;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Tells every open console of a new handoff request as soon as it is stored (server-sent events).
 * The event carries the request's id only; the page fetches what it shows through the console.
 * A request stored by another instance arrives through {@link ClusterEvents}, within its poll interval.
 */
@Controller
class HandoffFeed {

    private static final Duration OPEN_FOR = Duration.ofMinutes(30);

    private final List<SseEmitter> consoles = new CopyOnWriteArrayList<>();
    private final ClusterEvents cluster;
    private final HandoffService handoffs;

    HandoffFeed(ClusterEvents cluster, HandoffService handoffs) {
        this.cluster = cluster;
        this.handoffs = handoffs;
    }

    @GetMapping(path = "/staff/handoffs/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter subscribe() throws IOException {
        SseEmitter emitter = new SseEmitter(OPEN_FOR.toMillis());
        consoles.add(emitter);
        emitter.onCompletion(() -> consoles.remove(emitter));
        emitter.onTimeout(() -> consoles.remove(emitter));
        emitter.onError(e -> consoles.remove(emitter));
        emitter.send(SseEmitter.event().name("ready").data("{}"));
        return emitter;
    }

    /** Ends the open streams when shutdown begins, so that the server's graceful shutdown does not wait for them. */
    @EventListener(ContextClosedEvent.class)
    void closeAll() {
        consoles.forEach(SseEmitter::complete);
        consoles.clear();
    }

    /** Written in the request's own transaction, so the other instances hear of every stored request. */
    @EventListener
    void tellOtherInstances(HandoffRequested requested) {
        cluster.tellOthers(ClusterEvent.HANDOFF_REQUESTED, requested.handoffId().toString());
    }

    @TransactionalEventListener
    void announce(HandoffRequested requested) {
        announce(requested.handoffId(), requested.emergency());
    }

    @EventListener(condition = "#event.kind() == T(com.clinicfaq.cluster.ClusterEvent).HANDOFF_REQUESTED")
    void announceFromAnotherInstance(ClusterEvent event) {
        UUID id = UUID.fromString(event.ref());
        handoffs.find(id).ifPresent(request -> announce(id, request.emergency()));
    }

    private void announce(UUID id, boolean emergency) {
        Map<String, Object> data = Map.of("id", id.toString(), "emergency", emergency);
        for (SseEmitter console : consoles) {
            try {
                console.send(SseEmitter.event().name("handoff").data(data, MediaType.APPLICATION_JSON));
            } catch (IOException | IllegalStateException e) {
                consoles.remove(console);
            }
        }
    }
}
