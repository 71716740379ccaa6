package com.clinicfaq.conversation.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicfaq.TestKnowledgeBases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Any content is served (issue #14): an article whose title is 200 characters in several scripts, with section
 * headings in Greek and Chinese and ids longer than a column used to hold, imported with the importer command alone,
 * is answered in the chat with its source, and every bot message is stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AnyContentIntegrationTests {

    /** 200 characters: Spanish, Greek, Chinese and French in one title. */
    static final String TITLE = fit(
            "Terapia acuática en Napa — Υδροθεραπεία για τον πόνο της μέσης — 腰痛的水中治疗 — "
                    + "La thérapie aquatique pour le dos : ce qu'il faut savoir avant, pendant et après chaque séance, et pour qui ",
            200);

    static final String GREEK_HEADING = "Πόσο διαρκεί μια συνεδρία υδροθεραπείας στην πισίνα της κλινικής μας";
    static final String CHINESE_HEADING = "水中治疗适合哪些患者以及需要注意什么";
    /** Long enough that an answer's id (article id # anchor / n) is far over the 100 characters it once had. */
    static final String LONG_HEADING =
            "What the Aquatic Therapy Sessions Involve for Patients With Chronic Lower Back Pain in the Valley";

    static final String GREEK_QUESTION = "Χρειάζομαι παραπομπή από τον γιατρό μου για την υδροθεραπεία\u037e";

    static final Path FOLDER = knowledgeBaseWithTheArticle();

    @DynamicPropertySource
    static void folder(DynamicPropertyRegistry registry) {
        registry.add("clinicfaq.knowledge-base.path", FOLDER::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void answersFromAnArticleWithLongTitlesInAnyScriptAndStoresEveryReply() throws Exception {
        try (ChatClient chat = ChatClient.connect(port)) {
            String conversation =
                    chat.awaitType("welcome").path("conversationId").asString();

            chat.say("how long does an aquatic therapy session last in the pool?");
            JsonNode duration = chat.awaitBot("answer");
            assertThat(duration.path("text").asString()).contains("about 25 minutes");
            assertThat(duration.path("source").path("articleTitle").asString()).isEqualTo(TITLE);
            assertThat(duration.path("source").path("sectionTitle").asString()).isEqualTo(GREEK_HEADING);

            chat.say("do the sessions involve walking in chest-deep water and floating exercises?");
            JsonNode sessions = chat.awaitBot("answer");
            assertThat(sessions.path("text").asString()).contains("walking in chest-deep water");
            assertThat(sessions.path("source").path("sectionTitle").asString()).isEqualTo(LONG_HEADING);

            chat.say(GREEK_QUESTION);
            JsonNode referral = chat.awaitBot("answer");
            assertThat(referral.path("text").asString()).contains("Όχι, δεν χρειάζεστε παραπομπή");

            Map<String, Object> stored = jdbc.sql("""
                    select count(*) as replies, max(length(rule_id)) as longest_id,
                           sum(case when source_section = :greek then 1 else 0 end) as greek
                    from message where conversation_id = :id and sender = 'BOT' and kind = 'answer'""")
                    .param("id", java.util.UUID.fromString(conversation))
                    .param("greek", GREEK_HEADING)
                    .query()
                    .singleRow();
            assertThat(((Number) stored.get("replies")).intValue()).isEqualTo(3);
            assertThat(((Number) stored.get("longest_id")).intValue()).isGreaterThan(100);
            assertThat(((Number) stored.get("greek")).intValue()).isPositive();
        }
    }

    private static String fit(String text, int length) {
        StringBuilder fitted = new StringBuilder(text);
        while (fitted.length() < length) {
            fitted.append(text);
        }
        return fitted.substring(0, length).strip()
                + "x".repeat(length - fitted.substring(0, length).strip().length());
    }

    /** The shipped knowledge base, and the article imported into it with the importer command, as the README says. */
    private static Path knowledgeBaseWithTheArticle() {
        try {
            Path folder = TestKnowledgeBases.copyOfShipped("clinicfaq-any-content", false);
            Path source = folder.resolveSibling(folder.getFileName() + "-aquatic-therapy.txt");
            Files.writeString(source, article(), StandardCharsets.UTF_8);
            TestKnowledgeBases.importArticle(folder, source, "--reviewed", "2026-12-01");
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String article() {
        return TITLE + "\n\n"
                + "By Test Author, D.O.\n"
                + "Board-Certified in Physical Medicine & Rehabilitation\n\n"
                + "Quick Insights\n\n"
                + "Aquatic therapy is exercise in a warm pool that takes weight off a painful spine while the muscles work.\n\n"
                + GREEK_HEADING + "\n\n"
                + "A single aquatic therapy session lasts about 25 minutes in the warm therapy pool, followed by ten minutes"
                + " of rest.\n\n"
                + LONG_HEADING + "\n\n"
                + "The sessions involve walking in chest-deep water, gentle stretches at the pool edge and floating"
                + " exercises with a therapist beside you.\n\n"
                + CHINESE_HEADING + "\n\n"
                + "Aquatic therapy suits patients who cannot yet exercise on land; people with open wounds or uncontrolled"
                + " heart disease should not use the pool.\n\n"
                + "Frequently Asked Questions\n\n"
                + GREEK_QUESTION + "\n\n"
                + "Όχι, δεν χρειάζεστε παραπομπή για την πρώτη επίσκεψη στην υδροθεραπεία.\n\n"
                + "This article is for educational purposes only and should not be used as a substitute for professional"
                + " medical advice, diagnosis, or treatment.\n";
    }
}
