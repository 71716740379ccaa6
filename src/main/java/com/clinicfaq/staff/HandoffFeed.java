package com.clinicfaq.staff;

import com.clinicfaq.handoff.HandoffRequested;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
 */
@Controller
class HandoffFeed {

    private static final Duration OPEN_FOR = Duration.ofMinutes(30);

    private final List<SseEmitter> consoles = new CopyOnWriteArrayList<>();

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

    @TransactionalEventListener
    void announce(HandoffRequested requested) {
        Map<String, Object> data = Map.of("id", requested.handoffId().toString(), "emergency", requested.emergency());
        for (SseEmitter console : consoles) {
            try {
                console.send(SseEmitter.event().name("handoff").data(data, MediaType.APPLICATION_JSON));
            } catch (IOException | IllegalStateException e) {
                consoles.remove(console);
            }
        }
    }
}
