package com.clinicfaq.conversation.web;

import static com.clinicfaq.conversation.web.RawWebSocket.BINARY;
import static com.clinicfaq.conversation.web.RawWebSocket.CLOSE;
import static com.clinicfaq.conversation.web.RawWebSocket.PING;
import static com.clinicfaq.conversation.web.RawWebSocket.PONG;
import static com.clinicfaq.conversation.web.RawWebSocket.TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clinicfaq.conversation.ConversationService;
import com.clinicfaq.conversation.TranscriptMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.JsonNode;

/**
 * Hostile clients against the chat with its default limits: a seeded fuzzer, oversized and endless
 * messages, floods, thousands of idle connections, clients that never read. Each attacker plays its
 * own loopback address (127.0.0.0/8), as it would come from its own address in earnest; after or
 * during each attack an ordinary visitor on 127.0.0.1 asks a question and must get the right answer,
 * and each attacker must get error frames or a close with a meaningful code (docs/reliability.md).
 *
 * <p>The server's socket send buffer is shrunk here from the kernel's default (megabytes on
 * loopback), so that a client that stops reading blocks the server's sends after kilobytes rather
 * than megabytes, and the send timeout is shortened to 2 s to match.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "clinicfaq.chat.send-timeout=2s",
            // 2,000 idle connections test the per-address limit, not the global cap (ChatAdmissionIntegrationTests)
            "clinicfaq.chat.max-connections=3000",
            // what these tests wait for is the server giving up on connections, not an address's rate of new ones
            "clinicfaq.chat.rate-limit.new-connection-interval=50ms"
        })
@ExtendWith(OutputCaptureExtension.class)
class HostileClientsIntegrationTests {

    private static final Logger log = LoggerFactory.getLogger(HostileClientsIntegrationTests.class);
    private static final long SEED = Long.getLong("fuzz.seed", 20261127L);
    private static final Set<String> ERROR_CODES = Set.of(
            "invalid_json",
            "unsupported_version",
            "unknown_type",
            "invalid_message",
            "message_too_long",
            "binary_not_supported",
            "rate_limited",
            "no_handoff");
    private static final Set<String> REPLY_TYPES = Set.of("error", "ack", "bot", "pong", "handoff.invalid");
    private static final int PROTOCOL_ERROR = 1002;
    private static final int POLICY_VIOLATION = 1008;
    private static final int TOO_BIG = 1009;

    @TestConfiguration(proxyBeanMethods = false)
    static class SmallSendBuffers {
        @Bean
        TomcatConnectorCustomizer smallSendBuffers() {
            return connector -> connector.setProperty("socket.txBufSize", "8192");
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    ConversationService conversations;

    /** The ordinary visitor: asks a question and gets the answer (the client waits 10 s at most). */
    private void assertAnotherVisitorIsAnswered() throws Exception {
        try (ChatClient visitor = ChatClient.connect(port)) {
            visitor.say("How long does kyphoplasty take?");
            assertThat(visitor.awaitBot("answer").path("text").asString()).contains("45 to 60 minutes");
        }
    }

    // ---- the fuzzer

    @Test
    void answersEveryFuzzedFrameWithADocumentedFrameAndKeepsEveryConversationUsable(CapturedOutput output)
            throws Exception {
        log.info("Fuzzing with seed {} (-Dfuzz.seed={} repeats it)", SEED, SEED);
        ProtocolFuzzer fuzzer = new ProtocolFuzzer(SEED);
        List<String> conversationIds = new ArrayList<>();
        int frames = 0;
        for (int connection = 0; connection < 10; connection++) {
            try (RawWebSocket socket = RawWebSocket.connect(port, "127.0.2." + (connection + 1), SEED + connection)) {
                conversationIds.add(
                        socket.awaitType("welcome").path("conversationId").asString());
                for (int i = 0; i < 40; i++) {
                    int n = frames++;
                    ProtocolFuzzer.Sending sending = fuzzer.next();
                    List<JsonNode> replies = sendAndCollect(socket, sending, n);
                    assertThat(replies)
                            .as("replies to frame %d (%s)", n, sending.what())
                            .isNotEmpty()
                            .allSatisfy(reply -> assertDocumented(reply, n, sending));
                }
            }
        }

        assertAnotherVisitorIsAnswered();
        for (String id : conversationIds) {
            try (ChatClient resumed = ChatClient.connect(port, id)) {
                assertThat(resumed.awaitType("welcome").path("resumed").booleanValue())
                        .as("conversation %s resumes", id)
                        .isTrue();
            }
            assertThat(conversations.transcript(UUID.fromString(id)))
                    .filteredOn(TranscriptMessage::fromVisitor)
                    .allSatisfy(m -> assertThat(PlainText.isClean(m.visitorText()))
                            .as("stored text is clean")
                            .isTrue());
        }
        assertThat(output.getAll()).doesNotContain(ProtocolFuzzer.CANARY).doesNotContain(" ERROR ");
    }

    /**
     * Sends the frame (in its fragments, maybe with a ping between them), then a ping as a barrier:
     * the server handles a connection's frames in order, so its pong comes after every reply to the
     * frame. Returns those replies.
     */
    private static List<JsonNode> sendAndCollect(RawWebSocket socket, ProtocolFuzzer.Sending sending, int n)
            throws IOException {
        List<byte[]> fragments = sending.fragments();
        for (int i = 0; i < fragments.size(); i++) {
            socket.send(
                    i == fragments.size() - 1,
                    0,
                    i == 0 ? sending.opcode() : RawWebSocket.CONTINUATION,
                    fragments.get(i),
                    true);
            if (sending.pingBetween() && i == 0) {
                socket.send(PING, ("between-" + n).getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] barrier = ("barrier-" + n).getBytes(StandardCharsets.UTF_8);
        socket.send(PING, barrier);
        int before = socket.received().size();
        List<String> pongs = new ArrayList<>();
        while (true) {
            RawWebSocket.Frame frame = socket.awaitControl(PONG);
            pongs.add(frame.text());
            if (frame.text().equals("barrier-" + n)) {
                break;
            }
        }
        if (sending.pingBetween()) {
            assertThat(pongs).as("the ping between fragments is answered").contains("between-" + n);
        }
        return List.copyOf(socket.received().subList(before, socket.received().size()));
    }

    private static void assertDocumented(JsonNode reply, int n, ProtocolFuzzer.Sending sending) {
        String where = "reply " + reply + " to frame " + n + " (" + sending.what() + ")";
        assertThat(reply.path("v").intValue()).as(where).isEqualTo(1);
        assertThat(reply.path("type").asString()).as(where).isIn(REPLY_TYPES);
        if (reply.path("type").asString().equals("error")) {
            assertThat(reply.path("code").asString()).as(where).isIn(ERROR_CODES);
            assertThat(reply.path("message").asString()).as(where).isNotBlank();
        }
        if (reply.path("type").asString().equals("bot")) {
            assertThat(reply.path("disclaimer").asString()).as(where).isNotBlank();
        }
    }

    // ---- what a browser would never send

    @Test
    void keepsEmojiAndRightToLeftTextIntactFromTheWireToTheTranscriptAndBack() throws Exception {
        List<String> texts = List.of(
                "How long does kyphoplasty take? 🙂",
                "מה זה קיפופלסטיקה ואיך מחלימים?",
                "ما هي عملية رأب الحدبة؟",
                "Family 👨‍👩‍👧, hands 🙏🏽, flag 🇺🇸, combining e\u0301, marks \u200Fשלום\u200E and \u202Eoverride\u202C, 𝔘𝔫𝔦𝔠𝔬𝔡𝔢");
        String conversation;
        try (ChatClient chat = ChatClient.connect(port)) {
            conversation = chat.awaitConversationId();
            for (String text : texts) {
                chat.awaitAck(chat.say(text));
                JsonNode reply = chat.await(f ->
                        f.path("type").asString().equals("bot") && f.path("seq").intValue() > 1);
                assertThat(reply.path("disclaimer").asString()).isNotBlank();
                if (text.contains("kyphoplasty")) {
                    assertThat(reply.path("text").asString()).contains("45 to 60 minutes");
                }
                chat.received();
            }
        }

        assertThat(conversations.transcript(UUID.fromString(conversation)))
                .filteredOn(TranscriptMessage::fromVisitor)
                .extracting(TranscriptMessage::visitorText)
                .containsExactlyElementsOf(texts);
        try (ChatClient resumed = ChatClient.connect(port, conversation)) {
            JsonNode history = resumed.awaitType("welcome").path("history");
            assertThat(history)
                    .filteredOn(m -> m.path("type").asString().equals("visitor"))
                    .extracting(m -> m.path("text").asString())
                    .containsExactlyElementsOf(texts);
        }
    }

    @Test
    void dropsControlCharactersAndReplacesLoneSurrogatesBeforeStoringAndTheConversationStillResumes() throws Exception {
        String conversation;
        try (ChatClient chat = ChatClient.connect(port)) {
            conversation = chat.awaitConversationId();
            chat.awaitAck(chat.say("tab\tline\nNUL\u0000 bell\u0007 escape\u001B[31m C1\u009B kept"));
            chat.awaitAck(chat.sayEscaped("lone \\ud800 and \\udc00\\ud800 reversed"));
            int seq = chat.awaitAck(chat.sayEscaped("\\ud800"))
                    .path("seq")
                    .intValue(); // nothing to search for but U+FFFD
            assertThat(chat.await(f -> f.path("type").asString().equals("bot")
                                    && f.path("seq").intValue() > seq)
                            .path("kind")
                            .asString())
                    .isEqualTo("unknown");
            chat.send("{\"v\":1,\"type\":\"message\",\"id\":\"id\\u0000\",\"text\":\"an id with NUL\"}");
            chat.awaitError("invalid_message");
        }

        assertThat(conversations.transcript(UUID.fromString(conversation)))
                .filteredOn(TranscriptMessage::fromVisitor)
                .extracting(TranscriptMessage::visitorText)
                .containsExactly(
                        "tab\tline\nNUL bell escape[31m C1 kept", "lone \uFFFD and \uFFFD\uFFFD reversed", "\uFFFD");
        try (ChatClient resumed = ChatClient.connect(port, conversation)) {
            assertThat(resumed.awaitType("welcome").path("resumed").booleanValue())
                    .isTrue();
        }
    }

    @Test
    void refusesOversizedMessagesWithAnErrorAndClosesOnAnEndlessOne() throws Exception {
        try (RawWebSocket socket = RawWebSocket.connect(port, "127.0.0.5", SEED)) {
            socket.awaitType("welcome");
            String big = "{\"v\":1,\"type\":\"message\",\"id\":\"big\",\"text\":\"" + "y".repeat(20_000) + "\"}";

            socket.sendText(big);
            assertThat(socket.awaitType("error").path("code").asString()).isEqualTo("message_too_long");
            socket.sendFragmented(TEXT, pieces(big.getBytes(StandardCharsets.UTF_8), 2_000));
            assertThat(socket.awaitType("error").path("code").asString()).isEqualTo("message_too_long");
            socket.sendFragmented(BINARY, pieces(new byte[100_000], 8_000));
            assertThat(socket.awaitType("error").path("code").asString()).isEqualTo("binary_not_supported");
            socket.sendText("{\"v\":1,\"type\":\"ping\"}");
            socket.awaitType("pong");
        }
        for (int opcode : new int[] {TEXT, BINARY}) {
            try (RawWebSocket socket = RawWebSocket.connect(port, "127.0.0.5", SEED)) {
                socket.awaitType("welcome");
                // one frame that says it holds a terabyte, then two megabytes of it
                ByteArrayOutputStream header = new ByteArrayOutputStream();
                header.write(0x80 | opcode);
                header.write(0x80 | 127);
                header.writeBytes(ByteBuffer.allocate(8).putLong(1L << 40).array());
                header.writeBytes(new byte[4]); // a mask of zeros leaves the payload as it is
                Future<?> writing = sendInBackground(
                        socket,
                        header.toByteArray(),
                        "z".repeat(2 * 1024 * 1024).getBytes(StandardCharsets.UTF_8));

                RawWebSocket.Frame close = socket.awaitClose();

                assertThat(close).isNotNull();
                assertThat(close.closeCode()).isEqualTo(TOO_BIG);
                assertThat(close.closeReason()).isEqualTo("message too big");
                writing.cancel(true);
            }
        }
        assertAnotherVisitorIsAnswered();
    }

    /**
     * Browsers offer permessage-deflate; the server declines it (chat frames are too small to gain, and each
     * compressed connection would hold a zlib stream), so a compressed message, such as 10 KB that would
     * inflate to 10 MB, is a protocol error and never inflated.
     */
    @Test
    void declinesCompressionAndRefusesACompressedMessage() throws Exception {
        try (RawWebSocket socket = RawWebSocket.connectOfferingCompression(port, "127.0.0.5", SEED)) {
            assertThat(socket.extensions())
                    .as("extensions agreed in the handshake")
                    .isEmpty();
            socket.awaitType("welcome");
            byte[] bomb = RawWebSocket.deflate(
                    ("{\"v\":1,\"type\":\"message\",\"id\":\"b\",\"text\":\"" + " ".repeat(10 << 20) + "\"}")
                            .getBytes(StandardCharsets.UTF_8));
            assertThat(bomb.length).isLessThan(64 * 1024);

            socket.send(true, 4, TEXT, bomb, true);

            RawWebSocket.Frame close = socket.awaitClose();
            assertThat(close).isNotNull();
            assertThat(close.closeCode()).isEqualTo(PROTOCOL_ERROR);
        }
        assertAnotherVisitorIsAnswered();
    }

    @Test
    void forgetsConnectionsCutInTheMiddleOfAFrame() throws Exception {
        for (int i = 0; i < 30; i++) {
            try (RawWebSocket socket = RawWebSocket.connect(port, "127.0.0.6", SEED + i)) {
                byte[] frame = socket.frame(
                        true,
                        0,
                        TEXT,
                        "{\"v\":1,\"type\":\"message\",\"id\":\"x\",\"text\":\"cut\"}".getBytes(StandardCharsets.UTF_8),
                        true);
                socket.sendRaw(java.util.Arrays.copyOf(frame, i % frame.length));
            }
        }
        // more than the 20 connections an address may hold: each cut one was counted out again
        try (RawWebSocket socket = connectWhenAllowed("127.0.0.6")) {
            socket.sendText("{\"v\":1,\"type\":\"ping\"}");
            socket.awaitType("pong");
        }
        assertAnotherVisitorIsAnswered();
    }

    // ---- floods

    @Test
    void closesAConnectionThatSendsThousandsOfMessagesASecond() throws Exception {
        try (RawWebSocket socket = RawWebSocket.connect(port, "127.0.0.3", SEED)) {
            socket.awaitType("welcome");
            Future<?> writing = sendInBackground(
                    socket,
                    flood(
                            socket,
                            5_000,
                            TEXT,
                            i -> "{\"v\":1,\"type\":\"message\",\"id\":\"f-" + i
                                    + "\",\"text\":\"what is kyphoplasty\"}"));

            RawWebSocket.Frame close = socket.awaitClose();

            assertThat(close).isNotNull();
            assertThat(close.closeCode()).isEqualTo(POLICY_VIOLATION);
            assertThat(close.closeReason()).isEqualTo("too many messages");
            List<JsonNode> replies = socket.received();
            log.info(
                    "Flood: {} replies before the close ({} acks)",
                    replies.size(),
                    replies.stream()
                            .filter(f -> f.path("type").asString().equals("ack"))
                            .count());
            assertThat(replies)
                    .filteredOn(f -> f.path("type").asString().equals("ack"))
                    .hasSizeLessThanOrEqualTo(5);
            assertThat(replies)
                    .filteredOn(f -> f.path("code").asString().equals("rate_limited"))
                    .isNotEmpty()
                    .allSatisfy(f ->
                            assertThat(f.path("retryAfterSeconds").longValue()).isPositive());
            assertThat(socket.endsWithin(Duration.ofSeconds(10))).isTrue();
            writing.cancel(true);
        }
        assertAnotherVisitorIsAnswered();
        try (RawWebSocket again = RawWebSocket.connect(port, "127.0.0.3", SEED)) { // the address is not banned
            again.awaitType("welcome");
        }
    }

    @Test
    void rateLimitsHandoffFramesLikeMessages() throws Exception {
        try (RawWebSocket socket = RawWebSocket.connect(port, "127.0.0.8", SEED)) {
            socket.awaitType("welcome");
            for (int i = 0; i < 10; i++) {
                socket.sendText("{\"v\":1,\"type\":\"handoff.cancel\"}");
            }

            socket.await(f -> f.path("code").asString().equals("rate_limited"));
        }
    }

    @Test
    void answersAFloodOfWebSocketPingsAndStaysUsable() throws Exception {
        try (RawWebSocket socket = RawWebSocket.connect(port, "127.0.0.7", SEED)) {
            socket.awaitType("welcome");
            Future<?> writing = sendInBackground(socket, flood(socket, 2_000, PING, i -> "p" + i));

            for (int i = 0; i < 2_000; i++) {
                assertThat(socket.awaitControl(PONG).text()).isEqualTo("p" + i);
            }
            writing.get();
            socket.sendText("{\"v\":1,\"type\":\"ping\"}");
            socket.awaitType("pong");
        }
        assertAnotherVisitorIsAnswered();
    }

    // ---- many connections, slow readers

    @Test
    void holdsThousandsOfIdleConnectionsWithinTheAddressLimitAndRefusesTheNextCleanly() throws Exception {
        int addresses = 100;
        int perAddress = 20; // the default clinicfaq.chat.rate-limit.connections-per-address
        long before = heapAfterGc();
        List<RawWebSocket> idle = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService opening = Executors.newFixedThreadPool(8)) {
            List<Future<?>> opened = new ArrayList<>();
            for (int a = 1; a <= addresses; a++) {
                String from = "127.0.3." + a;
                for (int i = 0; i < perAddress; i++) {
                    long seed = SEED + a * 100L + i;
                    opened.add(opening.submit(() -> idle.add(RawWebSocket.connect(port, from, seed))));
                }
            }
            for (Future<?> future : opened) {
                future.get();
            }
        }
        try {
            long with = heapAfterGc();
            log.info(
                    "{} idle connections: heap after GC {} MB before, {} MB with them ({} KB each)",
                    idle.size(),
                    before >> 20,
                    with >> 20,
                    (with - before) / idle.size() >> 10);

            try (RawWebSocket refused = RawWebSocket.connect(port, "127.0.3.1", SEED)) {
                RawWebSocket.Frame close = refused.awaitClose();
                assertThat(close).isNotNull();
                assertThat(close.closeCode()).isEqualTo(POLICY_VIOLATION);
                assertThat(close.closeReason()).isEqualTo("too many connections from this address");
                assertThat(refused.received()).as("no welcome, no conversation").isEmpty();
            }
            assertAnotherVisitorIsAnswered();
            assertThat(with - before)
                    .as("heap held by %d idle connections", idle.size())
                    .isLessThan(idle.size() * 256L * 1024);
        } finally {
            for (RawWebSocket socket : idle) {
                socket.close();
            }
        }
        try (RawWebSocket socket = connectWhenAllowed("127.0.3.1")) {
            socket.sendText("{\"v\":1,\"type\":\"ping\"}");
            socket.awaitType("pong");
        }
        await("heap returns once the connections are gone")
                .atMost(Duration.ofSeconds(30))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> heapAfterGc() < before + 64L * 1024 * 1024);
    }

    @Test
    void givesUpOnClientsThatNeverReadWithoutHoldingUpOthers(CapturedOutput output) throws Exception {
        String conversation = longConversation(40);
        long before = heapAfterGc();
        List<RawWebSocket> slow = new ArrayList<>();
        try {
            for (int i = 0;
                    i < 20;
                    i++) { // each resumes the long conversation: a welcome of some 100 KB it never reads
                slow.add(RawWebSocket.connect(port, "127.0.0.4", 4096, conversation, SEED + i));
            }
            long stuck = heapAfterGc();
            log.info(
                    "20 clients not reading: heap after GC {} MB before, {} MB while they are stuck",
                    before >> 20,
                    stuck >> 20);

            assertAnotherVisitorIsAnswered();
            assertThat(stuck - before).isLessThan(64L * 1024 * 1024);
            // the address's 20 connections are free again once the server has given up on them all
            List<RawWebSocket> after = new ArrayList<>();
            try {
                for (int i = 0; i < 20; i++) {
                    after.add(connectWhenAllowed("127.0.0.4"));
                }
            } finally {
                for (RawWebSocket socket : after) {
                    socket.close();
                }
            }
            for (RawWebSocket socket : slow) {
                assertThat(socket.endsWithin(Duration.ofSeconds(30)))
                        .as("the server closed a client that did not read")
                        .isTrue();
            }
        } finally {
            for (RawWebSocket socket : slow) {
                socket.close();
            }
        }
        assertThat(output.getAll()).doesNotContain(" ERROR ");
    }

    @Test
    void resumesAnyConversationWithItsLastHundredMessagesOnly() throws Exception {
        String conversation = longConversation(60);
        List<TranscriptMessage> all = conversations.transcript(UUID.fromString(conversation));

        try (ChatClient resumed = ChatClient.connect(port, conversation)) {
            JsonNode history = resumed.awaitType("welcome").path("history");

            assertThat(all).hasSizeGreaterThan(ConversationService.RESUMED_HISTORY);
            assertThat(history)
                    .extracting(m -> m.path("seq").intValue())
                    .containsExactlyElementsOf(
                            all.subList(all.size() - ConversationService.RESUMED_HISTORY, all.size()).stream()
                                    .map(TranscriptMessage::seq)
                                    .toList());
        }
    }

    /** A conversation of {@code visitorMessages} long messages (and the bot's replies), made without the rate limits. */
    private String longConversation(int visitorMessages) {
        UUID id = conversations.open(null).conversationId();
        for (int i = 0; i < visitorMessages; i++) {
            conversations.handle(
                    id,
                    new ConversationService.Input.Text(
                            "long-" + i, "kyphoplasty question " + i + " " + "lorem ipsum ".repeat(160)));
        }
        return id.toString();
    }

    // ---- helpers

    /** Connects from {@code from}, retrying while the address is still at its limit (closes being counted out). */
    private RawWebSocket connectWhenAllowed(String from) {
        AtomicReference<RawWebSocket> admitted = new AtomicReference<>();
        await("connections from " + from + " allowed again")
                .atMost(Duration.ofSeconds(30))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    RawWebSocket socket = RawWebSocket.connect(port, from, SEED);
                    RawWebSocket.Frame first = socket.next();
                    if (first != null && first.opcode() == TEXT && first.text().contains("\"welcome\"")) {
                        admitted.set(socket);
                        return true;
                    }
                    socket.close();
                    assertThat(first == null || first.opcode() == CLOSE)
                            .as("refused with a close")
                            .isTrue();
                    return false;
                });
        return admitted.get();
    }

    private static List<byte[]> pieces(byte[] bytes, int size) {
        List<byte[]> pieces = new ArrayList<>();
        for (int from = 0; from < bytes.length; from += size) {
            pieces.add(java.util.Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + size)));
        }
        return pieces;
    }

    /** {@code count} frames in one buffer, to be written as fast as the socket takes them. */
    private static byte[] flood(RawWebSocket socket, int count, int opcode, IntFunction<String> payload) {
        ByteArrayOutputStream flood = new ByteArrayOutputStream();
        for (int i = 0; i < count; i++) {
            flood.writeBytes(socket.frame(true, 0, opcode, payload.apply(i).getBytes(StandardCharsets.UTF_8), true));
        }
        return flood.toByteArray();
    }

    /** Writes on another thread, so that the test can read what the server answers meanwhile; a closed socket ends it. */
    private static Future<?> sendInBackground(RawWebSocket socket, byte[]... chunks) {
        ExecutorService writer = Executors.newVirtualThreadPerTaskExecutor();
        Future<?> writing = writer.submit(() -> {
            try {
                for (byte[] chunk : chunks) {
                    socket.sendRaw(chunk);
                }
            } catch (IOException e) {
                // the server closed the connection
            }
            return null;
        });
        writer.shutdown();
        return writing;
    }

    /** Heap in use after a full collection (the least of three, to ride out what other threads allocate meanwhile). */
    private static long heapAfterGc() throws InterruptedException {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            least = Math.min(
                    least,
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
            Thread.sleep(100); // deliberate, not a wait for a condition: the samples are spread out in time
        }
        return least;
    }
}
