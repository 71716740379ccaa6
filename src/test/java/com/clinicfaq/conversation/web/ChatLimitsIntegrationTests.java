package com.clinicfaq.conversation.web;

import static org.assertj.core.api.Assertions.assertThat;

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
        Thread.sleep(500); // connections closed by other tests are counted out
        try (ChatClient a = ChatClient.connect(port); ChatClient b = ChatClient.connect(port); ChatClient c = ChatClient.connect(port)) {
            a.awaitType("welcome");
            b.awaitType("welcome");
            c.awaitType("welcome");

            try (ChatClient d = ChatClient.connect(port)) {
                Thread.sleep(500);
                assertThat(d.isOpen()).isFalse();
                assertThat(d.closeStatus().getCode()).isEqualTo(CloseStatus.POLICY_VIOLATION.getCode());
            }
            a.assertUsable();
        }
    }

    @Test
    void closesAConnectionThatStaysIdle() throws Exception {
        try (ChatClient chat = ChatClient.connect(port)) {
            chat.awaitType("welcome");

            long deadline = System.currentTimeMillis() + 20_000;
            while (chat.isOpen() && System.currentTimeMillis() < deadline) {
                Thread.sleep(200);
            }

            assertThat(chat.isOpen()).isFalse();
            assertThat(chat.closeStatus().getReason()).isEqualTo("idle");
        }
    }
}
