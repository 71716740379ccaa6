package com.clinicfaq.conversation.web;

import com.clinicfaq.conversation.ChatProperties;
import com.clinicfaq.conversation.ConversationService;
import com.clinicfaq.conversation.TranscriptMessage;
import com.clinicfaq.policy.Language;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The chat endpoint: turns frames into {@link ConversationService} inputs and its results into frames. Which
 * connections are taken is {@link Admission}'s to say, how fast they may send {@link RateLimits}', how a frame is
 * pieced together and when it is too big {@link ChatConnection}'s, what it holds {@link InboundFrames}', and
 * {@link IdleSweep} closes the silent ones. Logs ids only.
 */
@Component
class ChatWebSocketHandler extends AbstractWebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(ChatWebSocketHandler.class);

    private final ConversationService conversations;
    private final ChatProperties properties;
    private final JsonMapper json;
    private final InboundFrames inbound;
    private final Admission admission;
    private final RateLimits rateLimits;
    private final OpenConnections connections;

    /** Reply time as the service sees it: from a visitor's input, read and parsed, to the last reply frame queued. */
    private final Timer replies;

    ChatWebSocketHandler(
            ConversationService conversations,
            ChatProperties properties,
            JsonMapper json,
            MeterRegistry meters,
            Admission admission,
            RateLimits rateLimits,
            OpenConnections connections) {
        this.replies = Timer.builder("clinicfaq.chat.reply")
                .description(
                        "From a visitor's input, read and parsed, to the bot's last reply frame queued for sending")
                .publishPercentileHistogram()
                .register(meters);
        this.conversations = conversations;
        this.properties = properties;
        this.json = json;
        this.inbound = new InboundFrames(json, properties.maxMessageChars());
        this.admission = admission;
        this.rateLimits = rateLimits;
        this.connections = connections;
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
        String address = address(raw);
        Optional<CloseStatus> refusal = admission.admit(raw.getId(), address);
        if (refusal.isPresent()) {
            raw.close(refusal.get());
            return;
        }
        long now = System.nanoTime();
        ChatConnection connection =
                new ChatConnection(raw, address, rateLimits.connection(address, now), properties.sendTimeout(), now);
        connections.add(connection);
        var query = raw.getUri() == null
                ? null
                : UriComponentsBuilder.fromUri(raw.getUri()).build().getQueryParams();
        String requested = query == null ? null : query.getFirst("conversation");
        String article = query == null ? null : query.getFirst("article");
        String lang = query == null ? null : query.getFirst("lang");
        try {
            ConversationService.Opened opened = conversations.open(
                    requested, article == null || article.length() > 300 ? null : article, Language.ofCode(lang));
            connection.conversationId(opened.conversationId());
            List<Object> history = opened.history().stream().map(Frames::of).toList();
            send(
                    connection,
                    new Frames.Welcome(
                            opened.conversationId().toString(),
                            opened.resumed(),
                            new Frames.Limits(
                                    properties.maxMessageChars(),
                                    properties.resumeWindow().toSeconds()),
                            history));
            sendAll(connection, opened.replies());
        } catch (RuntimeException e) {
            log.error("Connection {}: could not open a conversation", raw.getId(), e);
            send(
                    connection,
                    new Frames.Error(
                            "unavailable",
                            "Sorry, the chat is not available right now. Please try again later.",
                            null));
        }
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        ChatConnection connection = connections.get(session.getId());
        if (connection == null) {
            return;
        }
        switch (connection.text(message.getPayload(), message.isLast())) {
            case ChatConnection.Pending pending -> {}
            case ChatConnection.TooLong tooLong -> send(connection, inbound.tooLong(null));
            case ChatConnection.Whole whole -> handleFrame(connection, whole.text());
        }
    }

    @Override
    protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) {
        ChatConnection connection = connections.get(session.getId());
        if (connection != null && connection.binary(message.getPayloadLength(), message.isLast())) {
            send(connection, new Frames.Error("binary_not_supported", "Only text messages are supported.", null));
        }
    }

    private void handleFrame(ChatConnection connection, String text) {
        switch (inbound.read(text)) {
            case InboundFrames.Refused refused -> send(connection, refused.error());
            case InboundFrames.Accepted(Inbound frame) -> {
                switch (frame) {
                    case Inbound.Ping ping -> send(connection, Frames.Pong.INSTANCE);
                    case Inbound.Message message ->
                        handle(
                                connection,
                                new ConversationService.Input.Text(message.ref(), message.text()),
                                message.ref());
                    case Inbound.HandoffAccept accept ->
                        handle(connection, new ConversationService.Input.AcceptHandoff(), null);
                    case Inbound.HandoffDecline decline ->
                        handle(connection, new ConversationService.Input.DeclineHandoff(), null);
                    case Inbound.HandoffCancel cancel ->
                        handle(connection, new ConversationService.Input.CancelHandoff(), null);
                    case Inbound.HandoffSubmit submit ->
                        handle(connection, new ConversationService.Input.SubmitHandoff(submit.submission()), null);
                    case Inbound.Feedback feedback ->
                        handle(
                                connection,
                                new ConversationService.Input.Feedback(feedback.seq(), feedback.helpful()),
                                null);
                    case Inbound.Unknown unknown -> throw new IllegalStateException("refused by InboundFrames");
                }
            }
        }
    }

    private void handle(ChatConnection connection, ConversationService.Input input, String ref) {
        long now = System.nanoTime();
        try {
            answer(connection, input, ref, now);
        } finally {
            replies.record(System.nanoTime() - now, TimeUnit.NANOSECONDS);
        }
    }

    private void answer(ChatConnection connection, ConversationService.Input input, String ref, long now) {
        long wait = connection.input(now);
        if (wait > 0) {
            send(
                    connection,
                    new Frames.Error("rate_limited", "You are sending messages too quickly. Please wait a moment.", ref)
                            .retryAfter(wait));
            return;
        }
        ConversationService.Handled handled;
        try {
            handled = conversations.handle(connection.conversationId(), input);
        } catch (RuntimeException e) {
            log.error(
                    "Conversation {}: could not handle a {}",
                    connection.conversationId(),
                    input.getClass().getSimpleName(),
                    e);
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

    private void sendAll(ChatConnection connection, List<TranscriptMessage> messages) {
        for (TranscriptMessage message : messages) {
            send(connection, Frames.of(message));
        }
    }

    private void send(ChatConnection connection, Object frame) {
        connection.send(json.writeValueAsString(frame));
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        log.debug(
                "Connection {}: transport error {}",
                session.getId(),
                exception.getClass().getSimpleName());
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        ChatConnection connection = connections.remove(session.getId());
        if (connection != null) {
            admission.release(connection.address());
            conversations.closed(connection.conversationId());
        }
    }

    private static String address(WebSocketSession session) {
        InetSocketAddress remote = session.getRemoteAddress();
        return remote == null || remote.getAddress() == null
                ? "unknown"
                : remote.getAddress().getHostAddress();
    }
}
