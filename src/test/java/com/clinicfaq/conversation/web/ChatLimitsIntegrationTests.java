package com.clinicfaq.conversation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.socket.CloseStatus;
import tools.jackson.databind.JsonNode;

/** Flood protection and idle connections, with limits small enough to reach in a test. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "clinicfaq.chat.rate-limit.connection-burst=3",
            "clinicfaq.chat.rate-limit.connection-interval=1h",
            "clinicfaq.chat.rate-limit.address-burst=5",
            "clinicfaq.chat.rate-limit.address-interval=1h",
            "clinicfaq.chat.rate-limit.connections-per-address=3",
            "clinicfaq.chat.idle-timeout=2s",
            "clinicfaq.chat.idle-check-interval=500ms"
        })
class ChatLimitsIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void limitsAFloodFromOneConnectionWithoutClosingIt() throws Exception {
        try (ChatClient chat = ChatClient.connect(port)) {
            chat.awaitType("welcome");
            for (int i = 0; i < 3; i++) {
                chat.say("what is kyphoplasty");
                chat.awaitType("ack");
            }

            chat.say("what is kyphoplasty");

            JsonNode limited = chat.awaitError("rate_limited");
            assertThat(limited.path("retryAfterSeconds").longValue()).isPositive();
            chat.assertUsable();
        }
        // the address-wide bucket: 3 of its 5 messages were used above
        try (ChatClient second = ChatClient.connect(port)) {
            second.awaitType("welcome");
            second.say("hi");
            second.awaitType("ack");
            second.say("hi");
            second.awaitType("ack");

            second.say("hi");

            second.awaitError("rate_limited");
        }
    }

    @Test
    void refusesMoreConnectionsFromOneAddressThanAllowed() throws Exception {
        // admitted: connections closed by other tests are counted out on the server a moment after they close
        try (ChatClient a = ChatClient.admitted(port);
                ChatClient b = ChatClient.admitted(port);
                ChatClient c = ChatClient.admitted(port)) {
            try (ChatClient d = ChatClient.connect(port)) {
                await("the fourth connection closed")
                        .atMost(Duration.ofSeconds(15))
                        .until(() -> d.closeStatus() != null);
                assertThat(d.closeStatus().getCode()).isEqualTo(CloseStatus.POLICY_VIOLATION.getCode());
            }
            a.assertUsable();
        }
    }

    @Test
    void closesAConnectionThatStaysIdle() throws Exception {
        try (ChatClient chat = ChatClient.connect(port)) {
            chat.awaitType("welcome");

            await("closed as idle").atMost(Duration.ofSeconds(20)).until(() -> chat.closeStatus() != null);
            assertThat(chat.isOpen()).isFalse();

            assertThat(chat.closeStatus().getReason()).isEqualTo("idle");
        }
    }
}
