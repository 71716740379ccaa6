package com.clinicfaq.curation;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicfaq.TestKnowledgeBases;
import com.clinicfaq.search.Answer;
import com.clinicfaq.search.AnswerEngine;
import com.clinicfaq.staff.StaffHttp;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Files changed in the knowledge-base folder are published within seconds, through the same checks; a
 * corrupted file is refused with its line, shown to staff, and the version in force keeps serving.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "clinicfaq.knowledge-base.folder-check-interval=200ms")
class FollowedFolderIntegrationTests {

    static final Path FOLDER = copyOfTheKnowledgeBase();
    static final Path FAQS = FOLDER.resolve("faqs/kyphoplasty-compression-fractures.md");

    @DynamicPropertySource
    static void folder(DynamicPropertyRegistry registry) {
        registry.add("clinicfaq.knowledge-base.path", FOLDER::toString);
    }

    @Autowired
    KnowledgePublisher publisher;

    @Autowired
    LiveKnowledge live;

    @Autowired
    AnswerEngine engine;

    @Test
    void publishesAChangedFileAndKeepsServingWhenAFileIsCorrupted() throws Exception {
        long first = live.version();
        String original = Files.readString(FAQS);

        Files.writeString(
                FAQS,
                original.replace(
                        PublishingIntegrationTests.DURATION,
                        PublishingIntegrationTests.DURATION + " Please bring someone to drive you home."));
        await(() -> live.version() > first);
        assertThat(answerText()).contains("bring someone to drive you home");
        long second = live.version();

        Files.writeString(FAQS, original.replace("section: quick-insights", "section quick-insights"));
        await(() -> publisher.folderProblem() != null);
        assertThat(publisher.folderProblem()).startsWith("faqs/kyphoplasty-compression-fractures.md:");
        assertThat(overviewAsAnEditor()).contains("were not published", "faqs/kyphoplasty-compression-fractures.md:");
        assertThat(live.version()).isEqualTo(second);
        assertThat(answerText()).contains("bring someone to drive you home");

        Files.writeString(FAQS, original);
        await(() -> live.version() > second);
        assertThat(publisher.folderProblem()).isNull();
        assertThat(answerText()).doesNotContain("drive you home").contains("45 to 60 minutes");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcUserDetailsManager accounts;

    @Autowired
    PasswordEncoder encoder;

    /** The knowledge console's overview, as an editor sees it. */
    private String overviewAsAnEditor() throws Exception {
        if (!accounts.userExists("fern")) {
            accounts.createUser(User.withUsername("fern")
                    .password(encoder.encode("an editor's password"))
                    .roles("EDITOR")
                    .build());
        }
        StaffHttp http = new StaffHttp(port);
        return http.loggedIn("fern", "an editor's password")
                .send(http.get("/staff/knowledge"), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private String answerText() {
        return engine.answer("how long does the procedure take") instanceof Answer.Found found ? found.text() : "";
    }

    private static void await(BooleanSupplier condition) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(condition::getAsBoolean);
    }

    private static Path copyOfTheKnowledgeBase() {
        return TestKnowledgeBases.copyOfShipped("clinicfaq-followed", true);
    }
}
