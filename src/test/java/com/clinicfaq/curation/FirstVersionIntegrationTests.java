package com.clinicfaq.curation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clinicfaq.TestKnowledgeBases;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * On an empty database the folder becomes version 1 at start; the safety net then runs on it (issue #14), with each
 * article's check questions (issue #20), and what fails is shown to staff: here an imported article whose procedure the
 * shipped out-of-scope list declines.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "clinicfaq.knowledge-base.check-first-version=true",
            "clinicfaq.knowledge-base.follow-folder=false"
        })
class FirstVersionIntegrationTests {

    static final Path FOLDER = libraryWithTheRfaSample();

    @DynamicPropertySource
    static void folder(DynamicPropertyRegistry registry) {
        registry.add("clinicfaq.knowledge-base.path", FOLDER::toString);
    }

    @Autowired
    KnowledgePublisher publisher;

    @Autowired
    LiveKnowledge live;

    @Test
    void theFirstVersionReadFromTheFolderIsCheckedAndItsFailuresShownToStaff() {
        await().atMost(Duration.ofSeconds(90)).until(() -> publisher.folderProblem() != null);

        assertThat(publisher.folderProblem())
                .startsWith("version " + live.version() + " was read from the folder")
                .contains("library", "other-procedures", "what is radiofrequency ablation", "rfa-sample");
        assertThat(live.knowledge().articles()).hasSize(2); // it keeps serving: there is no other version
        assertThat(publisher.firstVersionReport()).hasValueSatisfying(report -> {
            assertThat(report.articles())
                    .as("each article's check questions, with no live version to compare with")
                    .extracting(ArticleChecks.Result::articleId)
                    .containsExactly("kyphoplasty-compression-fractures", "rfa-sample");
            assertThat(report.articles())
                    .allSatisfy(article -> assertThat(article.compared()).isFalse());
            assertThat(report.articles().getLast().asked())
                    .extracting(asked -> asked.check().question())
                    .contains("Is radiofrequency ablation painful?", "Risks and safety considerations");
            assertThat(report.figures())
                    .anySatisfy(f -> assertThat(f).startsWith("Check questions of “Comparing Cervical vs Lumbar"));
        });
    }

    private static Path libraryWithTheRfaSample() {
        Path folder = TestKnowledgeBases.copyOfShipped("clinicfaq-first-version", true);
        TestKnowledgeBases.importArticle(
                folder,
                Path.of("src/test/resources/library/radiofrequency-ablation-sample.txt"),
                "--id",
                "rfa-sample",
                "--reviewed",
                "2026-12-01");
        return folder;
    }
}
