package com.clinicfaq.conversation.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicfaq.conversation.ChatProperties;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.web.socket.CloseStatus;

class AdmissionTests {

    static ChatProperties properties(int maxConnections, ChatProperties.RateLimit limits) {
        return new ChatProperties(
                Duration.ofMinutes(30),
                Duration.ofMinutes(30),
                2000,
                List.of("http://localhost:[*]"),
                Duration.ofSeconds(10),
                maxConnections,
                limits,
                Duration.ofSeconds(5));
    }

    static ChatProperties.RateLimit limits(int connectionsPerAddress, int newConnectionBurst) {
        return new ChatProperties.RateLimit(
                5,
                Duration.ofSeconds(2),
                30,
                Duration.ofMillis(500),
                connectionsPerAddress,
                100,
                Duration.ofMillis(100),
                newConnectionBurst,
                Duration.ofHours(1));
    }

    @Test
    void refusesConnectionsBeyondTheCapWithTryAgainLaterUntilOneIsReleased() {
        Admission admission = new Admission(properties(2, limits(20, 20)));

        admitAll(admission, "10.0.0.1", "10.0.0.2");

        for (String address : List.of("10.0.0.1", "10.0.0.3", "10.0.0.3")) {
            assertThat(admission.admit("refused", address)).as(address).contains(Admission.BUSY);
        }
        admission.release("10.0.0.2");
        assertThat(admission.admit("d", "10.0.0.3"))
                .as("a place freed is taken again")
                .isEmpty();
        assertThat(Admission.BUSY).isEqualTo(new CloseStatus(1013, "try again later"));
    }

    @Test
    void refusesMoreConnectionsFromOneAddressThanAllowedWhileOthersAreAdmitted() {
        Admission admission = new Admission(properties(100, limits(2, 20)));

        admitAll(admission, "10.0.0.1", "10.0.0.1");

        assertThat(admission.admit("c", "10.0.0.1")).contains(Admission.TOO_MANY);
        assertThat(Admission.TOO_MANY.getCode()).isEqualTo(1008);
        assertThat(admission.admit("d", "10.0.0.2")).as("another address").isEmpty();
        admission.release("10.0.0.1");
        assertThat(admission.admit("e", "10.0.0.1")).isEmpty();
    }

    @Test
    void refusesAnAddressThatOpensConnectionsFasterThanTheRateHoweverSoonTheyClose() {
        Admission admission = new Admission(properties(100, limits(20, 3)));

        for (int i = 0; i < 3; i++) {
            assertThat(admission.admit("a" + i, "10.0.0.1")).isEmpty();
            admission.release("10.0.0.1");
        }

        assertThat(admission.admit("b", "10.0.0.1")).contains(Admission.TOO_OFTEN);
        assertThat(admission.admit("c", "10.0.0.1")).contains(Admission.TOO_OFTEN);
        assertThat(Admission.TOO_OFTEN.getCode()).isEqualTo(1013);
        assertThat(admission.admit("d", "10.0.0.2")).isEmpty();
    }

    @Test
    void aRefusedConnectionTakesNoPlace() {
        Admission admission = new Admission(properties(2, limits(1, 20)));

        assertThat(admission.admit("a", "10.0.0.1")).isEmpty();
        for (int i = 0; i < 5; i++) {
            assertThat(admission.admit("b" + i, "10.0.0.1")).contains(Admission.TOO_MANY);
        }

        assertThat(admission.admit("c", "10.0.0.2")).isEmpty();
        assertThat(admission.admit("d", "10.0.0.3")).contains(Admission.BUSY);
    }

    private static void admitAll(Admission admission, String... addresses) {
        for (int i = 0; i < addresses.length; i++) {
            assertThat(admission.admit("admitted-" + i, addresses[i])).isEmpty();
        }
    }
}
