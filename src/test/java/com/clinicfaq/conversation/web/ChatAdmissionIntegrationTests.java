package com.clinicfaq.conversation.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The global cap on open chat connections, small enough to reach in a test: beyond it a visitor is
 * turned away at once with 1013, and the conversations already open are answered as before.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "clinicfaq.chat.max-connections=3")
class ChatAdmissionIntegrationTests {

    static final String HOW_LONG = "how long does kyphoplasty take?";

    @LocalServerPort
    int port;

    @Test
    void refusesConnectionsBeyondTheCapWhileOpenConversationsAreAnswered() throws Exception {
        List<ChatClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                open.add(ChatClient.admitted(port));
            }

            // a raw client: Tomcat's own WebSocket client takes 1013 for a protocol error (1002)
            for (int i = 0; i < 5; i++) {
                try (RawWebSocket refused = RawWebSocket.connect(port, i)) {
                    RawWebSocket.Frame first = refused.next();
                    assertThat(first.opcode()).as("closed before any welcome").isEqualTo(RawWebSocket.CLOSE);
                    assertThat(first.closeCode())
                            .isEqualTo(Admission.BUSY.getCode())
                            .isEqualTo(1013);
                    assertThat(first.closeReason()).isEqualTo("try again later");
                }
            }

            for (ChatClient chat : open) {
                chat.say(HOW_LONG);
                JsonNode answer = chat.awaitBot("answer");
                assertThat(answer.path("text").asString()).contains("45 to 60 minutes");
            }

            open.removeFirst().close();

            open.add(ChatClient.admitted(port)); // a place that is freed is taken again
        } finally {
            for (ChatClient chat : open) {
                chat.close();
            }
        }
    }
}
