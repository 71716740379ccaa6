package com.clinicfaq.conversation.web;

import com.clinicfaq.conversation.ChatProperties;
import com.clinicfaq.conversation.ConversationService;
import com.clinicfaq.conversation.TranscriptMessage;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.SessionLimitExceededException;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The chat endpoint: turns frames into {@link ConversationService} inputs and its results into
 * frames. Every bad frame gets an {@code error} frame and the connection stays open, except for a
 * flood of frames or a message too big to be worth reading, which close it. Logs ids only.
 */
@Component
class ChatWebSocketHandler extends AbstractWebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(ChatWebSocketHandler.class);

    /** Frames longer than this are refused whatever they hold; the text limit is checked after parsing. */
    static final int MAX_FRAME_CHARS = 16 * 1024;

    /** A message still unfinished at this size (characters or bytes) is not read further: the connection is closed. */
    static final int MAX_DISCARDED = 1024 * 1024;

    /** Tomcat's own limit on a blocking send, which Spring does not expose (20 s unless set per session). */
    private static final String TOMCAT_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";

    private static final Duration ADDRESS_MEMORY = Duration.ofMinutes(10);
    private static final CloseStatus IDLE = CloseStatus.NORMAL.withReason("idle");
    /** 1013 "try again later" (RFC 6455 registry); the widget tells the visitor the chat is busy. */
    static final CloseStatus BUSY = new CloseStatus(1013, "try again later");
    private static final CloseStatus TOO_MANY = CloseStatus.POLICY_VIOLATION.withReason("too many connections from this address");
    /** An address that opens connections faster than the new-connection rate: as busy as a full service, to the widget. */
    static final CloseStatus TOO_OFTEN = new CloseStatus(1013, "too many new connections from this address");
    private static final CloseStatus TOO_FAST = CloseStatus.POLICY_VIOLATION.withReason("too many messages");
    private static final CloseStatus TOO_BIG = CloseStatus.TOO_BIG_TO_PROCESS.withReason("message too big");

    private final ConversationService conversations;
    private final ChatProperties properties;
    private final JsonMapper json;
    private final InboundFrames inbound;
    private final Map<String, Connection> connections = new ConcurrentHashMap<>();
    private final Map<String, Address> addresses = new ConcurrentHashMap<>();
    /** Connections admitted and not yet closed: counted before {@link #connections} holds them. */
    private final AtomicInteger admitted = new AtomicInteger();

    /** Reply time as the service sees it: from a visitor's input, read and parsed, to the last reply frame queued. */
    private final Timer replies;

    ChatWebSocketHandler(ConversationService conversations, ChatProperties properties, JsonMapper json, MeterRegistry meters) {
        this.replies = Timer.builder("clinicfaq.chat.reply")
                .description("From a visitor's input, read and parsed, to the bot's last reply frame queued for sending")
                .publishPercentileHistogram()
                .register(meters);
        this.conversations = conversations;
        this.properties = properties;
        this.json = json;
        this.inbound = new InboundFrames(json, properties.maxMessageChars());
    }

    /** One open WebSocket: its conversation, its rates, its half-read message. */
    private static final class Connection {
        final WebSocketSession session;
        final Address address;
        final TokenBucket rate;
        final TokenBucket frames;
        final StringBuilder partial = new StringBuilder();
        volatile UUID conversationId;
        volatile long lastFrameNanos;
        /** Characters or bytes of the message being read, kept or not. */
        long messageLength;
        volatile boolean closing;

        Connection(WebSocketSession session, Address address, ChatProperties.RateLimit limits, long now) {
            this.session = session;
            this.address = address;
            this.rate = new TokenBucket(limits.connectionBurst(), limits.connectionInterval(), now);
            this.frames = new TokenBucket(limits.frameBurst(), limits.frameInterval(), now);
            this.lastFrameNanos = now;
        }
    }

    /** All connections from one address: their count, their shared rate, and how often it opens new ones. */
    private static final class Address {
        final AtomicInteger connections = new AtomicInteger();
        final TokenBucket rate;
        final TokenBucket arrivals;
        /** Kept a while after its last connection closes, so reconnecting does not refill the buckets. */
        volatile long lastClosedNanos;
        /** Whether refusing its new connections has been logged since it was last admitted: once per spell, not per attempt. */
        volatile boolean refusalLogged;

        Address(ChatProperties.RateLimit limits, long now) {
            this.rate = new TokenBucket(limits.addressBurst(), limits.addressInterval(), now);
            this.arrivals = new TokenBucket(limits.newConnectionBurst(), limits.newConnectionInterval(), now);
        }
    }

    @Override
    public boolean supportsPartialMessages() {
        return true; // lets an oversized frame be refused with an error instead of closing the connection
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession raw) throws IOException {
        // Refused before anything is opened or stored: turning a visitor away must cost next to nothing.
        // A close frame, not an HTTP 503 at the handshake, because a browser shows a script neither the
        // status nor a Retry-After of a refused handshake, only a 1006 that looks like a network failure.
        if (admitted.incrementAndGet() > properties.maxConnections()) {
            admitted.decrementAndGet();
            log.debug("Connection {} refused: {} connections open", raw.getId(), properties.maxConnections());
            raw.close(BUSY);
            return;
        }
        admit(raw);
    }

    private void admit(WebSocketSession raw) throws IOException {
        long sendTimeout = properties.sendTimeout().toMillis();
        if (raw instanceof NativeWebSocketSession nativeSession
                && nativeSession.getNativeSession() instanceof jakarta.websocket.Session tomcat) {
            tomcat.getUserProperties().put(TOMCAT_SEND_TIMEOUT, sendTimeout);
        }
        WebSocketSession session = new ConcurrentWebSocketSessionDecorator(raw, (int) sendTimeout, 512 * 1024);
        long now = System.nanoTime();
        ChatProperties.RateLimit limits = properties.rateLimit();
        // counted in the same step that finds the address, so that forgetting idle addresses cannot race with it
        Address address = addresses.compute(address(raw), (key, known) -> {
            Address found = known != null ? known : new Address(limits, now);
            found.connections.incrementAndGet();
            return found;
        });
        if (address.connections.get() > limits.connectionsPerAddress()) {
            closed(address);
            admitted.decrementAndGet();
            log.warn("Connection {} refused: too many connections from one address", raw.getId());
            raw.close(TOO_MANY);
            return;
        }
        if (address.arrivals.take(now) > 0) {
            closed(address);
            admitted.decrementAndGet();
            if (!address.refusalLogged) {
                address.refusalLogged = true;
                log.warn("Connection {} refused: an address opens connections faster than {} at once and one per {} ms; "
                        + "further refusals are not logged until it is admitted again", raw.getId(),
                        limits.newConnectionBurst(), limits.newConnectionInterval().toMillis());
            }
            raw.close(TOO_OFTEN);
            return;
        }
        address.refusalLogged = false;
        Connection connection = new Connection(session, address, limits, now);
        connections.put(raw.getId(), connection);
        var query = raw.getUri() == null ? null : UriComponentsBuilder.fromUri(raw.getUri()).build().getQueryParams();
        String requested = query == null ? null : query.getFirst("conversation");
        String article = query == null ? null : query.getFirst("article");
        String lang = query == null ? null : query.getFirst("lang");
        try {
            ConversationService.Opened opened = conversations.open(requested, article == null || article.length() > 300 ? null : article,
                    com.clinicfaq.policy.Language.ofCode(lang));
            connection.conversationId = opened.conversationId();
            List<Object> history = opened.history().stream().map(Frames::of).toList();
            send(connection, new Frames.Welcome(opened.conversationId().toString(), opened.resumed(),
                    new Frames.Limits(properties.maxMessageChars(), properties.resumeWindow().toSeconds()), history));
            sendAll(connection, opened.replies());
        } catch (RuntimeException e) {
            log.error("Connection {}: could not open a conversation", raw.getId(), e);
            send(connection, new Frames.Error("unavailable", "Sorry, the chat is not available right now. Please try again later.", null));
        }
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        Connection connection = connections.get(session.getId());
        String piece = message.getPayload();
        if (connection == null || !read(connection, piece.length(), message.isLast())) {
            return;
        }
        String text;
        synchronized (connection) {
            if (connection.messageLength <= MAX_FRAME_CHARS) {
                connection.partial.append(piece);
            }
            if (!message.isLast()) {
                return;
            }
            text = connection.messageLength <= MAX_FRAME_CHARS ? connection.partial.toString() : null;
            connection.partial.setLength(0);
            connection.messageLength = 0;
        }
        if (text == null) {
            send(connection, inbound.tooLong(null));
        } else {
            handleFrame(connection, text);
        }
    }

    @Override
    protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) {
        Connection connection = connections.get(session.getId());
        if (connection == null || !read(connection, message.getPayloadLength(), message.isLast())) {
            return;
        }
        if (message.isLast()) {
            synchronized (connection) {
                connection.messageLength = 0;
            }
            send(connection, new Frames.Error("binary_not_supported", "Only text messages are supported.", null));
        }
    }

    /**
     * Counts a piece of a message; false when it is not to be handled: the connection is closing, or
     * is closed now because the message has grown past {@link #MAX_DISCARDED} or because the
     * connection sends messages faster than any person or widget would.
     */
    private boolean read(Connection connection, int length, boolean last) {
        if (connection.closing) {
            return false;
        }
        long now = System.nanoTime();
        connection.lastFrameNanos = now;
        long total;
        synchronized (connection) {
            total = connection.messageLength += length;
        }
        if (total > MAX_DISCARDED) {
            log.warn("Connection {} closed: a message of more than {} characters or bytes", connection.session.getId(), MAX_DISCARDED);
            close(connection, TOO_BIG);
            return false;
        }
        if (last && connection.frames.take(now) > 0) {
            log.warn("Connection {} closed: too many messages", connection.session.getId());
            close(connection, TOO_FAST);
            return false;
        }
        return true;
    }

    private void close(Connection connection, CloseStatus status) {
        connection.closing = true;
        try {
            connection.session.close(status);
        } catch (IOException e) {
            log.debug("Connection {}: closing failed", connection.session.getId());
        }
    }

    private void handleFrame(Connection connection, String text) {
        switch (inbound.read(text)) {
            case InboundFrames.Refused refused -> send(connection, refused.error());
            case InboundFrames.Accepted(Inbound frame) -> {
                switch (frame) {
                    case Inbound.Ping ping -> send(connection, Frames.Pong.INSTANCE);
                    case Inbound.Message message -> handle(connection, new ConversationService.Input.Text(message.ref(), message.text()), message.ref());
                    case Inbound.HandoffAccept accept -> handle(connection, new ConversationService.Input.AcceptHandoff(), null);
                    case Inbound.HandoffDecline decline -> handle(connection, new ConversationService.Input.DeclineHandoff(), null);
                    case Inbound.HandoffCancel cancel -> handle(connection, new ConversationService.Input.CancelHandoff(), null);
                    case Inbound.HandoffSubmit submit -> handle(connection, new ConversationService.Input.SubmitHandoff(submit.submission()), null);
                    case Inbound.Feedback feedback -> handle(connection, new ConversationService.Input.Feedback(feedback.seq(), feedback.helpful()), null);
                    case Inbound.Unknown unknown -> throw new IllegalStateException("refused by InboundFrames");
                }
            }
        }
    }

    /** Each input costs a transaction, so every kind counts towards the message rates, not only messages. */
    private void handle(Connection connection, ConversationService.Input input, String ref) {
        long now = System.nanoTime();
        try {
            answer(connection, input, ref, now);
        } finally {
            replies.record(System.nanoTime() - now, TimeUnit.NANOSECONDS);
        }
    }

    private void answer(Connection connection, ConversationService.Input input, String ref, long now) {
        long wait = connection.rate.take(now);
        if (wait == 0) {
            wait = connection.address.rate.take(now);
        }
        if (wait > 0) {
            send(connection, new Frames.Error("rate_limited", "You are sending messages too quickly. Please wait a moment.", ref)
                    .retryAfter(wait));
            return;
        }
        ConversationService.Handled handled;
        try {
            handled = conversations.handle(connection.conversationId, input);
        } catch (RuntimeException e) {
            log.error("Conversation {}: could not handle a {}", connection.conversationId, input.getClass().getSimpleName(), e);
            send(connection, new Frames.Error("unavailable", "Sorry, something went wrong. Please try again.", ref));
            return;
        }
        if (handled.noHandoff()) {
            send(connection, new Frames.Error("no_handoff", "There is no contact request open.", ref));
            return;
        }
        if (handled.ackSeq() != null) {
            send(connection, new Frames.Ack(ref, handled.ackSeq()));
        }
        if (!handled.formErrors().isEmpty()) {
            send(connection, new Frames.HandoffInvalid(handled.formErrors()));
        }
        sendAll(connection, handled.replies());
    }

    private void sendAll(Connection connection, List<TranscriptMessage> messages) {
        for (TranscriptMessage message : messages) {
            send(connection, Frames.of(message));
        }
    }

    /**
     * Sends a frame unless the connection is gone. A send that fails (the visitor left, or did not read
     * within the send timeout) has already closed the connection: that is the client's doing, not an
     * error of the server's, so it is logged at debug level and the handling goes on without it.
     */
    private void send(Connection connection, Object frame) {
        if (!connection.session.isOpen()) {
            return;
        }
        try {
            connection.session.sendMessage(new TextMessage(json.writeValueAsString(frame)));
        } catch (IOException | SessionLimitExceededException e) {
            log.debug("Connection {}: sending failed ({})", connection.session.getId(), e.getClass().getSimpleName());
            connection.closing = true;
        }
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        log.debug("Connection {}: transport error {}", session.getId(), exception.getClass().getSimpleName());
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        Connection connection = connections.remove(session.getId());
        if (connection != null) {
            closed(connection.address);
            admitted.decrementAndGet();
            conversations.closed(connection.conversationId);
        }
    }

    private static void closed(Address address) {
        address.lastClosedNanos = System.nanoTime();
        address.connections.decrementAndGet();
    }

    /** Closes connections that have sent nothing for the idle timeout; forgets long-gone addresses. */
    @Scheduled(fixedDelayString = "${clinicfaq.chat.idle-check-interval:10s}")
    void closeIdleConnections() {
        long limit = properties.idleTimeout().toNanos();
        long now = System.nanoTime();
        for (String key : addresses.keySet()) {
            addresses.computeIfPresent(key, (k, address) -> address.connections.get() <= 0
                    && now - address.lastClosedNanos > ADDRESS_MEMORY.toNanos() ? null : address);
        }
        connections.values().stream()
                .filter(c -> now - c.lastFrameNanos > limit)
                .forEach(c -> close(c, IDLE));
    }

    private static String address(WebSocketSession session) {
        InetSocketAddress remote = session.getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }
}
