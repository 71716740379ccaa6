package com.clinicfaq.conversation.web;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** The chat connections open on this instance, by WebSocket session id. */
@Component
class OpenConnections {

    private final Map<String, ChatConnection> bySession = new ConcurrentHashMap<>();

    void add(ChatConnection connection) {
        bySession.put(connection.id(), connection);
    }

    /** The connection of the session, or {@code null} when it was refused or is closed. */
    ChatConnection get(String sessionId) {
        return bySession.get(sessionId);
    }

    ChatConnection remove(String sessionId) {
        return bySession.remove(sessionId);
    }

    Collection<ChatConnection> all() {
        return Collections.unmodifiableCollection(bySession.values());
    }
}
