package com.clinicfaq.conversation.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicfaq.ApplicationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * With the default configuration no client is a trusted proxy: one that sends {@code X-Forwarded-For} itself,
 * naming another address in every handshake, is still counted by its own address, so it cannot hold more than
 * its address's connections (and so cannot fill the service's connection cap alone), and its
 * {@code X-Forwarded-Proto} earns no HSTS. The login throttle is checked the same way in
 * {@code LoginThrottleIntegrationTests}; a named proxy in {@link TrustedProxyIntegrationTests}.
 */
@ApplicationTest
class ForwardedForIntegrationTests {

    static final int PER_ADDRESS = 20; // the default clinicfaq.chat.rate-limit.connections-per-address

    @LocalServerPort
    int port;

    @Test
    void countsADirectClientByItsOwnAddressWhateverItsXForwardedForSays() throws Exception {
        List<RawWebSocket> open = new ArrayList<>();
        try {
            List<Integer> refusals = new ArrayList<>();
            for (int i = 1; i <= PER_ADDRESS + 5; i++) {
                RawWebSocket socket = RawWebSocket.connectWithHeaders(
                        port,
                        "127.0.6.1",
                        Map.of(
                                "X-Forwarded-For",
                                "203.0.113." + i,
                                "X-Real-IP",
                                "203.0.113." + i,
                                "Forwarded",
                                "for=203.0.113." + i),
                        i);
                open.add(socket);
                RawWebSocket.Frame first = socket.next();
                if (first.opcode() == RawWebSocket.CLOSE) {
                    assertThat(first.closeReason()).isEqualTo("too many connections from this address");
                    refusals.add(first.closeCode());
                } else {
                    assertThat(first.text()).contains("\"welcome\"");
                }
            }

            assertThat(refusals)
                    .as("the 5 connections past the address's 20")
                    .containsExactly(1008, 1008, 1008, 1008, 1008);
        } finally {
            for (RawWebSocket socket : open) {
                socket.close();
            }
        }
    }

    @Test
    void believesNoDirectClientThatItsRequestCameOverTls() throws Exception {
        HttpResponse<Void> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                                .header("X-Forwarded-Proto", "https")
                                .header("X-Forwarded-For", "203.0.113.1")
                                .build(),
                        HttpResponse.BodyHandlers.discarding());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }
}
