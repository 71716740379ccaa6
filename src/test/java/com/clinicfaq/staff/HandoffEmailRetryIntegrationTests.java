package com.clinicfaq.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicfaq.handoff.HandoffService;
import com.clinicfaq.handoff.HandoffSubmission;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** With the mail server down, a handoff request is stored at once and staff are emailed once it is back. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.mail.host=127.0.0.1",
            "spring.mail.port=" + HandoffEmailRetryIntegrationTests.SMTP_PORT,
            "clinicfaq.notify.email.to=frontdesk@practice.example",
            "clinicfaq.notify.email.retry-after=300ms",
            "clinicfaq.notify.email.retry-check-interval=200ms"
        })
class HandoffEmailRetryIntegrationTests {

    static final int SMTP_PORT = 3027;

    @Autowired
    HandoffService handoffs;

    @Autowired
    JdbcClient jdbc;

    @Test
    void storesTheRequestWhileTheMailServerIsDownAndEmailsStaffOnceItIsBack() throws Exception {
        UUID conversation = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("insert into conversation (id, started_at, last_activity_at) values (?, ?, ?)").params(conversation, now, now).update();

        var stored = (HandoffService.Result.Stored) handoffs.submit(conversation,
                new HandoffSubmission("Otto Outage", "7075550166", "", "", "", true, true), false);

        assertThat(handoffs.find(stored.handoffId())).isPresent();
        long deadline = System.currentTimeMillis() + 10_000;
        while (attempts(stored.handoffId()) < 2) {
            assertThat(System.currentTimeMillis()).as("two failed attempts within 10 s").isLessThan(deadline);
            Thread.sleep(100);
        }

        GreenMail smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        smtp.start();
        try {
            assertThat(smtp.waitForIncomingEmail(20_000, 1)).as("the email, once the server is back").isTrue();
            assertThat(GreenMailUtil.getBody(smtp.getReceivedMessages()[0])).contains("/staff/handoffs/" + stored.handoffId());
            Thread.sleep(1_000);
            assertThat(smtp.getReceivedMessages()).as("sent once").hasSize(1);
            assertThat(jdbc.sql("select notified_at from handoff_request where id = ?").param(stored.handoffId())
                    .query(Timestamp.class).single()).isNotNull();
        } finally {
            smtp.stop();
        }
    }

    private int attempts(UUID handoff) {
        return jdbc.sql("select notify_attempts from handoff_request where id = ?").param(handoff).query(Integer.class).single();
    }
}
