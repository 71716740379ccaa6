package com.clinicfaq.conversation.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicfaq.handoff.HandoffSubmission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Each client frame bound to its record, and each bad frame answered with the error docs/protocol.md names. */
class InboundFramesTests {

    // unknown fields are ignored even by a mapper that would fail on them
    private final InboundFrames frames = new InboundFrames(
            JsonMapper.builder()
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .build(),
            2000);

    @Test
    void readsAMessage() {
        assertThat(
                        accepted(
                                "{\"v\":1,\"type\":\"message\",\"id\":\"c-3\",\"text\":\"  how long does it take?\\n\",\"extra\":[1]}"))
                .isEqualTo(new Inbound.Message("c-3", "how long does it take?"));
    }

    @Test
    void cleansAMessagesTextButRefusesAnIdThatCleaningWouldChange() {
        Inbound.Message message =
                (Inbound.Message) accepted("{\"v\":1,\"type\":\"message\",\"id\":\"a\",\"text\":\"x\\u0000y\\ud800\"}");
        assertThat(message.text()).isEqualTo("xy\uFFFD");

        assertThat(refused("{\"v\":1,\"type\":\"message\",\"id\":\"a\\u0007\",\"text\":\"hi\"}"))
                .isEqualTo(new Frames.Error(
                        "invalid_message",
                        "A message needs an \"id\" of at most 64 characters and a non-empty \"text\".",
                        null));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"v\":1,\"type\":\"message\",\"text\":\"hi\"}",
                "{\"v\":1,\"type\":\"message\",\"id\":12,\"text\":\"hi\"}",
                "{\"v\":1,\"type\":\"message\",\"id\":null,\"text\":\"hi\"}",
                "{\"v\":1,\"type\":\"message\",\"id\":\"\",\"text\":\"hi\"}",
                "{\"v\":1,\"type\":\"message\",\"id\":[],\"text\":\"hi\"}",
                "{\"v\":1,\"type\":\"message\",\"id\":\"iiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiii\",\"text\":\"hi\"}"
            })
    void refusesAMessageWithoutAUsableIdWithoutARef(String frame) {
        assertThat(refused(frame).code()).isEqualTo("invalid_message");
        assertThat(refused(frame).ref()).isNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"v\":1,\"type\":\"message\",\"id\":\"c-1\"}",
                "{\"v\":1,\"type\":\"message\",\"id\":\"c-1\",\"text\":42}",
                "{\"v\":1,\"type\":\"message\",\"id\":\"c-1\",\"text\":{}}",
                "{\"v\":1,\"type\":\"message\",\"id\":\"c-1\",\"text\":null}",
                "{\"v\":1,\"type\":\"message\",\"id\":\"c-1\",\"text\":\" \\n\\u0000 \"}"
            })
    void refusesAMessageWithoutTextWithItsRef(String frame) {
        assertThat(refused(frame).code()).isEqualTo("invalid_message");
        assertThat(refused(frame).ref()).isEqualTo("c-1");
    }

    @Test
    void takesAMessageOfTheLongestTextAndRefusesOneCharacterMore() {
        assertThat(accepted(message("x".repeat(2000)))).isInstanceOf(Inbound.Message.class);

        assertThat(refused(message("x".repeat(2001))))
                .isEqualTo(new Frames.Error("message_too_long", "Messages can be at most 2000 characters.", "c-1"));
        assertThat(frames.tooLong(null).ref()).isNull();
    }

    @Test
    void readsTheFramesWithoutFields() {
        assertThat(accepted("{\"v\":1,\"type\":\"ping\"}")).isEqualTo(new Inbound.Ping());
        assertThat(accepted("{\"type\":\"handoff.accept\",\"v\":1,\"name\":\"ignored\"}"))
                .isEqualTo(new Inbound.HandoffAccept());
        assertThat(accepted("{\"v\":1,\"type\":\"handoff.decline\"}")).isEqualTo(new Inbound.HandoffDecline());
        assertThat(accepted("{\"v\":1,\"type\":\"handoff.cancel\"}")).isEqualTo(new Inbound.HandoffCancel());
    }

    @Test
    void readsTheContactForm() {
        Inbound.HandoffSubmit submit =
                (Inbound.HandoffSubmit) accepted("{\"v\":1,\"type\":\"handoff.submit\",\"name\":\"Ann\\u001B Lee\","
                        + "\"phone\":\"707 555 0100\",\"email\":\"\",\"preferredTime\":\"mornings\",\"reason\":\"my fracture\","
                        + "\"consentContact\":true,\"consentShare\":true}");

        assertThat(submit.submission())
                .isEqualTo(new HandoffSubmission("Ann Lee", "707 555 0100", "", "mornings", "my fracture", true, true));
    }

    @Test
    void readsFieldsOfTheWrongTypeInTheContactFormAsAbsent() {
        Inbound.HandoffSubmit submit = (Inbound.HandoffSubmit)
                accepted("{\"v\":1,\"type\":\"handoff.submit\",\"name\":1,\"phone\":[],\"email\":true,\"reason\":null,"
                        + "\"consentContact\":\"yes\",\"consentShare\":1}");

        assertThat(submit.submission()).isEqualTo(new HandoffSubmission(null, null, null, null, null, false, false));
    }

    @Test
    void readsFeedback() {
        assertThat(accepted("{\"v\":1,\"type\":\"feedback\",\"seq\":4,\"helpful\":false}"))
                .isEqualTo(new Inbound.Feedback(4, false));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"v\":1,\"type\":\"feedback\",\"helpful\":true}",
                "{\"v\":1,\"type\":\"feedback\",\"seq\":4}",
                "{\"v\":1,\"type\":\"feedback\",\"seq\":0,\"helpful\":true}",
                "{\"v\":1,\"type\":\"feedback\",\"seq\":-3,\"helpful\":true}",
                "{\"v\":1,\"type\":\"feedback\",\"seq\":\"4\",\"helpful\":true}",
                "{\"v\":1,\"type\":\"feedback\",\"seq\":4.0,\"helpful\":true}",
                "{\"v\":1,\"type\":\"feedback\",\"seq\":4294967297,\"helpful\":true}",
                "{\"v\":1,\"type\":\"feedback\",\"seq\":4,\"helpful\":\"true\"}",
                "{\"v\":1,\"type\":\"feedback\",\"seq\":4,\"helpful\":1}",
                "{\"v\":1,\"type\":\"feedback\",\"seq\":4,\"helpful\":null}"
            })
    void refusesFeedbackWithoutAPositiveIntSeqOrABooleanHelpful(String frame) {
        assertThat(refused(frame))
                .isEqualTo(new Frames.Error(
                        "invalid_feedback",
                        "Feedback needs the answer's \"seq\" and \"helpful\": true or false.",
                        null));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "null",
                "true",
                "0",
                "[]",
                "\"v\"",
                "[{\"v\":1,\"type\":\"ping\"}]",
                "{\"v\":1,\"type\":\"ping\"",
                "{\"v\":1,\"type\":\"ping\",}",
                "{'v':1,'type':'ping'}",
                "{\"v\":1,\"type\":\"ping\"}}",
                "[[[[[[",
                "{\"a\":{\"a\":"
            })
    void refusesWhatIsNoJsonObject(String frame) {
        assertThat(refused(frame))
                .isEqualTo(new Frames.Error("invalid_json", "Each message must be a JSON object.", null));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{}",
                "{\"type\":\"ping\"}",
                "{\"v\":\"1\",\"type\":\"ping\"}",
                "{\"v\":1.0,\"type\":\"ping\"}",
                "{\"v\":2,\"type\":\"ping\"}",
                "{\"v\":null,\"type\":\"ping\"}",
                "{\"v\":[1],\"type\":\"ping\"}",
                "{\"v\":1e999,\"type\":\"ping\"}",
                "{\"v\":1,\"type\":\"ping\",\"v\":2}"
            })
    void refusesAnotherVersion(String frame) {
        assertThat(refused(frame).code()).isEqualTo("unsupported_version");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"v\":1}",
                "{\"v\":1,\"type\":\"\"}",
                "{\"v\":1,\"type\":\"shout\"}",
                "{\"v\":1,\"type\":\"MESSAGE\"}",
                "{\"v\":1,\"type\":\"ping \"}",
                "{\"v\":1,\"type\":\"Ping\"}",
                "{\"v\":1,\"type\":\"handoff.\"}",
                "{\"v\":1,\"type\":\"welcome\"}",
                "{\"v\":1,\"type\":\"error\"}",
                "{\"v\":1,\"type\":7}",
                "{\"v\":1,\"type\":null}",
                "{\"v\":1,\"type\":{}}",
                "{\"v\":1,\"type\":[\"ping\"]}",
                "{\"v\":1,\"Type\":\"ping\"}",
                "{\"v\":1,\"type\":\"ping\",\"type\":\"shout\"}"
            })
    void refusesAnUnknownType(String frame) {
        assertThat(refused(frame)).isEqualTo(new Frames.Error("unknown_type", "Unknown message type.", null));
    }

    @Test
    void takesTheLastOfRepeatedKeys() {
        assertThat(accepted("{\"v\":1,\"type\":\"shout\",\"type\":\"ping\"}")).isEqualTo(new Inbound.Ping());
        assertThat(accepted("{\"v\":1,\"type\":\"message\",\"id\":\"a\",\"text\":\"one\",\"text\":\"two\"}"))
                .isEqualTo(new Inbound.Message("a", "two"));
    }

    private static String message(String text) {
        return "{\"v\":1,\"type\":\"message\",\"id\":\"c-1\",\"text\":\"" + text + "\"}";
    }

    private Inbound accepted(String frame) {
        InboundFrames.Read read = frames.read(frame);
        assertThat(read).as(frame).isInstanceOf(InboundFrames.Accepted.class);
        return ((InboundFrames.Accepted) read).frame();
    }

    private Frames.Error refused(String frame) {
        InboundFrames.Read read = frames.read(frame);
        assertThat(read).as(frame).isInstanceOf(InboundFrames.Refused.class);
        return ((InboundFrames.Refused) read).error();
    }
}
