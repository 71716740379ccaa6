package com.clinicfaq.conversation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clinicfaq.ApplicationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The chat end to end: a real WebSocket client against the app on a random port, with its database. */
@ApplicationTest.Unthrottled
@ExtendWith(OutputCaptureExtension.class)
class ChatIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void greetsANewConversationWithTheDisclaimerAndSuggestedQuestions() throws Exception {
        try (ChatClient chat = ChatClient.connect(port)) {
            JsonNode welcome = chat.awaitType("welcome");
            JsonNode greeting = chat.awaitBot("greeting");

            assertThat(welcome.path("v").intValue()).isEqualTo(1);
            assertThat(welcome.path("resumed").booleanValue()).isFalse();
            assertThat(welcome.path("limits").path("maxMessageChars").intValue())
                    .isEqualTo(2000);
            assertThat(greeting.path("disclaimer").asString()).isNotBlank();
            assertThat(greeting.path("suggestions")).isNotEmpty();
        }
    }

    @Test
    void answersFromTheKnowledgeBaseWithTheSourceAfterAcknowledging() throws Exception {
        try (ChatClient chat = ChatClient.connect(port)) {
            String id = chat.say("How long does kyphoplasty take?");

            JsonNode ack = chat.awaitType("ack");
            JsonNode answer = chat.awaitBot("answer");

            assertThat(ack.path("id").asString()).isEqualTo(id);
            assertThat(answer.path("seq").intValue())
                    .isGreaterThan(ack.path("seq").intValue());
            assertThat(answer.path("text").asString()).contains("45 to 60 minutes");
            assertThat(answer.path("source").path("url").asString())
                    .isEqualTo("/#what-is-kyphoplasty-and-how-does-it-work-in-napa");
            assertThat(answer.path("source").path("articleTitle").asString())
                    .isEqualTo("How Kyphoplasty Helps Stabilize Compression Fractures");
            assertThat(answer.path("disclaimer").asString()).isNotBlank();
        }
    }

    @Test
    void givesUrgentGuidanceFirstForARedFlagThenOffersAHandoff() throws Exception {
        try (ChatClient chat = ChatClient.connect(port)) {
            String conversation =
                    chat.awaitType("welcome").path("conversationId").asString();
            chat.say("i cant feel my legs since this morning");

            JsonNode first = chat.await(f ->
                    f.path("type").asString().equals("bot") && f.path("seq").intValue() > 2);
            JsonNode offer = chat.awaitBot("handoff.offer");

            assertThat(first.path("kind").asString()).isEqualTo("emergency");
            assertThat(first.path("emergency").booleanValue()).isTrue();
            assertThat(first.path("text").asString()).contains("911");
            assertThat(offer.path("actions"))
                    .extracting(a -> a.path("type").asString())
                    .contains("handoff.accept");
            assertThat(jdbc.sql("select emergency from conversation where id = ?")
                            .param(java.util.UUID.fromString(conversation))
                            .query(Boolean.class)
                            .single())
                    .isTrue();
        }
    }

    @Test
    void readsEverySentenceOfALongRamblingMessageAndStillFindsTheEmergencyAtItsEnd() throws Exception {
        // more sentences than the policy keeps vectors for within one decision: a message of 30 once failed there
        StringBuilder message = new StringBuilder();
        for (int i = 1; i <= 30; i++) {
            message.append("Day ").append(i).append(" after the procedure was fine. ");
        }
        message.append("Now my left arm and leg went numb all of a sudden and I can't lift them.");
        try (ChatClient chat = ChatClient.connect(port)) {
            chat.awaitType("welcome");
            chat.say(message.toString());

            JsonNode first = chat.await(f -> f.path("type").asString().equals("bot")
                    && !f.path("kind").asString().equals("greeting"));

            assertThat(first.path("kind").asString()).isEqualTo("emergency");
            assertThat(first.path("text").asString()).contains("911");
        }
    }

    @Test
    void givesSpanishUrgentGuidanceFirstToASpanishRedFlagThenASpanishOffer() throws Exception {
        try (ChatClient chat = ChatClient.connect(port)) {
            chat.awaitType("welcome");
            chat.say("mi esposo se desmayo y no responde");

            JsonNode first = chat.await(f -> f.path("type").asString().equals("bot")
                    && !f.path("kind").asString().equals("greeting"));
            JsonNode offer = chat.awaitBot("handoff.offer");

            assertThat(first.path("kind").asString()).isEqualTo("emergency");
            assertThat(first.path("text").asString()).contains("Llame al 911");
            assertThat(first.path("disclaimer").asString()).contains("no es un consejo médico");
            assertThat(offer.path("text").asString()).contains("¿Quiere que alguien del personal");
        }
    }

    @Test
    void givesUrgentGuidanceFirstWhenARedFlagComesLaterWhileTheContactFormIsOpen() throws Exception {
        try (ChatClient chat = ChatClient.connect(port)) {
            chat.awaitType("welcome");
            chat.say("how long does kyphoplasty take?");
            chat.awaitBot("answer");
            chat.say("can someone call me back?");
            chat.awaitBot("handoff.form");
            chat.say("wait, my wife's face is drooping on one side and she can't talk right");

            JsonNode next = chat.await(f -> f.path("type").asString().equals("bot")
                    && f.path("seq").intValue() > 0
                    && !List.of("answer", "handoff.form", "greeting")
                            .contains(f.path("kind").asString()));

            assertThat(next.path("kind").asString()).isEqualTo("emergency");
            assertThat(next.path("text").asString()).contains("stroke").contains("911");
            // the form stays open: the visitor can still leave their details
            JsonNode confirmed = chat.submitHandoff("Ana Reyes", "707-555-0100");
            assertThat(confirmed.path("text").asString()).contains("received");
        }
    }

    @Test
    void aCalmQuestionWithAlarmingWordsGetsNoFalseAlarm() throws Exception {
        try (ChatClient chat = ChatClient.connect(port)) {
            chat.awaitType("welcome");
            chat.say("what are the warning signs of a stroke? my dad had one in 2019");

            JsonNode reply = chat.await(f -> f.path("type").asString().equals("bot")
                    && !f.path("kind").asString().equals("greeting"));

            assertThat(reply.path("kind").asString()).isNotEqualTo("emergency");
            assertThat(reply.path("emergency").booleanValue()).isFalse();
        }
    }

    @Test
    void offersAConsultationForAQuestionAboutTheVisitorsOwnCase() throws Exception {
        try (ChatClient chat = ChatClient.connect(port)) {
            chat.say("I'm on blood thinners, is it safe for me?");

            JsonNode clinician = chat.awaitBot("clinician");
            JsonNode offer = chat.awaitBot("handoff.offer");

            assertThat(clinician.path("disclaimer").asString()).isNotBlank();
            assertThat(offer.path("actions")).isNotEmpty();
            // the offer is asked once, not twice ("Would you like to request one? Would you like … to contact you?")
            assertThat((clinician.path("text").asString() + " "
                                    + offer.path("text").asString())
                            .split("\\?", -1))
                    .hasSize(2);

            // "No, thanks" to an offer: nothing was requested, so nothing is said to be cancelled
            chat.sendType("handoff.decline");
            JsonNode declined = chat.awaitBot("handoff.cancelled");
            assertThat(declined.path("text").asString()).contains("keep asking").doesNotContainIgnoringCase("cancel");
        }
    }

    @Test
    void opensTheContactFormWhenTheVisitorAsksForAPerson() throws Exception {
        try (ChatClient chat = ChatClient.connect(port)) {
            chat.say("can i talk to a person");

            JsonNode form = chat.awaitBot("handoff.form");

            assertThat(form.path("form").path("fields"))
                    .extracting(f -> f.path("name").asString())
                    .contains("name", "phone", "email", "preferredTime", "reason", "consentContact", "consentShare");
        }
    }

    @Test
    void saysItDoesNotKnowWhatTheArticlesDoNotSayAndOffersFollowUp() throws Exception {
        try (ChatClient chat = ChatClient.connect(port)) {
            chat.say("how much does kyphoplasty cost with my insurance");

            JsonNode unknown = chat.awaitBot("unknown");

            assertThat(unknown.path("text").asString()).doesNotContainPattern("\\$\\s?\\d");
            assertThat(unknown.path("actions"))
                    .extracting(a -> a.path("type").asString())
                    .contains("handoff.accept");
        }
    }

    @Test
    void understandsFollowUpsInTheContextOfTheConversation() throws Exception {
        try (ChatClient chat = ChatClient.connect(port)) {
            chat.say("what is kyphoplasty");
            chat.awaitBot("answer");

            chat.say("how long does it take?");
            assertThat(chat.awaitBot("answer").path("text").asString()).contains("45 to 60 minutes");

            // a short question of its own keeps its own answer: the recovery, not what kyphoplasty is
            chat.say("what is the recovery like");
            assertThat(chat.awaitBot("answer").path("text").asString())
                    .contains("two weeks")
                    .doesNotContain("balloon");

            chat.say("and the follow-up visit?");
            assertThat(chat.awaitBot("answer").path("text").asString()).contains("follow-up visit about two weeks");

            chat.say("what about people with tumors?");
            assertThat(chat.awaitBot("answer").path("text").asString()).contains("spinal tumors");
        }
    }

    @Test
    void takesAHandoffRequestThroughToTheDatabase() throws Exception {
        try (ChatClient chat = ChatClient.connect(port)) {
            String conversation =
                    chat.awaitType("welcome").path("conversationId").asString();
            chat.say("how much does it cost");
            chat.awaitBot("unknown");
            chat.sendType("handoff.accept");
            chat.awaitBot("handoff.form");

            chat.send("""
                    {"v":1,"type":"handoff.submit","name":"Ann Lee","phone":"","email":"not-an-email",
                     "preferredTime":"mornings","reason":"cost","consentContact":true,"consentShare":false}""");
            JsonNode invalid = chat.awaitType("handoff.invalid");
            assertThat(invalid.path("errors").propertyNames()).contains("email", "consentShare");
            assertThat(handoffs(conversation)).isEmpty();

            chat.send("""
                    {"v":1,"type":"handoff.submit","name":"Ann Lee","phone":"707 555 0100","email":"ann@example.com",
                     "preferredTime":"weekday mornings","reason":"question about cost","consentContact":true,"consentShare":true}""");
            JsonNode confirmed = chat.awaitBot("handoff.confirmed");

            assertThat(confirmed.path("disclaimer").asString()).isNotBlank();
            List<Map<String, Object>> stored = handoffs(conversation);
            assertThat(stored).hasSize(1);
            assertThat(stored.getFirst())
                    .containsEntry("name", "Ann Lee")
                    .containsEntry("email", "ann@example.com")
                    .containsEntry("consent_contact", true)
                    .containsEntry("consent_share", true)
                    .containsEntry("status", "NEW");
        }
    }

    @Test
    void letsTheVisitorCancelTheHandoffAtAnyStep() throws Exception {
        try (ChatClient chat = ChatClient.connect(port)) {
            String conversation =
                    chat.awaitType("welcome").path("conversationId").asString();
            chat.say("can i talk to a person");
            chat.awaitBot("handoff.form");

            chat.say("cancel");

            assertThat(chat.awaitBot("handoff.cancelled").path("text").asString())
                    .contains("Your request is cancelled");
            chat.sendType("handoff.submit");
            chat.awaitError("no_handoff");
            assertThat(handoffs(conversation)).isEmpty();
        }
    }

    @Test
    void resumesAConversationByItsIdWithItsHistory() throws Exception {
        String conversation;
        try (ChatClient chat = ChatClient.connect(port)) {
            conversation = chat.awaitType("welcome").path("conversationId").asString();
            chat.say("how long does kyphoplasty take");
            chat.awaitBot("answer");
        }

        try (ChatClient again = ChatClient.connect(port, conversation)) {
            JsonNode welcome = again.awaitType("welcome");

            assertThat(welcome.path("resumed").booleanValue()).isTrue();
            assertThat(welcome.path("conversationId").asString()).isEqualTo(conversation);
            assertThat(welcome.path("history"))
                    .extracting(
                            m -> m.path("type").asString() + ":" + m.path("seq").intValue())
                    .containsExactly("bot:1", "visitor:2", "bot:3");
            assertThat(welcome.path("history").get(2).path("disclaimer").asString())
                    .isNotBlank();
        }
    }

    @Test
    void startsAFreshConversationForAnUnknownId() throws Exception {
        try (ChatClient chat = ChatClient.connect(port, "00000000-0000-0000-0000-000000000000")) {
            JsonNode welcome = chat.awaitType("welcome");

            assertThat(welcome.path("resumed").booleanValue()).isFalse();
            assertThat(welcome.path("conversationId").asString()).isNotEqualTo("00000000-0000-0000-0000-000000000000");
        }
    }

    @Test
    void storesAndAnswersAResentMessageOnce() throws Exception {
        try (ChatClient chat = ChatClient.connect(port)) {
            String conversation =
                    chat.awaitType("welcome").path("conversationId").asString();
            String frame = "{\"v\":1,\"type\":\"message\",\"id\":\"queued-1\",\"text\":\"will i be asleep\"}";
            chat.send(frame);
            int seq = chat.awaitType("ack").path("seq").intValue();
            chat.awaitBot("answer");

            chat.send(frame);

            assertThat(chat.awaitType("ack").path("seq").intValue()).isEqualTo(seq);
            assertThat(jdbc.sql("select count(*) from message where conversation_id = ? and sender = 'VISITOR'")
                            .param(java.util.UUID.fromString(conversation))
                            .query(Integer.class)
                            .single())
                    .isEqualTo(1);
        }
    }

    @Test
    void answersBadFramesWithAnErrorAndStaysUsable() throws Exception {
        try (ChatClient chat = ChatClient.connect(port)) {
            chat.awaitType("welcome");

            chat.send("this is not json");
            chat.awaitError("invalid_json");
            chat.send("[1,2,3]");
            chat.awaitError("invalid_json");
            chat.send("{\"type\":\"message\",\"id\":\"a\",\"text\":\"hi\"}");
            chat.awaitError("unsupported_version");
            chat.send("{\"v\":1,\"type\":\"shout\"}");
            chat.awaitError("unknown_type");
            chat.send("{\"v\":1,\"type\":\"message\",\"id\":\"a\",\"text\":\"   \"}");
            chat.awaitError("invalid_message");
            chat.say("x".repeat(2001));
            chat.awaitError("message_too_long");
            chat.send("{\"v\":1,\"type\":\"message\",\"id\":\"big\",\"text\":\"" + "y".repeat(200_000) + "\"}");
            chat.awaitError("message_too_long");
            chat.sendBinary(new byte[] {1, 2, 3});
            chat.awaitError("binary_not_supported");

            chat.assertUsable();
            chat.say("what is kyphoplasty");
            chat.awaitBot("answer");
        }
    }

    @Test
    void refusesAPageFromAForeignOrigin() {
        assertThatThrownBy(() -> ChatClient.connectFrom(port, "https://evil.example"))
                .hasStackTraceContaining("403");
    }

    @Test
    void acceptsThePracticesOwnOrigin() throws Exception {
        try (ChatClient chat = ChatClient.connectFrom(port, "http://localhost:" + port)) {
            chat.awaitType("welcome");
        }
    }

    @Test
    void everyBotMessageOfEveryKindCarriesTheDisclaimerOnTheWireAndInTheTranscript() throws Exception {
        try (ChatClient chat = ChatClient.connect(port)) {
            String conversation =
                    chat.awaitType("welcome").path("conversationId").asString();
            for (String text : List.of(
                    "hi",
                    "what is kyphoplasty",
                    "how much does it cost",
                    "no",
                    "i cant feel my legs",
                    "yes",
                    "cancel",
                    "I'm on blood thinners, is it safe for me?")) {
                long stored = chat.awaitAck(chat.say(text)).path("seq").longValue();
                chat.await(f ->
                        f.path("type").asString().equals("bot") && f.path("seq").longValue() > stored); // its reply
            }
            chat.say("can i talk to a person");
            chat.awaitBot("handoff.form");
            chat.submitHandoff("Bo", "7075550100");

            List<JsonNode> bots = chat.received().stream()
                    .filter(f -> f.path("type").asString().equals("bot"))
                    .toList();
            assertThat(bots)
                    .extracting(f -> f.path("kind").asString())
                    .contains(
                            "greeting",
                            "smalltalk",
                            "answer",
                            "unknown",
                            "handoff.cancelled",
                            "emergency",
                            "handoff.offer",
                            "handoff.form",
                            "clinician",
                            "handoff.confirmed");
            assertThat(bots)
                    .allSatisfy(f -> assertThat(f.path("disclaimer").asString()).isNotBlank());
            assertThat(jdbc.sql(
                                    "select count(*) from message where conversation_id = ? and sender = 'BOT' and (disclaimer is null or disclaimer = '')")
                            .param(java.util.UUID.fromString(conversation))
                            .query(Integer.class)
                            .single())
                    .isZero();
        }
    }

    @Test
    void neverLogsMessageTextOrContactDetails(CapturedOutput output) throws Exception {
        try (ChatClient chat = ChatClient.connect(port)) {
            chat.say("my neighbour Zebediah has sciatica-xyzzy, can i talk to a person");
            chat.awaitBot("handoff.form");
            chat.send("""
                    {"v":1,"type":"handoff.submit","name":"Quentin Quokka","phone":"7075550199","email":"quentin@example.org",
                     "preferredTime":"noon","reason":"plugh-reason","consentContact":true,"consentShare":true}""");
            chat.awaitBot("handoff.confirmed");
        }

        assertThat(output.getAll())
                .contains("Handoff")
                .doesNotContain("Zebediah", "xyzzy", "Quentin", "7075550199", "quentin@example.org", "plugh");
    }

    private List<Map<String, Object>> handoffs(String conversation) {
        return jdbc.sql("select * from handoff_request where conversation_id = ?")
                .param(java.util.UUID.fromString(conversation))
                .query()
                .listOfRows();
    }
}
