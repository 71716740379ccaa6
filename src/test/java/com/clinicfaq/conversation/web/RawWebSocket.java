package com.clinicfaq.conversation.web;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A minimal RFC 6455 client over a plain {@link Socket} that writes every byte of its own frames, so
 * that tests can send what a browser never would: unmasked or reserved frames, invalid UTF-8, bad
 * close codes, fragments with pings between them, or nothing at all (it reads only when asked).
 */
final class RawWebSocket implements AutoCloseable {

    static final int CONTINUATION = 0x0;
    static final int TEXT = 0x1;
    static final int BINARY = 0x2;
    static final int CLOSE = 0x8;
    static final int PING = 0x9;
    static final int PONG = 0xA;

    private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** How long a frame is awaited: a deadline, never a sleep; generous, since CI machines are small and shared. */
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final Random random;
    private final List<JsonNode> received = new ArrayList<>();
    private boolean closeSent;
    private final Inflater inflater = new Inflater(true);

    /** A frame from the server; server frames are never masked. */
    record Frame(boolean fin, int rsv, int opcode, byte[] payload) {

        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        /** The status code of a close frame; 1005 (no status) when it has none. */
        int closeCode() {
            return payload.length < 2 ? 1005 : ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        }

        String closeReason() {
            return payload.length <= 2 ? "" : new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8);
        }
    }

    /** The extensions the server agreed to in its handshake ({@code Sec-WebSocket-Extensions}), or "". */
    private final String extensions;

    /** The server's answer to the opening handshake. */
    record Handshake(int status, Map<String, String> headers) {}

    private RawWebSocket(Socket socket, DataInputStream in, Random random, String extensions) throws IOException {
        this.extensions = extensions;
        this.socket = socket;
        this.in = in;
        this.out = socket.getOutputStream();
        this.random = random;
    }

    /** Opens the chat from an allowed origin on the loopback address {@code 127.0.0.1}. */
    String extensions() {
        return extensions;
    }

    static RawWebSocket connect(int port, long seed) throws IOException {
        return connect(port, "127.0.0.1", 0, null, seed);
    }

    static RawWebSocket connect(int port, String from, long seed) throws IOException {
        return connect(port, from, 0, null, seed);
    }

    /**
     * Opens the chat from the loopback address {@code from} (any of 127.0.0.0/8, so that a test can
     * play several visitors' addresses), with a receive buffer of {@code receiveBuffer} bytes when
     * that is positive (a small one makes a client that does not read fill up quickly), resuming
     * {@code conversationId} unless it is null.
     */
    static RawWebSocket connect(int port, String from, int receiveBuffer, String conversationId, long seed)
            throws IOException {
        return connect(port, from, receiveBuffer, conversationId, null, seed);
    }

    /** Opens the chat offering permessage-deflate (RFC 7692), as browsers do; see {@link #extensions()} for the answer. */
    static RawWebSocket connectOfferingCompression(int port, String from, long seed) throws IOException {
        return connect(
                port,
                from,
                0,
                null,
                Map.of("Sec-WebSocket-Extensions", "permessage-deflate; client_no_context_takeover"),
                seed);
    }

    /** Opens the chat from {@code from} with these headers besides the usual ones (e.g. {@code X-Forwarded-For}). */
    static RawWebSocket connectWithHeaders(int port, String from, Map<String, String> extra, long seed)
            throws IOException {
        return connect(port, from, 0, null, extra, seed);
    }

    private static RawWebSocket connect(
            int port, String from, int receiveBuffer, String conversationId, Map<String, String> extra, long seed)
            throws IOException {
        Random random = new Random(seed);
        Socket socket = open(port, from, receiveBuffer);
        DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        String key = Base64.getEncoder().encodeToString(bytes(random, 16));
        String target = WebSocketConfiguration.PATH + (conversationId == null ? "" : "?conversation=" + conversationId);
        Map<String, String> headers = upgradeHeaders(port, key);
        if (extra != null) {
            headers.putAll(extra);
        }
        Handshake handshake = handshake(socket, in, target, headers);
        if (handshake.status() != 101) {
            socket.close();
            throw new IOException("handshake refused with HTTP " + handshake.status());
        }
        if (!accept(key).equals(handshake.headers().get("sec-websocket-accept"))) {
            socket.close();
            throw new IOException(
                    "wrong Sec-WebSocket-Accept " + handshake.headers().get("sec-websocket-accept"));
        }
        return new RawWebSocket(socket, in, random, handshake.headers().getOrDefault("sec-websocket-extensions", ""));
    }

    /** Sends an opening handshake with these headers (in place of the usual ones) and returns the answer. */
    static Handshake handshakeOnly(int port, Map<String, String> replaced) throws IOException {
        Map<String, String> headers = upgradeHeaders(port, Base64.getEncoder().encodeToString(new byte[16]));
        headers.putAll(replaced);
        headers.values().removeIf(String::isEmpty);
        try (Socket socket = open(port, "127.0.0.1", 0)) {
            return handshake(
                    socket,
                    new DataInputStream(new BufferedInputStream(socket.getInputStream())),
                    WebSocketConfiguration.PATH,
                    headers);
        }
    }

    private static Socket open(int port, String from, int receiveBuffer) throws IOException {
        Socket socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.bind(new InetSocketAddress(from, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port), (int) WAIT.toMillis());
        socket.setSoTimeout((int) WAIT.toMillis());
        socket.setTcpNoDelay(true);
        return socket;
    }

    private static Map<String, String> upgradeHeaders(int port, String key) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", "localhost:" + port);
        headers.put("Upgrade", "websocket");
        headers.put("Connection", "Upgrade");
        headers.put("Sec-WebSocket-Key", key);
        headers.put("Sec-WebSocket-Version", "13");
        headers.put("Origin", "http://localhost:" + port);
        return headers;
    }

    private static Handshake handshake(Socket socket, DataInputStream in, String target, Map<String, String> headers)
            throws IOException {
        StringBuilder request = new StringBuilder("GET " + target + " HTTP/1.1\r\n");
        headers.forEach(
                (name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        socket.getOutputStream().write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        String status = line(in);
        String[] parts = status.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.1")) {
            throw new IOException("not an HTTP response");
        }
        Map<String, String> response = new LinkedHashMap<>();
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            response.put(
                    header.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                    header.substring(colon + 1).strip());
        }
        return new Handshake(Integer.parseInt(parts[1]), response);
    }

    /** Reads one header line byte by byte, so that nothing after the headers is consumed. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("connection closed during the handshake");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private static String accept(String key) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-1").digest((key + ACCEPT_GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    // ---- sending

    /** Writes one frame exactly as described: any flags, any opcode, masked or not. */
    void send(boolean fin, int rsv, int opcode, byte[] payload, boolean masked) throws IOException {
        closeSent |= opcode == CLOSE;
        out.write(frame(fin, rsv, opcode, payload, masked));
        out.flush();
    }

    /** One well-formed (final, masked) frame. */
    void send(int opcode, byte[] payload) throws IOException {
        send(true, 0, opcode, payload, true);
    }

    void sendText(String text) throws IOException {
        send(TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    /** One message of {@code opcode} split into frames of these payloads (the first with the opcode, then continuations). */
    void sendFragmented(int opcode, List<byte[]> fragments) throws IOException {
        for (int i = 0; i < fragments.size(); i++) {
            send(i == fragments.size() - 1, 0, i == 0 ? opcode : CONTINUATION, fragments.get(i), true);
        }
    }

    void sendClose(int code, byte[] reason) throws IOException {
        send(
                CLOSE,
                ByteBuffer.allocate(2 + reason.length)
                        .putShort((short) code)
                        .put(reason)
                        .array());
    }

    /**
     * A compressed payload as permessage-deflate wants it (raw DEFLATE, without the final empty
     * block's four bytes), to send in a frame with the first reserved bit set.
     */
    static byte[] deflate(byte[] payload) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(payload);
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int length;
        while ((length = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH)) > 0) {
            compressed.write(buffer, 0, length);
        }
        deflater.end();
        byte[] bytes = compressed.toByteArray();
        return Arrays.copyOf(bytes, bytes.length - 4);
    }

    /** Writes bytes as they are, e.g. half a frame. */
    void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    byte[] frame(boolean fin, int rsv, int opcode, byte[] payload, boolean masked) {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
        frame.write((fin ? 0x80 : 0) | (rsv & 0x7) << 4 | opcode & 0xF);
        int mask = masked ? 0x80 : 0;
        if (payload.length < 126) {
            frame.write(mask | payload.length);
        } else if (payload.length <= 0xFFFF) {
            frame.write(mask | 126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length & 0xFF);
        } else {
            frame.write(mask | 127);
            frame.writeBytes(ByteBuffer.allocate(8).putLong(payload.length).array());
        }
        if (!masked) {
            frame.writeBytes(payload);
            return frame.toByteArray();
        }
        byte[] key = bytes(random, 4);
        frame.writeBytes(key);
        byte[] masking = new byte[payload.length];
        for (int i = 0; i < payload.length; i++) {
            masking[i] = (byte) (payload[i] ^ key[i & 3]);
        }
        frame.writeBytes(masking);
        return frame.toByteArray();
    }

    // ---- receiving

    /** The next frame from the server; {@code null} when the server closed the TCP connection. */
    Frame next() throws IOException {
        int first;
        try {
            first = in.read();
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no frame from the server within " + WAIT, e);
        }
        if (first < 0) {
            return null;
        }
        int second = in.readUnsignedByte();
        if ((second & 0x80) != 0) {
            throw new IOException("the server masked a frame");
        }
        long length = second & 0x7F;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        if (length > 64L * 1024 * 1024) {
            throw new IOException("frame of " + length + " bytes");
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        int rsv = (first >>> 4) & 0x7;
        if ((rsv & 4) != 0) { // permessage-deflate, with the server's context kept from message to message
            payload = inflate(payload);
        }
        return new Frame((first & 0x80) != 0, rsv, first & 0xF, payload);
    }

    private byte[] inflate(byte[] compressed) throws IOException {
        inflater.setInput(ByteBuffer.allocate(compressed.length + 4)
                .put(compressed)
                .put(new byte[] {0, 0, -1, -1})
                .array());
        ByteArrayOutputStream inflated = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int length = inflater.inflate(buffer); length > 0; length = inflater.inflate(buffer)) {
                inflated.write(buffer, 0, length);
            }
        } catch (DataFormatException e) {
            throw new IOException("the server sent a frame that does not inflate", e);
        }
        return inflated.toByteArray();
    }

    /** The next JSON text message matching, skipping (and keeping) others; fails on a close. */
    JsonNode await(Predicate<JsonNode> matching) throws IOException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Frame frame = next();
            if (frame == null || frame.opcode() == CLOSE) {
                throw new AssertionError("closed while waiting"
                        + (frame == null ? "" : " (" + frame.closeCode() + " " + frame.closeReason() + ")")
                        + "; received " + received);
            }
            if (frame.opcode() == TEXT) {
                JsonNode json = json(frame.text());
                received.add(json);
                if (matching.test(json)) {
                    return json;
                }
            }
        }
        throw new AssertionError("no matching frame within " + WAIT + "; received " + received);
    }

    JsonNode awaitType(String type) throws IOException {
        return await(f -> f.path("type").asString().equals(type));
    }

    /** The next control frame of this opcode, skipping text frames. */
    Frame awaitControl(int opcode) throws IOException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Frame frame = next();
            if (frame == null) {
                throw new AssertionError("closed while waiting for opcode " + opcode);
            }
            if (frame.opcode() == opcode) {
                return frame;
            }
            if (frame.opcode() == CLOSE) {
                throw new AssertionError("closed while waiting for opcode " + opcode + ": " + frame.closeCode());
            }
            if (frame.opcode() == TEXT) {
                received.add(json(frame.text()));
            }
        }
        throw new AssertionError("no frame of opcode " + opcode + " within " + WAIT);
    }

    /**
     * Reads until the server's close frame and returns it (answering it, as the RFC asks, unless this
     * client closed first); {@code null}
     * when the TCP connection ended without one.
     */
    Frame awaitClose() throws IOException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Frame frame;
            try {
                frame = next();
            } catch (IOException e) { // reset by the server
                return null;
            }
            if (frame == null) {
                return null;
            }
            if (frame.opcode() == CLOSE && closeSent) {
                return frame;
            }
            if (frame.opcode() == CLOSE) {
                try {
                    send(
                            CLOSE,
                            frame.payload().length >= 2
                                    ? new byte[] {frame.payload()[0], frame.payload()[1]}
                                    : new byte[0]);
                } catch (IOException e) {
                    // the server may already have closed the TCP connection
                }
                return frame;
            }
            if (frame.opcode() == TEXT) {
                received.add(json(frame.text()));
            }
        }
        throw new AssertionError("not closed within " + WAIT);
    }

    /** True when the server has closed the TCP connection: reading finds its end (or a reset). */
    boolean endsWithin(Duration wait) throws IOException {
        socket.setSoTimeout((int) wait.toMillis());
        try {
            while (true) {
                Frame frame = next();
                if (frame == null) {
                    return true;
                }
            }
        } catch (AssertionError | SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        } finally {
            socket.setSoTimeout((int) WAIT.toMillis());
        }
    }

    /** The JSON messages read so far. */
    List<JsonNode> received() {
        return received;
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JacksonException e) {
            throw new AssertionError("the server sent a text frame that is not JSON", e);
        }
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        socket.close();
    }
}
