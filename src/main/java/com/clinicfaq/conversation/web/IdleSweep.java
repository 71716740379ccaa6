package com.clinicfaq.conversation.web;

import com.clinicfaq.conversation.ChatProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;

/**
 * Closes the connections that have sent nothing for {@code clinicfaq.chat.idle-timeout}, with 1000 "idle"; their
 * conversations can still be resumed within the resume window.
 */
@Component
class IdleSweep {

    static final CloseStatus IDLE = CloseStatus.NORMAL.withReason("idle");

    private final OpenConnections connections;
    private final ChatProperties properties;

    IdleSweep(OpenConnections connections, ChatProperties properties) {
        this.connections = connections;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${clinicfaq.chat.idle-check-interval:10s}")
    void closeIdleConnections() {
        long timeout = properties.idleTimeout().toNanos();
        long now = System.nanoTime();
        connections.all().stream()
                .filter(connection -> connection.isIdle(timeout, now))
                .forEach(connection -> connection.close(IDLE));
    }
}
