package com.clinicfaq.conversation.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real WebSocket client of the chat, as a widget or a script would be, for tests (the staff console's too). */
public final class ChatClient implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final List<JsonNode> received = new ArrayList<>();
    private final WebSocketSession session;
    private volatile CloseStatus closed;
    private int nextId = 1;

    private ChatClient(URI uri, WebSocketHttpHeaders headers) throws Exception {
        this(uri, headers, frame -> {});
    }

    private ChatClient(URI uri, WebSocketHttpHeaders headers, Consumer<JsonNode> onFrame) throws Exception {
        // set before connecting: a resumed conversation's welcome can be on its way before the connection is handed
        // over
        WebSocketContainer container = ContainerProvider.getWebSocketContainer();
        container.setDefaultMaxTextMessageBufferSize(1024 * 1024);
        this.session = new StandardWebSocketClient(container)
                .execute(
                        new TextWebSocketHandler() {
                            @Override
                            protected void handleTextMessage(WebSocketSession s, TextMessage message) {
                                JsonNode frame = JSON.readTree(message.getPayload());
                                onFrame.accept(frame);
                                frames.add(frame);
                            }

                            @Override
                            public void afterConnectionClosed(WebSocketSession s, CloseStatus status) {
                                closed = status;
                            }
                        },
                        headers,
                        uri)
                .get(10, TimeUnit.SECONDS);
    }

    public static ChatClient connect(int port) throws Exception {
        return connect(port, null);
    }

    public static ChatClient connect(int port, String conversationId) throws Exception {
        String query = conversationId == null ? "" : "?conversation=" + conversationId;
        return new ChatClient(URI.create("ws://localhost:" + port + "/ws/chat" + query), new WebSocketHttpHeaders());
    }

    /**
     * A new conversation, connecting again (for 15 s at most) while the server turns connections away: one closed just
     * before is counted out on the server a moment after its client sees it closed.
     */
    public static ChatClient admitted(int port) {
        AtomicReference<ChatClient> admitted = new AtomicReference<>();
        Awaitility.await("a connection admitted")
                .atMost(Duration.ofSeconds(15))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    ChatClient chat = connect(port);
                    if (chat.welcomed()) {
                        admitted.set(chat);
                        return true;
                    }
                    chat.close();
                    return false;
                });
        return admitted.get();
    }

    /** A new conversation opened on the page of this knowledge-base article (the widget's {@code data-article}). */
    public static ChatClient connectOnPage(int port, String articleId) throws Exception {
        return new ChatClient(
                URI.create("ws://localhost:" + port + "/ws/chat?article="
                        + java.net.URLEncoder.encode(articleId, java.nio.charset.StandardCharsets.UTF_8)),
                new WebSocketHttpHeaders());
    }

    /** A new conversation opened on a page in this language (the widget's {@code data-lang} or the page's {@code lang}). */
    public static ChatClient connectInLanguage(int port, String language) throws Exception {
        return new ChatClient(
                URI.create("ws://localhost:" + port + "/ws/chat?lang=" + language), new WebSocketHttpHeaders());
    }

    /**
     * Connects with {@code onFrame} called on the client's receiving thread as each frame arrives, before
     * {@link #await} can see it: for acting at the very moment a frame comes in.
     */
    static ChatClient connect(int port, String conversationId, Consumer<JsonNode> onFrame) throws Exception {
        String query = conversationId == null ? "" : "?conversation=" + conversationId;
        return new ChatClient(
                URI.create("ws://localhost:" + port + "/ws/chat" + query), new WebSocketHttpHeaders(), onFrame);
    }

    static ChatClient connectFrom(int port, String origin) throws Exception {
        WebSocketHttpHeaders headers = new WebSocketHttpHeaders();
        headers.setOrigin(origin);
        return new ChatClient(URI.create("ws://localhost:" + port + "/ws/chat"), headers);
    }

    /** Sends a visitor message; returns its client id. */
    public String say(String text) throws Exception {
        String id = "c-" + nextId++;
        send("{\"v\":1,\"type\":\"message\",\"id\":" + JSON.writeValueAsString(id) + ",\"text\":"
                + JSON.writeValueAsString(text) + "}");
        return id;
    }

    /** Sends a visitor message whose text is given as JSON writes it inside quotes, escapes and all (e.g. {@code \\ud800}). */
    String sayEscaped(String jsonText) throws Exception {
        String id = "c-" + nextId++;
        send("{\"v\":1,\"type\":\"message\",\"id\":\"" + id + "\",\"text\":\"" + jsonText + "\"}");
        return id;
    }

    public void sendType(String type) throws Exception {
        send("{\"v\":1,\"type\":\"" + type + "\"}");
    }

    public void send(String raw) throws Exception {
        session.sendMessage(new TextMessage(raw));
    }

    void sendBinary(byte[] bytes) throws Exception {
        session.sendMessage(new BinaryMessage(ByteBuffer.wrap(bytes)));
    }

    /** The next frame matching, skipping (and keeping) others. */
    public JsonNode await(Predicate<JsonNode> matching) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode frame = frames.poll(100, TimeUnit.MILLISECONDS);
            if (frame != null) {
                received.add(frame);
                if (matching.test(frame)) {
                    return frame;
                }
            }
        }
        throw new AssertionError("no matching frame within " + WAIT + "; received " + received);
    }

    /** Fills in the open handoff form with a name, a phone number and both consents, and waits for the confirmation. */
    public JsonNode submitHandoff(String name, String phone) throws Exception {
        send("""
                {"v":1,"type":"handoff.submit","name":"%s","phone":"%s","email":"","preferredTime":"",
                 "reason":"","consentContact":true,"consentShare":true}""".formatted(name, phone));
        return awaitBot("handoff.confirmed");
    }

    /** The id of the conversation, from the welcome frame. */
    public String awaitConversationId() throws InterruptedException {
        return awaitType("welcome").path("conversationId").asString();
    }

    JsonNode awaitAck(String id) throws InterruptedException {
        return await(f -> f.path("type").asString().equals("ack")
                && f.path("id").asString().equals(id));
    }

    public JsonNode awaitType(String type) throws InterruptedException {
        return await(f -> f.path("type").asString().equals(type));
    }

    public JsonNode awaitBot(String kind) throws InterruptedException {
        return await(f -> f.path("type").asString().equals("bot")
                && f.path("kind").asString().equals(kind));
    }

    JsonNode awaitError(String code) throws InterruptedException {
        return await(f -> f.path("type").asString().equals("error")
                && f.path("code").asString().equals(code));
    }

    /** Whether the welcome comes before the server closes the connection (waiting 10 s at most). */
    private boolean welcomed() throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (closed == null && System.nanoTime() < deadline) {
            JsonNode frame = frames.poll(50, TimeUnit.MILLISECONDS);
            if (frame != null) {
                received.add(frame);
            }
            if (received.stream().anyMatch(f -> f.path("type").asString().equals("welcome"))) {
                return true;
            }
        }
        return received().stream().anyMatch(f -> f.path("type").asString().equals("welcome"));
    }

    /** The connection still works: a ping is answered. */
    void assertUsable() throws Exception {
        sendType("ping");
        awaitType("pong");
        assertThat(session.isOpen()).isTrue();
    }

    /** Every frame received so far, including those skipped by {@link #await}. */
    public List<JsonNode> received() throws InterruptedException {
        JsonNode frame;
        while ((frame = frames.poll(200, TimeUnit.MILLISECONDS)) != null) {
            received.add(frame);
        }
        return received;
    }

    CloseStatus closeStatus() {
        return closed;
    }

    boolean isOpen() {
        return session.isOpen();
    }

    @Override
    public void close() throws Exception {
        if (session.isOpen()) {
            session.close();
        }
    }
}
