package com.clinicfaq.conversation.web;

import static com.clinicfaq.conversation.web.RawWebSocket.BINARY;
import static com.clinicfaq.conversation.web.RawWebSocket.CLOSE;
import static com.clinicfaq.conversation.web.RawWebSocket.CONTINUATION;
import static com.clinicfaq.conversation.web.RawWebSocket.PING;
import static com.clinicfaq.conversation.web.RawWebSocket.PONG;
import static com.clinicfaq.conversation.web.RawWebSocket.TEXT;
import static org.assertj.core.api.Assertions.assertThat;

import com.clinicfaq.ApplicationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * RFC 6455 as the chat endpoint speaks it, checked byte by byte with {@link RawWebSocket}: the close
 * handshake, fragmentation, ping and pong, and the frames a server must refuse. Tomcat does the
 * framing; these tests pin down what it does (docs/reliability.md), including where it picks one of
 * the codes the RFC allows.
 */
@ApplicationTest.Unthrottled
@ExtendWith(OutputCaptureExtension.class)
class WebSocketConformanceIntegrationTests {

    private static final int NORMAL = 1000;
    private static final int PROTOCOL_ERROR = 1002;
    private static final int INVALID_PAYLOAD = 1007;
    private static final byte[] JSON_PING = "{\"v\":1,\"type\":\"ping\"}".getBytes(StandardCharsets.UTF_8);

    @LocalServerPort
    int port;

    private final Random random = new Random(6455);

    /** A connection past its welcome and greeting. */
    private RawWebSocket open() throws Exception {
        RawWebSocket socket = RawWebSocket.connect(port, random.nextLong());
        socket.awaitType("welcome");
        socket.await(f -> f.path("kind").asString().equals("greeting"));
        return socket;
    }

    /** What a test sends on an open connection. */
    private interface Sending {
        void to(RawWebSocket socket) throws Exception;
    }

    /** After {@code sending}, the server sends a close frame with {@code code} and ends the TCP connection. */
    private void assertClosesWith(int code, Sending sending) throws Exception {
        try (RawWebSocket socket = open()) {
            sending.to(socket);

            assertClosedWith(socket, code);
        }
    }

    private static void assertClosedWith(RawWebSocket socket, int code) throws Exception {
        RawWebSocket.Frame close = socket.awaitClose();
        assertThat(close).as("a close frame before the connection ends").isNotNull();
        assertThat(close.closeCode()).isEqualTo(code);
        assertThat(socket.endsWithin(Duration.ofSeconds(10)))
                .as("the TCP connection ends after the close")
                .isTrue();
    }

    // ---- the close handshake

    @ParameterizedTest
    @ValueSource(ints = {1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 3000, 3999, 4000, 4999})
    void answersACloseWithACloseEchoingAValidCode(int code) throws Exception {
        assertClosesWith(code, socket -> socket.sendClose(code, "bye 👋".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void answersACloseWithoutACodeWithANormalClosure() throws Exception {
        assertClosesWith(NORMAL, socket -> socket.send(CLOSE, new byte[0]));
    }

    /**
     * Codes a close frame must not carry (1005, 1006, 1015 are for reporting only; 0–999, 1004,
     * 1016–2999 and 5000 up are reserved or undefined). Tomcat also refuses 1012–1014, which IANA
     * registered after RFC 6455; browsers can only send 1000 and 3000–4999 anyway.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 999, 1004, 1005, 1006, 1012, 1013, 1014, 1015, 1016, 1100, 2000, 2999, 5000, 65535})
    void answersACloseWithAnInvalidCodeWithAProtocolError(int code) throws Exception {
        assertClosesWith(PROTOCOL_ERROR, socket -> socket.sendClose(code, new byte[0]));
    }

    @Test
    void answersACloseWithAOneBytePayloadWithAProtocolError() throws Exception {
        assertClosesWith(PROTOCOL_ERROR, socket -> socket.send(CLOSE, new byte[] {3}));
    }

    /** The RFC says to fail the connection; Tomcat does so with 1002 here (1007 for a text message, below). */
    @Test
    void answersACloseReasonThatIsNotUtf8WithAProtocolError() throws Exception {
        assertClosesWith(
                PROTOCOL_ERROR, socket -> socket.sendClose(NORMAL, new byte[] {'o', 'k', (byte) 0xC0, (byte) 0xAF}));
    }

    @Test
    void sendsNothingAfterTheClientsClose() throws Exception {
        try (RawWebSocket socket = open()) {
            socket.sendClose(NORMAL, new byte[0]);
            socket.send(TEXT, JSON_PING);

            assertClosedWith(socket, NORMAL);
            assertThat(socket.received())
                    .noneMatch(f -> f.path("type").asString().equals("pong"));
        }
    }

    // ---- fragmentation

    @Test
    void assemblesAMessageFromContinuationFramesEvenWhenTheySplitACharacter() throws Exception {
        byte[] frame = "{\"v\":1,\"type\":\"message\",\"id\":\"f-1\",\"text\":\"How long does kyphoplasty take? 🙂\"}"
                .getBytes(StandardCharsets.UTF_8);
        int emoji = indexOf(frame, (byte) 0xF0);
        try (RawWebSocket socket = open()) {
            socket.sendFragmented(
                    TEXT,
                    List.of(
                            Arrays.copyOfRange(frame, 0, 10),
                            Arrays.copyOfRange(frame, 10, emoji + 2),
                            new byte[0],
                            Arrays.copyOfRange(frame, emoji + 2, frame.length)));

            assertThat(socket.awaitType("ack").path("id").asString()).isEqualTo("f-1");
            assertThat(socket.await(f -> f.path("kind").asString().equals("answer"))
                            .path("text")
                            .asString())
                    .contains("45 to 60 minutes");
        }
    }

    @Test
    void answersAPingSentBetweenTheFragmentsOfAMessage() throws Exception {
        try (RawWebSocket socket = open()) {
            socket.send(false, 0, TEXT, Arrays.copyOfRange(JSON_PING, 0, 8), true);
            socket.send(PING, "between".getBytes(StandardCharsets.UTF_8));

            assertThat(socket.awaitControl(PONG).text()).isEqualTo("between");

            socket.send(true, 0, CONTINUATION, Arrays.copyOfRange(JSON_PING, 8, JSON_PING.length), true);
            socket.awaitType("pong");
        }
    }

    @Test
    void refusesAContinuationFrameWithoutAStart() throws Exception {
        assertClosesWith(PROTOCOL_ERROR, socket -> socket.send(CONTINUATION, JSON_PING));
    }

    @Test
    void refusesANewMessageWhileAFragmentedOneIsUnfinished() throws Exception {
        assertClosesWith(PROTOCOL_ERROR, socket -> {
            socket.send(false, 0, TEXT, Arrays.copyOfRange(JSON_PING, 0, 8), true);
            socket.send(TEXT, JSON_PING);
        });
    }

    @Test
    void refusesAFragmentedControlFrame() throws Exception {
        assertClosesWith(
                PROTOCOL_ERROR, socket -> socket.send(false, 0, PING, "half".getBytes(StandardCharsets.UTF_8), true));
    }

    // ---- ping and pong

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 125})
    void answersAPingWithAPongOfTheSamePayload(int length) throws Exception {
        byte[] payload = new byte[length];
        random.nextBytes(payload);
        try (RawWebSocket socket = open()) {
            socket.send(PING, payload);

            assertThat(socket.awaitControl(PONG).payload()).isEqualTo(payload);
        }
    }

    @Test
    void ignoresAnUnsolicitedPong() throws Exception {
        try (RawWebSocket socket = open()) {
            socket.send(PONG, "unasked".getBytes(StandardCharsets.UTF_8));
            socket.send(TEXT, JSON_PING);

            socket.awaitType("pong");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {PING, PONG, CLOSE})
    void refusesAControlFrameOver125Bytes(int opcode) throws Exception {
        assertClosesWith(PROTOCOL_ERROR, socket -> socket.send(opcode, new byte[126]));
    }

    // ---- frames a server must refuse

    @Test
    void refusesAnUnmaskedFrame() throws Exception {
        assertClosesWith(PROTOCOL_ERROR, socket -> socket.send(true, 0, TEXT, JSON_PING, false));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7})
    void refusesReservedBits(int rsv) throws Exception {
        assertClosesWith(PROTOCOL_ERROR, socket -> socket.send(true, rsv, TEXT, JSON_PING, true));
    }

    @ParameterizedTest
    @ValueSource(ints = {0x3, 0x4, 0x5, 0x6, 0x7, 0xB, 0xC, 0xD, 0xE, 0xF})
    void refusesReservedOpcodes(int opcode) throws Exception {
        assertClosesWith(PROTOCOL_ERROR, socket -> socket.send(opcode, new byte[] {1, 2, 3}));
    }

    static Stream<Arguments> notUtf8() {
        return Stream.of(
                Arguments.of("an overlong slash", List.of(bytes(0x22, 0xC0, 0xAF, 0x22))),
                Arguments.of("a UTF-16 surrogate", List.of(bytes(0x22, 0xED, 0xA0, 0x80, 0x22))),
                Arguments.of("a byte never used in UTF-8", List.of(bytes(0x22, 0xFF, 0x22))),
                Arguments.of("a code point past U+10FFFF", List.of(bytes(0x22, 0xF4, 0x90, 0x80, 0x80, 0x22))),
                Arguments.of("a five-byte sequence", List.of(bytes(0xF8, 0x88, 0x80, 0x80, 0x80))),
                Arguments.of("a character cut short at the end", List.of(bytes(0x22, 0x61, 0xF0, 0x9F))),
                Arguments.of("a character cut short across fragments", List.of(bytes(0x22, 0xF0, 0x9F), bytes(0x22))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notUtf8")
    void refusesATextMessageThatIsNotUtf8WithInvalidPayload(String what, List<byte[]> fragments) throws Exception {
        assertClosesWith(INVALID_PAYLOAD, socket -> socket.sendFragmented(TEXT, fragments));
    }

    /** Binary frames are not UTF-8 checked: they are answered with an error frame and the connection stays. */
    @Test
    void answersABinaryMessageOfAnyBytesWithAnErrorFrame() throws Exception {
        try (RawWebSocket socket = open()) {
            socket.send(BINARY, bytes(0xC0, 0xAF, 0xFF, 0x00));

            assertThat(socket.awaitType("error").path("code").asString()).isEqualTo("binary_not_supported");
            socket.send(TEXT, JSON_PING);
            socket.awaitType("pong");
        }
    }

    // ---- the opening handshake

    @Test
    void refusesTheHandshakeFromAForeignOrigin() throws Exception {
        assertThat(RawWebSocket.handshakeOnly(port, Map.of("Origin", "https://evil.example"))
                        .status())
                .isEqualTo(403);
    }

    /** Spring's origin check failed on these with an exception: HTTP 500 and a stack trace in the log for each request. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://localhost:1.x",
                "http://exa mple.com",
                "http://localhost:99999",
                "http://user@localhost",
                "http://localhost/path",
                "http://localhost?q",
                "localhost",
                "http://"
            })
    void refusesAMalformedOriginWith403AndOneLogLineWithoutAStackTrace(String origin, CapturedOutput output)
            throws Exception {
        assertThat(RawWebSocket.handshakeOnly(port, Map.of("Origin", origin)).status())
                .isEqualTo(403);

        assertThat(output.getAll().lines().filter(line -> line.contains("Origin header is not an origin")))
                .hasSize(1);
        assertThat(output.getAll())
                .doesNotContain("Exception")
                .doesNotContain("\tat ")
                .doesNotContain(" ERROR ");
    }

    @Test
    void refusesAHandshakeWithoutAKey() throws Exception {
        assertThat(RawWebSocket.handshakeOnly(port, Map.of("Sec-WebSocket-Key", ""))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void answersAnotherProtocolVersionWithTheOneItSpeaks() throws Exception {
        RawWebSocket.Handshake handshake = RawWebSocket.handshakeOnly(port, Map.of("Sec-WebSocket-Version", "8"));

        assertThat(handshake.status()).isEqualTo(426);
        assertThat(handshake.headers()).containsEntry("sec-websocket-version", "13");
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        throw new IllegalArgumentException("not found");
    }
}
