package com.clinicfaq.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clinicfaq.handoff.HandoffService;
import com.clinicfaq.handoff.HandoffSubmission;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.TestSocketUtils;

/** With the mail server down, a handoff request is stored at once and staff are emailed once it is back. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.mail.host=127.0.0.1",
            "clinicfaq.notify.email.to=frontdesk@practice.example",
            "clinicfaq.notify.email.retry-after=300ms",
            "clinicfaq.notify.email.retry-check-interval=200ms"
        })
class HandoffEmailRetryIntegrationTests {

    /** A free port, on which no mail server listens until the test starts one. */
    static final int SMTP_PORT = TestSocketUtils.findAvailableTcpPort();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired
    HandoffService handoffs;

    @Autowired
    JdbcClient jdbc;

    @Test
    void storesTheRequestWhileTheMailServerIsDownAndEmailsStaffOnceItIsBack() throws Exception {
        UUID conversation = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("insert into conversation (id, started_at, last_activity_at) values (?, ?, ?)")
                .params(conversation, now, now)
                .update();

        var stored = (HandoffService.Result.Stored) handoffs.submit(
                conversation, new HandoffSubmission("Otto Outage", "7075550166", "", "", "", true, true), false);

        assertThat(handoffs.find(stored.handoffId())).isPresent();
        await("two failed attempts").atMost(Duration.ofSeconds(30)).until(() -> attempts(stored.handoffId()) >= 2);

        GreenMail smtp = startMailServer();
        try {
            assertThat(smtp.waitForIncomingEmail(20_000, 1))
                    .as("the email, once the server is back")
                    .isTrue();
            assertThat(GreenMailUtil.getBody(smtp.getReceivedMessages()[0]))
                    .contains("/staff/handoffs/" + stored.handoffId());
            assertStaysOneEmail(smtp);
            assertThat(jdbc.sql("select notified_at from handoff_request where id = ?")
                            .param(stored.handoffId())
                            .query(Timestamp.class)
                            .single())
                    .isNotNull();
        } finally {
            smtp.stop();
        }
    }

    @Test
    void aRequestStoredJustBeforeTheProcessStoppedIsEmailedOnceAndOldOnesNeverTriedAreLeftAlone() throws Exception {
        // what a process killed between storing a request and its first, asynchronous, attempt leaves: a request no
        // attempt ever claimed (and one left two days ago, from before emails were switched on)
        UUID justStored = storedWithoutAttempt(Instant.now().minusSeconds(1));
        UUID twoDaysOld = storedWithoutAttempt(Instant.now().minus(Duration.ofDays(2)));

        GreenMail smtp = startMailServer();
        try {
            assertThat(smtp.waitForIncomingEmail(20_000, 1))
                    .as("the email of the request no attempt claimed")
                    .isTrue();
            assertThat(GreenMailUtil.getBody(smtp.getReceivedMessages()[0])).contains("/staff/handoffs/" + justStored);
            await("notified").atMost(Duration.ofSeconds(30)).until(() -> notifiedAt(justStored) != null);
            assertStaysOneEmail(smtp);
            assertThat(smtp.getReceivedMessages())
                    .as("sent once, and not for the old request")
                    .hasSize(1);
            assertThat(notifiedAt(twoDaysOld)).isNull();
        } finally {
            smtp.stop();
        }
    }

    /** For five retry checks' time (200 ms each), no second email comes. */
    private static void assertStaysOneEmail(GreenMail smtp) {
        await("sent once")
                .during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() -> smtp.getReceivedMessages().length == 1);
    }

    private static GreenMail startMailServer() {
        GreenMail smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        smtp.start();
        return smtp;
    }

    private UUID storedWithoutAttempt(Instant at) {
        UUID conversation = UUID.randomUUID();
        UUID request = UUID.randomUUID();
        Timestamp time = Timestamp.from(at);
        jdbc.sql("insert into conversation (id, started_at, last_activity_at) values (?, ?, ?)")
                .params(conversation, time, time)
                .update();
        jdbc.sql("insert into handoff_request (id, conversation_id, name, consent_contact, consent_share, status,"
                        + " created_at) values (?, ?, 'n/a', true, true, 'NEW', ?)")
                .params(request, conversation, time)
                .update();
        return request;
    }

    private Timestamp notifiedAt(UUID handoff) {
        return jdbc.sql("select notified_at from handoff_request where id = ?")
                .param(handoff)
                .query(Timestamp.class)
                .list()
                .getFirst(); // null until notified
    }

    private int attempts(UUID handoff) {
        return jdbc.sql("select notify_attempts from handoff_request where id = ?")
                .param(handoff)
                .query(Integer.class)
                .single();
    }
}
