package com.clinicfaq.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Password guessing is cut short: after five failures from an address, even the right password waits,
 * on the login form and with HTTP Basic (the metrics endpoint's) alike.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"clinicfaq.staff.admin.username=ada", "clinicfaq.staff.admin.password=correct horse battery"})
@DirtiesContext // the address it blocks is every test's address
class LoginThrottleIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void refusesLoginsFromAnAddressAfterFiveFailures() throws Exception {
        StaffHttp http = new StaffHttp(port);
        for (int attempt = 1; attempt <= LoginThrottle.ATTEMPTS; attempt++) {
            if (attempt % 2 == 1) {
                assertThat(http.logIn(StaffHttp.client(), "ada", "guess " + attempt)).endsWith("/login?error");
            } else {
                assertThat(StaffHttp.client().send(http.getWithBasic("/actuator/prometheus", "ada", "guess " + attempt),
                        HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(401);
            }
        }

        HttpClient client = StaffHttp.client();
        assertThat(http.logIn(client, "ada", "correct horse battery")).endsWith("/login?error=blocked");
        assertThat(client.send(http.getWithBasic("/actuator/prometheus", "ada", "correct horse battery"),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(429);
    }
}
