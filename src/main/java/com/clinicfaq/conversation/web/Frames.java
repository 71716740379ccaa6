package com.clinicfaq.conversation.web;

import com.clinicfaq.conversation.BotMessage;
import com.clinicfaq.conversation.TranscriptMessage;
import com.clinicfaq.handoff.HandoffSubmission;
import com.clinicfaq.search.Answer;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The server's frames of protocol version 1 (docs/protocol.md). */
final class Frames {

    static final int VERSION = 1;

    private Frames() {}

    record Limits(int maxMessageChars, long resumeWindowSeconds) {}

    record Welcome(int v, String type, String conversationId, boolean resumed, Limits limits, List<Object> history) {
        Welcome(String conversationId, boolean resumed, Limits limits, List<Object> history) {
            this(VERSION, "welcome", conversationId, resumed, limits, history);
        }
    }

    record Ack(int v, String type, String id, int seq) {
        Ack(String id, int seq) {
            this(VERSION, "ack", id, seq);
        }
    }

    record Visitor(int v, String type, int seq, String text, Instant sentAt) {
        Visitor(int seq, String text, Instant sentAt) {
            this(VERSION, "visitor", seq, text, sentAt);
        }
    }

    record Source(String articleId, String articleTitle, String sectionTitle, String url) {
        static Source of(Answer.Source source) {
            return source == null
                    ? null
                    : new Source(
                            source.articleId(), source.articleTitle(), source.sectionTitle(), "/#" + source.anchor());
        }
    }

    record Field(String name, String label, boolean required, Integer maxLength) {}

    record Form(List<Field> fields, List<String> atLeastOneOf) {
        static final Form HANDOFF = new Form(
                List.of(
                        new Field("name", "Your name", true, HandoffSubmission.NAME_MAX),
                        new Field("phone", "Phone", false, HandoffSubmission.PHONE_MAX),
                        new Field("email", "Email", false, HandoffSubmission.EMAIL_MAX),
                        new Field(
                                "preferredTime",
                                "When is a good time to reach you?",
                                false,
                                HandoffSubmission.PREFERRED_TIME_MAX),
                        new Field("reason", "What would you like to talk about?", false, HandoffSubmission.REASON_MAX),
                        new Field(
                                "consentContact",
                                "I agree that the practice may contact me about this request.",
                                true,
                                null),
                        new Field(
                                "consentShare", "I agree that practice staff may read this conversation.", true, null)),
                List.of("phone", "email"));
        /** The same form in Spanish, with a contact form said in Spanish (issue #16). */
        static final Form HANDOFF_ES = new Form(
                List.of(
                        new Field("name", "Su nombre", true, HandoffSubmission.NAME_MAX),
                        new Field("phone", "Teléfono", false, HandoffSubmission.PHONE_MAX),
                        new Field("email", "Correo electrónico", false, HandoffSubmission.EMAIL_MAX),
                        new Field(
                                "preferredTime",
                                "¿A qué hora le podemos llamar?",
                                false,
                                HandoffSubmission.PREFERRED_TIME_MAX),
                        new Field("reason", "¿De qué le gustaría hablar?", false, HandoffSubmission.REASON_MAX),
                        new Field(
                                "consentContact",
                                "Acepto que la práctica se comunique conmigo sobre esta solicitud.",
                                true,
                                null),
                        new Field(
                                "consentShare",
                                "Acepto que el personal de la práctica lea esta conversación.",
                                true,
                                null)),
                List.of("phone", "email"));
    }

    record Bot(
            int v,
            String type,
            int seq,
            String kind,
            String text,
            Source source,
            Double confidence,
            List<BotMessage.Action> actions,
            List<String> suggestions,
            @JsonInclude(JsonInclude.Include.NON_NULL) Form form,
            boolean emergency,
            String disclaimer,
            String lang,
            Instant sentAt) {

        /** The only way a bot frame is made: from a stored bot message, disclaimer and all. */
        static Bot of(TranscriptMessage message) {
            BotMessage bot = message.bot();
            return new Bot(
                    VERSION,
                    "bot",
                    message.seq(),
                    bot.kind().wire(),
                    bot.text(),
                    Source.of(bot.source()),
                    bot.confidence(),
                    bot.actions(),
                    bot.suggestions(),
                    bot.kind() != BotMessage.Kind.HANDOFF_FORM
                            ? null
                            : "es".equals(bot.language()) ? Form.HANDOFF_ES : Form.HANDOFF,
                    bot.emergency(),
                    bot.disclaimer(),
                    bot.language(),
                    message.sentAt());
        }
    }

    static Object of(TranscriptMessage message) {
        return message.fromVisitor()
                ? new Visitor(message.seq(), message.visitorText(), message.sentAt())
                : Bot.of(message);
    }

    record HandoffInvalid(int v, String type, Map<String, String> errors) {
        HandoffInvalid(Map<String, String> errors) {
            this(VERSION, "handoff.invalid", errors);
        }
    }

    record Error(
            int v,
            String type,
            String code,
            String message,
            String ref,
            @JsonInclude(JsonInclude.Include.NON_NULL) Long retryAfterSeconds) {

        Error(String code, String message, String ref) {
            this(VERSION, "error", code, message, ref, null);
        }

        Error retryAfter(long seconds) {
            return new Error(v, type, code, message, ref, seconds);
        }
    }

    record Pong(int v, String type) {
        static final Pong INSTANCE = new Pong(VERSION, "pong");
    }
}
