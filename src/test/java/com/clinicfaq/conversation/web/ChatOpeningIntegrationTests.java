package com.clinicfaq.conversation.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Opening the chat costs no storage: a visitor who opens it and leaves is shown the greeting and leaves nothing
 * in the database; the conversation is stored, greeting first, with the visitor's first message. And an address
 * that keeps opening connections is turned away however soon it closes them.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // each address has its burst of new connections and no more during the test, so refusals do not depend on
        // timing
        properties = "clinicfaq.chat.rate-limit.new-connection-interval=1h")
@ExtendWith(OutputCaptureExtension.class)
class ChatOpeningIntegrationTests {

    private static final int BURST = 20; // the default clinicfaq.chat.rate-limit.new-connection-burst

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Test
    void storesNothingForAThousandConnectionsOpenedAndClosedAndTheConversationWithItsFirstMessage() throws Exception {
        int conversationsBefore = rows("select count(*) from conversation");
        int messagesBefore = rows("select count(*) from message");
        double startedBefore = started();

        Set<String> opened = new HashSet<>();
        for (int address = 1; address <= 50; address++) {
            for (int i = 0; i < BURST; i++) {
                try (RawWebSocket socket = RawWebSocket.connect(port, "127.0.4." + address, address * 100L + i)) {
                    opened.add(
                            socket.awaitType("welcome").path("conversationId").asString());
                    assertThat(socket.awaitType("bot").path("kind").asString()).isEqualTo("greeting");
                }
            }
        }
        try (ChatClient again = ChatClient.connect(port, opened.iterator().next())) {
            JsonNode welcome = again.awaitType("welcome");
            assertThat(welcome.path("resumed").booleanValue())
                    .as("a conversation never stored is not resumed")
                    .isFalse();
            again.awaitBot("greeting");
        }

        assertThat(opened).hasSize(1_000);
        assertThat(rows("select count(*) from conversation")).isEqualTo(conversationsBefore);
        assertThat(rows("select count(*) from message")).isEqualTo(messagesBefore);
        assertThat(started()).isEqualTo(startedBefore);

        String conversation;
        try (ChatClient chat = ChatClient.connect(port)) {
            conversation = chat.awaitConversationId();
            JsonNode greeting = chat.awaitBot("greeting");
            assertThat(rows("select count(*) from conversation")).isEqualTo(conversationsBefore);

            chat.say("How long does kyphoplasty take?");

            assertThat(chat.awaitType("ack").path("seq").intValue()).isEqualTo(2);
            assertThat(chat.awaitBot("answer").path("text").asString()).contains("45 to 60 minutes");
            assertThat(jdbc.sql("select text from message where conversation_id = ? and seq = 1")
                            .param(UUID.fromString(conversation))
                            .query(String.class)
                            .single())
                    .as("the greeting the visitor was shown")
                    .isEqualTo(greeting.path("text").asString());
        }
        assertThat(rows("select count(*) from conversation")).isEqualTo(conversationsBefore + 1);
        assertThat(jdbc.sql(
                                "select seq || ':' || sender || ':' || kind from message where conversation_id = ? order by seq")
                        .param(UUID.fromString(conversation))
                        .query(String.class)
                        .list())
                .containsExactly("1:BOT:greeting", "2:VISITOR:message", "3:BOT:answer");
        assertThat(started()).isEqualTo(startedBefore + 1);
        try (ChatClient resumed = ChatClient.connect(port, conversation)) {
            JsonNode welcome = resumed.awaitType("welcome");
            assertThat(welcome.path("resumed").booleanValue()).isTrue();
            assertThat(welcome.path("history"))
                    .extracting(m -> m.path("seq").intValue())
                    .containsExactly(1, 2, 3);
        }
    }

    @Test
    void turnsAwayAnAddressThatOpensConnectionsFasterThanAllowedWithTryAgainLater(CapturedOutput output)
            throws Exception {
        String from = "127.0.5.1";
        for (int i = 0; i < BURST; i++) {
            try (RawWebSocket socket = RawWebSocket.connect(port, from, i)) {
                socket.awaitType("welcome");
            }
        }

        for (int i = 0; i < 3; i++) {
            try (RawWebSocket refused = RawWebSocket.connect(port, from, BURST + i)) {
                RawWebSocket.Frame first = refused.next();
                assertThat(first.opcode()).as("closed before any welcome").isEqualTo(RawWebSocket.CLOSE);
                assertThat(first.closeCode()).isEqualTo(1013);
                assertThat(first.closeReason()).isEqualTo("too many new connections from this address");
            }
        }
        try (RawWebSocket other = RawWebSocket.connect(port, "127.0.5.2", 0)) {
            other.awaitType("welcome");
        }

        List<String> refusals = output.getAll()
                .lines()
                .filter(line -> line.contains("opens connections faster"))
                .toList();
        assertThat(refusals)
                .as("one log line for the address's refusals, not one each")
                .hasSize(1);
    }

    private int rows(String query) {
        return jdbc.sql(query).query(Integer.class).single();
    }

    private double started() {
        return meters.get("clinicfaq.conversations.started").counter().count();
    }
}
