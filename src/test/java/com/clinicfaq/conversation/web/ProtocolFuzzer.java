package com.clinicfaq.conversation.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random frames for the chat protocol, from a seed: almost-right and wrong JSON, odd field types,
 * text full of emoji, right-to-left script, control characters and lone surrogates (as JSON escapes,
 * the only way they reach the server), frames cut short or mangled, oversized and binary frames,
 * some split into fragments with pings between them. The same seed gives the same frames.
 */
final class ProtocolFuzzer {

    /** Put in visitor text and contact details, so that a test can check it never reaches the log. */
    static final String CANARY = "qx7canary";

    private static final String[] WORDS = {
        "kyphoplasty",
        "how long",
        "does it hurt",
        "recovery",
        "fracture",
        "cost",
        "can i talk to a person",
        "yes",
        "no",
        "cancel",
        "i cant feel my legs",
        "what is",
        "?",
        "!",
        " ",
        "\n",
        "\t",
        CANARY
    };
    private static final String[] ODD = {
        "😀",
        "🙏🏽",
        "👨‍👩‍👧",
        "🇺🇸",
        "שלום",
        "مرحبا",
        "\u200F",
        "\u200E",
        "\u202E",
        "\u202C",
        "\u200B",
        "\uFEFF",
        "e\u0301",
        "\u0000",
        "\u0007",
        "\u001B[31m",
        "\u007F",
        "\u0085",
        "\u009B",
        "\r\n",
        "\uFFFD",
        "\uFFFF",
        "\uD800",
        "\uDFFF",
        "\uDC00\uD800",
        "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
        "\"",
        "\\",
        "/",
        "<script>",
        "{",
        "}",
        "[",
        "]",
        ":",
        ","
    };
    private static final String[] TYPES = {
        "message",
        "message",
        "message",
        "ping",
        "handoff.accept",
        "handoff.decline",
        "handoff.cancel",
        "handoff.submit",
        "",
        "MESSAGE",
        "shout",
        "ping ",
        "handoff.",
        "welcome",
        "error"
    };
    private static final String[] STRUCTURES = {
        "",
        " ",
        "null",
        "true",
        "0",
        "[]",
        "{}",
        "{\"v\":1}",
        "\"v\"",
        "[{\"v\":1,\"type\":\"ping\"}]",
        "{\"v\":1,\"type\":\"ping\"",
        "{\"v\":1,\"type\":\"ping\"}}",
        "{\"v\":1,\"type\":\"ping\",}",
        "{'v':1,'type':'ping'}",
        "{\"v\":1,\"type\":\"ping\",\"v\":2}",
        "{\"v\":1e999,\"type\":\"ping\"}",
        "{\"v\":1,\"type\":\"ping\"}\u0000"
    };

    private final Random random;
    private int ids;

    ProtocolFuzzer(long seed) {
        this.random = new Random(seed);
    }

    /** A frame to send: its opcode, its payload, and how it is split (with a ping between pieces or not). */
    record Sending(int opcode, byte[] payload, List<byte[]> fragments, boolean pingBetween, String what) {}

    Sending next() {
        int dice = random.nextInt(100);
        if (dice < 5) {
            byte[] bytes = new byte[random.nextInt(2000)];
            random.nextBytes(bytes);
            return split(RawWebSocket.BINARY, bytes, "binary");
        }
        String what;
        String text;
        if (dice < 35) {
            what = "message";
            text = message();
        } else if (dice < 45) {
            what = "handoff";
            text = handoff();
        } else if (dice < 55) {
            what = "version or type";
            text = "{\"v\":" + pick("1", "\"1\"", "1.0", "2", "-1", "null", "true", "[1]", "1e999") + ",\"type\":"
                    + pick("\"" + pick(TYPES) + "\"", "7", "null", "{}") + "}";
        } else if (dice < 70) {
            what = "cut short";
            String whole = random.nextBoolean() ? message() : "{\"v\":1,\"type\":\"ping\"}";
            text = whole.substring(0, random.nextInt(whole.length()));
        } else if (dice < 80) {
            what = "mangled";
            text = mangle(random.nextBoolean() ? message() : handoff());
        } else if (dice < 85) {
            what = "garbage";
            text = words(random.nextInt(40));
        } else if (dice < 92) {
            what = "structure";
            text = structure();
        } else if (dice < 96) {
            what = "oversized";
            text = "{\"v\":1,\"type\":\"message\",\"id\":\"big\",\"text\":\""
                    + "y".repeat(16 * 1024 + random.nextInt(24 * 1024)) + "\"}";
        } else {
            what = "ping";
            text = "{\"v\":1,\"type\":\"ping\"}";
        }
        return split(RawWebSocket.TEXT, text.getBytes(StandardCharsets.UTF_8), what);
    }

    private Sending split(int opcode, byte[] payload, String what) {
        if (payload.length < 2 || random.nextInt(10) < 7) {
            return new Sending(opcode, payload, List.of(payload), false, what);
        }
        int pieces = 2 + random.nextInt(Math.min(5, payload.length - 1));
        List<Integer> cuts = new ArrayList<>();
        while (cuts.size() < pieces - 1) {
            int cut = 1 + random.nextInt(payload.length - 1);
            if (!cuts.contains(cut)) {
                cuts.add(cut);
            }
        }
        cuts.sort(null);
        List<byte[]> fragments = new ArrayList<>();
        int from = 0;
        for (int cut : cuts) {
            fragments.add(java.util.Arrays.copyOfRange(payload, from, cut)); // may cut a character in two: still valid
            from = cut;
        }
        fragments.add(java.util.Arrays.copyOfRange(payload, from, payload.length));
        return new Sending(opcode, payload, fragments, random.nextInt(3) == 0, what + " in " + pieces + " fragments");
    }

    private String message() {
        List<String> fields = new ArrayList<>(List.of("\"v\":1", "\"type\":\"message\""));
        int idDice = random.nextInt(10);
        if (idDice < 7) {
            fields.add("\"id\":\"z-" + ++ids + "\"");
        } else if (idDice == 7) {
            fields.add("\"id\":" + json(words(random.nextInt(6))));
        } else if (idDice == 8) {
            fields.add("\"id\":" + pick("12", "null", "\"\"", "\"" + "i".repeat(65) + "\"", "[]"));
        }
        if (random.nextInt(10) > 0) {
            fields.add("\"text\":"
                    + (random.nextInt(8) > 0 ? json(words(1 + random.nextInt(12))) : pick("null", "42", "{}", "\"\"")));
        }
        if (random.nextInt(5) == 0) {
            fields.add("\"extra\":" + json(words(3)));
        }
        java.util.Collections.shuffle(fields, random);
        return "{" + String.join(",", fields) + "}";
    }

    private String handoff() {
        String type = pick("handoff.accept", "handoff.decline", "handoff.cancel", "handoff.submit");
        StringBuilder frame = new StringBuilder("{\"v\":1,\"type\":\"" + type + "\"");
        for (String field : List.of("name", "phone", "email", "preferredTime", "reason")) {
            if (random.nextBoolean()) {
                frame.append(",\"")
                        .append(field)
                        .append("\":")
                        .append(
                                random.nextInt(6) > 0
                                        ? json(words(1 + random.nextInt(5)))
                                        : pick("1", "null", "[]", "true"));
            }
        }
        frame.append(",\"consentContact\":").append(pick("true", "false", "\"yes\"", "1"));
        frame.append(",\"consentShare\":").append(pick("true", "false", "null"));
        return frame.append('}').toString();
    }

    private String structure() {
        return switch (random.nextInt(5)) {
            case 0 -> "[".repeat(1 + random.nextInt(5000));
            case 1 -> "{\"a\":".repeat(1 + random.nextInt(2000));
            case 2 -> "9".repeat(1 + random.nextInt(5000));
            case 3 -> "\"" + words(20);
            default -> pick(STRUCTURES);
        };
    }

    private String mangle(String frame) {
        StringBuilder mangled = new StringBuilder(frame);
        for (int edits = 1 + random.nextInt(5); edits > 0 && !mangled.isEmpty(); edits--) {
            int at = random.nextInt(mangled.length());
            switch (random.nextInt(3)) {
                case 0 -> mangled.deleteCharAt(at);
                case 1 -> mangled.insert(at, pick(ODD));
                default -> mangled.setCharAt(at, pick(ODD).charAt(0));
            }
        }
        return mangled.toString();
    }

    private String words(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(random.nextInt(3) == 0 ? pick(ODD) : pick(WORDS));
            if (random.nextInt(40) == 0) {
                text.append("w".repeat(random.nextInt(2500)));
            }
        }
        return text.toString();
    }

    /**
     * A JSON string of {@code text}, with some characters written as {@code \\uXXXX} escapes at
     * random; control characters and surrogates without their pair always are.
     */
    private String json(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c) && !paired || random.nextInt(10) == 0) {
                json.append(String.format("\\u%04x", (int) c));
            } else if (paired) {
                json.append(c).append(text.charAt(++i));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    private String pick(String... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
