package com.clinicfaq.conversation.web;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.SessionLimitExceededException;

/**
 * One open chat WebSocket: its session, its rates, its conversation, and the message it is reading, which arrives
 * in pieces. A message is refused when it grows past {@link #MAX_FRAME_CHARS}, and the connection is closed when it
 * grows past {@link #MAX_DISCARDED} or when frames come faster than any person or widget sends them. Logs ids only.
 */
final class ChatConnection {

    private static final Logger log = LoggerFactory.getLogger(ChatConnection.class);

    /** Frames longer than this are refused whatever they hold; the text limit is checked after parsing. */
    static final int MAX_FRAME_CHARS = 16 * 1024;

    /** A message still unfinished at this size (characters or bytes) is not read further: the connection is closed. */
    static final int MAX_DISCARDED = 1024 * 1024;

    static final CloseStatus TOO_FAST = CloseStatus.POLICY_VIOLATION.withReason("too many messages");
    static final CloseStatus TOO_BIG = CloseStatus.TOO_BIG_TO_PROCESS.withReason("message too big");

    /** Tomcat's own limit on a blocking send, which Spring does not expose (20 s unless set per session). */
    private static final String TOMCAT_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";

    private final WebSocketSession session;
    private final String address;
    private final RateLimits.Connection rates;
    private final StringBuilder partial = new StringBuilder();
    /** Characters or bytes of the message being read, kept or not. */
    private long messageLength;

    private volatile UUID conversationId;
    private volatile long lastFrameNanos;
    private volatile boolean closing;

    /** The connection of a session; sends that wait longer than {@code sendTimeout} give the client up. */
    ChatConnection(
            WebSocketSession raw, String address, RateLimits.Connection rates, Duration sendTimeout, long nowNanos) {
        long timeout = sendTimeout.toMillis();
        if (raw instanceof NativeWebSocketSession nativeSession
                && nativeSession.getNativeSession() instanceof jakarta.websocket.Session tomcat) {
            tomcat.getUserProperties().put(TOMCAT_SEND_TIMEOUT, timeout);
        }
        this.session = new ConcurrentWebSocketSessionDecorator(raw, (int) timeout, 512 * 1024);
        this.address = address;
        this.rates = rates;
        this.lastFrameNanos = nowNanos;
    }

    /** What a piece of a text message came to. */
    sealed interface Assembled {}

    /** Nothing to answer yet: more pieces are to come, or the connection is closing. */
    record Pending() implements Assembled {}

    /** The whole message, over {@link #MAX_FRAME_CHARS}: refused unread. */
    record TooLong() implements Assembled {}

    record Whole(String text) implements Assembled {}

    /** Adds a piece of a text message. */
    Assembled text(String piece, boolean last) {
        if (!read(piece.length(), last)) {
            return new Pending();
        }
        synchronized (this) {
            if (messageLength <= MAX_FRAME_CHARS) {
                partial.append(piece);
            }
            if (!last) {
                return new Pending();
            }
            String text = messageLength <= MAX_FRAME_CHARS ? partial.toString() : null;
            partial.setLength(0);
            messageLength = 0;
            return text == null ? new TooLong() : new Whole(text);
        }
    }

    /** Counts a piece of a binary message; true once the whole of one is in, to be answered. */
    boolean binary(int length, boolean last) {
        if (!read(length, last) || !last) {
            return false;
        }
        synchronized (this) {
            messageLength = 0;
        }
        return true;
    }

    /**
     * Counts a piece of a message; false when it is not to be handled: the connection is closing, or is closed now
     * because the message has grown past {@link #MAX_DISCARDED} or because the connection floods.
     */
    private boolean read(int length, boolean last) {
        if (closing) {
            return false;
        }
        long now = System.nanoTime();
        lastFrameNanos = now;
        long total;
        synchronized (this) {
            total = messageLength += length;
        }
        if (total > MAX_DISCARDED) {
            log.warn("Connection {} closed: a message of more than {} characters or bytes", id(), MAX_DISCARDED);
            close(TOO_BIG);
            return false;
        }
        if (last && !rates.frame(now)) {
            log.warn("Connection {} closed: too many messages", id());
            close(TOO_FAST);
            return false;
        }
        return true;
    }

    /** Counts an input to handle: 0 when it may be, else the seconds to wait (see {@link RateLimits.Connection#input}). */
    long input(long nowNanos) {
        return rates.input(nowNanos);
    }

    /**
     * Sends a frame unless the connection is gone. A send that fails (the visitor left, or did not read within the
     * send timeout) has already closed the connection: that is the client's doing, not an error of the server's,
     * so it is logged at debug level and the handling goes on without it.
     */
    void send(String frame) {
        if (!session.isOpen()) {
            return;
        }
        try {
            session.sendMessage(new TextMessage(frame));
        } catch (IOException | SessionLimitExceededException e) {
            log.debug("Connection {}: sending failed ({})", id(), e.getClass().getSimpleName());
            closing = true;
        }
    }

    void close(CloseStatus status) {
        closing = true;
        try {
            session.close(status);
        } catch (IOException e) {
            log.debug("Connection {}: closing failed", id());
        }
    }

    /** Whether the client has sent nothing for longer than the timeout. */
    boolean isIdle(long timeoutNanos, long nowNanos) {
        return nowNanos - lastFrameNanos > timeoutNanos;
    }

    String id() {
        return session.getId();
    }

    String address() {
        return address;
    }

    UUID conversationId() {
        return conversationId;
    }

    void conversationId(UUID conversationId) {
        this.conversationId = conversationId;
    }
}
