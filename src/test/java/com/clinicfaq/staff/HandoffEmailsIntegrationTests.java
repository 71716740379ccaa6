package com.clinicfaq.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicfaq.handoff.HandoffService;
import com.clinicfaq.handoff.HandoffSubmission;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.TestSocketUtils;

/** Staff get an email with a link for each new handoff request, through a real SMTP server. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.mail.host=127.0.0.1",
            "clinicfaq.notify.email.to=frontdesk@practice.example",
            "clinicfaq.staff.console-url=https://clinic.example/"
        })
class HandoffEmailsIntegrationTests {

    static final int SMTP_PORT = TestSocketUtils.findAvailableTcpPort();

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(
                    new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired
    HandoffService handoffs;

    @Autowired
    JdbcClient jdbc;

    @Test
    void emailsALinkToTheNewRequestAndNoHealthInformation() throws Exception {
        UUID conversation = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("insert into conversation (id, started_at, last_activity_at) values (?, ?, ?)")
                .params(conversation, now, now)
                .update();

        var stored = (HandoffService.Result.Stored) handoffs.submit(
                conversation,
                new HandoffSubmission(
                        "Mona Mailtest",
                        "7075550177",
                        "mona@example.org",
                        "after 5pm",
                        "my fracture from the fall hurts",
                        true,
                        true),
                false);

        assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage email = smtp.getReceivedMessages()[0];
        String body = GreenMailUtil.getBody(email);
        assertThat(email.getAllRecipients()[0].toString()).isEqualTo("frontdesk@practice.example");
        assertThat(body)
                .contains("https://clinic.example/staff/handoffs/" + stored.handoffId())
                .doesNotContain("Mona", "7075550177", "mona@example.org", "fracture", "fall");
        assertThat(email.getSubject()).doesNotContain("Mona");
    }
}
