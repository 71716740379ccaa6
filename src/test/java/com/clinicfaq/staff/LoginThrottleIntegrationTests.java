package com.clinicfaq.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicfaq.ApplicationTest;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Password guessing is cut short: after five failures from an address, even the right password waits,
 * on the login form and with HTTP Basic (the metrics endpoint's) alike.
 */
@ApplicationTest
@DirtiesContext // the address it blocks is every test's address
class LoginThrottleIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void refusesLoginsFromAnAddressAfterFiveFailures() throws Exception {
        StaffHttp http = new StaffHttp(port);
        for (int attempt = 1; attempt <= LoginThrottle.ATTEMPTS; attempt++) {
            if (attempt % 2 == 1) {
                assertThat(http.logIn(StaffHttp.client(), "ada", "guess " + attempt))
                        .endsWith("/login?error");
            } else {
                assertThat(StaffHttp.client()
                                .send(
                                        http.getWithBasic("/actuator/prometheus", "ada", "guess " + attempt),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode())
                        .isEqualTo(401);
            }
        }

        HttpClient client = StaffHttp.client();
        assertThat(http.logIn(client, "ada", "correct horse battery")).endsWith("/login?error=blocked");
        assertThat(client.send(
                                http.getWithBasic("/actuator/prometheus", "ada", "correct horse battery"),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode())
                .isEqualTo(429);
    }

    /**
     * No proxy is trusted by default, so a client that names another address in {@code X-Forwarded-For} on every
     * attempt is still counted, and blocked, by its own (127.0.0.7 here, apart from the other test's address).
     */
    @Test
    void countsFailuresAgainstTheClientsOwnAddressWhateverItsXForwardedForSays() throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .localAddress(InetAddress.getByName("127.0.0.7"))
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        for (int attempt = 1; attempt <= LoginThrottle.ATTEMPTS; attempt++) {
            assertThat(logIn(client, "ada", "guess " + attempt, "203.0.113." + attempt))
                    .endsWith("/login?error");
        }

        assertThat(logIn(client, "ada", "correct horse battery", "198.51.100.1"))
                .endsWith("/login?error=blocked");
        String credentials =
                Base64.getEncoder().encodeToString("ada:correct horse battery".getBytes(StandardCharsets.UTF_8));
        assertThat(client.send(
                                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                                        .header("Authorization", "Basic " + credentials)
                                        .header("X-Forwarded-For", "198.51.100.2")
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode())
                .isEqualTo(429);
    }

    /** The login form from 127.0.0.1 with this {@code X-Forwarded-For}; returns where it redirects to. */
    private String logIn(HttpClient client, String username, String password, String forwardedFor) throws Exception {
        URI login = URI.create("http://127.0.0.1:" + port + "/login");
        String csrf = StaffHttp.csrf(client.send(
                        HttpRequest.newBuilder(login)
                                .header("X-Forwarded-For", forwardedFor)
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(login)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("X-Forwarded-For", forwardedFor)
                        .POST(HttpRequest.BodyPublishers.ofString("username=" + StaffHttp.encode(username)
                                + "&password=" + StaffHttp.encode(password) + "&_csrf=" + csrf))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return response.headers().firstValue("Location").orElse("");
    }
}
