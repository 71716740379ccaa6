package com.clinicfaq.conversation.web;

import com.clinicfaq.handoff.HandoffSubmission;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The client's frames of protocol version 1 (docs/protocol.md), one record per {@code type}, bound by Jackson on
 * that field; a type the protocol does not have is {@link Unknown}. Fields the frame does not name are ignored. A
 * field of the wrong JSON type reads as absent ({@link Uncoerced}), never converted: {@code "seq":"4"} is no
 * sequence number. Strings a visitor wrote are cleaned ({@link PlainText}) as they are bound; whether a frame holds
 * what its type needs is {@link InboundFrames}' to say.
 */
@JsonTypeInfo(
        use = JsonTypeInfo.Id.NAME,
        include = JsonTypeInfo.As.PROPERTY,
        property = "type",
        defaultImpl = Inbound.Unknown.class)
@JsonSubTypes({
    @JsonSubTypes.Type(value = Inbound.Message.class, name = "message"),
    @JsonSubTypes.Type(value = Inbound.HandoffAccept.class, name = "handoff.accept"),
    @JsonSubTypes.Type(value = Inbound.HandoffDecline.class, name = "handoff.decline"),
    @JsonSubTypes.Type(value = Inbound.HandoffSubmit.class, name = "handoff.submit"),
    @JsonSubTypes.Type(value = Inbound.HandoffCancel.class, name = "handoff.cancel"),
    @JsonSubTypes.Type(value = Inbound.Feedback.class, name = "feedback"),
    @JsonSubTypes.Type(value = Inbound.Ping.class, name = "ping")
})
@JsonIgnoreProperties(ignoreUnknown = true)
sealed interface Inbound {

    /** The longest client id of a message: it is echoed in the ack. */
    int MAX_ID_CHARS = 64;

    /**
     * The visitor says something: {@code id} as sent ({@code null} when not a string), {@code text} cleaned and
     * stripped (empty when not a string).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Message(
            @JsonDeserialize(using = Uncoerced.Text.class) String id,
            @JsonDeserialize(using = Uncoerced.Text.class) String text)
            implements Inbound {

        public Message {
            text = text == null ? "" : PlainText.clean(text).strip();
        }

        /**
         * The id to echo, or {@code null} when it is unusable: missing, empty, too long, or holding what cleaning
         * would change (an id is echoed for the client to match, so it is refused rather than cleaned).
         */
        String ref() {
            return id == null || id.isEmpty() || id.length() > MAX_ID_CHARS || !PlainText.isClean(id) ? null : id;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record HandoffAccept() implements Inbound {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record HandoffDecline() implements Inbound {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record HandoffCancel() implements Inbound {}

    /** The contact form: each string cleaned, {@code null} when absent or not a string; a consent is given only by {@code true}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record HandoffSubmit(
            @JsonDeserialize(using = Uncoerced.Text.class) String name,
            @JsonDeserialize(using = Uncoerced.Text.class) String phone,
            @JsonDeserialize(using = Uncoerced.Text.class) String email,
            @JsonDeserialize(using = Uncoerced.Text.class) String preferredTime,
            @JsonDeserialize(using = Uncoerced.Text.class) String reason,
            @JsonDeserialize(using = Uncoerced.Bool.class) Boolean consentContact,
            @JsonDeserialize(using = Uncoerced.Bool.class) Boolean consentShare)
            implements Inbound {

        public HandoffSubmit {
            name = cleaned(name);
            phone = cleaned(phone);
            email = cleaned(email);
            preferredTime = cleaned(preferredTime);
            reason = cleaned(reason);
        }

        HandoffSubmission submission() {
            return new HandoffSubmission(
                    name,
                    phone,
                    email,
                    preferredTime,
                    reason,
                    Boolean.TRUE.equals(consentContact),
                    Boolean.TRUE.equals(consentShare));
        }

        private static String cleaned(String field) {
            return field == null ? null : PlainText.clean(field);
        }
    }

    /** "Did this answer your question?": {@code null} where the frame holds no int {@code seq} or no boolean {@code helpful}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Feedback(
            @JsonDeserialize(using = Uncoerced.Int.class) Integer seq,
            @JsonDeserialize(using = Uncoerced.Bool.class) Boolean helpful)
            implements Inbound {

        boolean isValid() {
            return seq != null && seq > 0 && helpful != null;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Ping() implements Inbound {}

    /** A {@code type} the protocol does not have. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Unknown() implements Inbound {}
}
