package com.clinicfaq.conversation.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a client's text frame: a JSON object of protocol version 1 whose {@code type} is a string, bound to its
 * {@link Inbound} record by Jackson, holding what its type needs. Anything else is refused with the error frame
 * docs/protocol.md names for it. The envelope is read as a tree first, so that the last of repeated keys counts for
 * {@code type} as for every other field.
 */
final class InboundFrames {

    private static final Logger log = LoggerFactory.getLogger(InboundFrames.class);

    private final JsonMapper json;
    private final int maxMessageChars;

    InboundFrames(JsonMapper json, int maxMessageChars) {
        this.json = json;
        this.maxMessageChars = maxMessageChars;
    }

    /** A frame read: one to handle, or the error frame that answers it. */
    sealed interface Read {}

    record Accepted(Inbound frame) implements Read {}

    record Refused(Frames.Error error) implements Read {}

    Read read(String text) {
        JsonNode tree;
        try {
            tree = json.readTree(text);
        } catch (JacksonException e) {
            tree = null;
        }
        if (tree == null || !tree.isObject()) {
            return refused("invalid_json", "Each message must be a JSON object.", null);
        }
        if (!tree.path("v").isInt() || tree.path("v").intValue() != Frames.VERSION) {
            return refused("unsupported_version", "This server speaks protocol version 1 (\"v\":1).", null);
        }
        if (!tree.path("type").isString()) {
            return unknownType();
        }
        Inbound frame;
        try {
            frame = json.treeToValue(tree, Inbound.class);
        } catch (JacksonException e) {
            // not expected: every field of the records reads anything as a value or as absent
            log.warn("A frame could not be bound ({})", e.getClass().getSimpleName());
            return unknownType();
        }
        return switch (frame) {
            case Inbound.Unknown unknown -> unknownType();
            case Inbound.Message message
            when message.ref() == null || message.text().isEmpty() ->
                refused(
                        "invalid_message",
                        "A message needs an \"id\" of at most " + Inbound.MAX_ID_CHARS
                                + " characters and a non-empty \"text\".",
                        message.ref());
            case Inbound.Message message
            when message.text().length() > maxMessageChars -> new Refused(tooLong(message.ref()));
            case Inbound.Feedback feedback
            when !feedback.isValid() ->
                refused(
                        "invalid_feedback",
                        "Feedback needs the answer's \"seq\" and \"helpful\": true or false.",
                        null);
            default -> new Accepted(frame);
        };
    }

    /** The answer to a message over the length limit, or to a frame too long to be read at all ({@code ref} null). */
    Frames.Error tooLong(String ref) {
        return new Frames.Error("message_too_long", "Messages can be at most " + maxMessageChars + " characters.", ref);
    }

    private static Refused unknownType() {
        return refused("unknown_type", "Unknown message type.", null);
    }

    private static Refused refused(String code, String message, String ref) {
        return new Refused(new Frames.Error(code, message, ref));
    }
}
