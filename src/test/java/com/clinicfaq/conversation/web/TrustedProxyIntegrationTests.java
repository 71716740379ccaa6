package com.clinicfaq.conversation.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Behind a reverse proxy named in {@code server.tomcat.remoteip.internal-proxies} (here 127.0.0.9, as in the
 * README's setup), each visitor is counted by the address the proxy forwards, not the proxy's own; any other
 * client's {@code X-Forwarded-For} is still ignored. (SecurityHeadersIntegrationTests uses the same proxy for HSTS.)
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.tomcat.remoteip.internal-proxies=127.0.0.9/32")
class TrustedProxyIntegrationTests {

    static final String PROXY = "127.0.0.9";

    @LocalServerPort
    int port;

    @Test
    void countsEachVisitorBehindTheProxyByTheAddressItForwards() throws Exception {
        List<RawWebSocket> open = new ArrayList<>();
        try {
            for (int i = 1; i <= ForwardedForIntegrationTests.PER_ADDRESS + 5; i++) {
                RawWebSocket socket =
                        RawWebSocket.connectWithHeaders(port, PROXY, Map.of("X-Forwarded-For", "198.51.100." + i), i);
                open.add(socket);
                socket.awaitType("welcome");
            }
            for (RawWebSocket socket : open) {
                socket.close();
            }
            open.clear();

            List<Integer> refusals = new ArrayList<>();
            for (int i = 1; i <= ForwardedForIntegrationTests.PER_ADDRESS + 1; i++) {
                RawWebSocket socket =
                        RawWebSocket.connectWithHeaders(port, PROXY, Map.of("X-Forwarded-For", "198.51.100.200"), i);
                open.add(socket);
                RawWebSocket.Frame first = socket.next();
                if (first.opcode() == RawWebSocket.CLOSE) {
                    assertThat(first.closeReason()).isEqualTo("too many connections from this address");
                    refusals.add(first.closeCode());
                }
            }
            assertThat(refusals)
                    .as("one visitor behind the proxy has the limits of one address")
                    .containsExactly(1008);
        } finally {
            for (RawWebSocket socket : open) {
                socket.close();
            }
        }
    }

    @Test
    void ignoresXForwardedForFromAClientThatIsNotTheProxy() throws Exception {
        List<RawWebSocket> open = new ArrayList<>();
        try {
            int refused = 0;
            for (int i = 1; i <= ForwardedForIntegrationTests.PER_ADDRESS + 1; i++) {
                RawWebSocket socket = RawWebSocket.connectWithHeaders(
                        port, "127.0.0.10", Map.of("X-Forwarded-For", "198.51.100." + i), i);
                open.add(socket);
                if (socket.next().opcode() == RawWebSocket.CLOSE) {
                    refused++;
                }
            }
            assertThat(refused).isEqualTo(1);
        } finally {
            for (RawWebSocket socket : open) {
                socket.close();
            }
        }
    }
}
