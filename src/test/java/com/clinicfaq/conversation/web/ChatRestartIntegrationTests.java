package com.clinicfaq.conversation.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicfaq.ClinicFaqApplication;
import com.clinicfaq.curation.KnowledgeFiles;
import com.clinicfaq.curation.KnowledgePublisher;
import com.clinicfaq.curation.LiveKnowledge;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * What a visitor said and asked for, and what staff published, is still there after the service restarts on its
 * H2 file.
 */
class ChatRestartIntegrationTests {

    @TempDir
    Path data;

    @Test
    void keepsTranscriptsAndHandoffRequestsAcrossARestart() throws Exception {
        String conversation;
        try (ConfigurableApplicationContext app = start()) {
            try (ChatClient chat = ChatClient.connect(port(app))) {
                conversation = chat.awaitType("welcome").path("conversationId").asString();
                chat.say("can i talk to a person");
                chat.awaitBot("handoff.form");
                chat.submitHandoff("Rae Restart", "7075550123");
            }
        }

        try (ConfigurableApplicationContext app = start()) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select name from handoff_request where conversation_id = cast(? as uuid)")
                            .param(conversation)
                            .query(String.class)
                            .list())
                    .containsExactly("Rae Restart");
            try (ChatClient again = ChatClient.connect(port(app), conversation)) {
                JsonNode welcome = again.awaitType("welcome");
                assertThat(welcome.path("resumed").booleanValue()).isTrue();
                assertThat(welcome.path("history"))
                        .extracting(m -> m.path("kind").asString(""))
                        .contains("greeting", "handoff.form", "handoff.confirmed");
            }
        }
    }

    @Test
    void keepsAPublishedKnowledgeBaseAcrossARestart() throws Exception {
        String duration =
                "The entire procedure typically takes 45 to 60 minutes, and most patients go home the same day.";
        long published;
        try (ConfigurableApplicationContext app = start()) {
            KnowledgeFiles files = app.getBean(LiveKnowledge.class).get().files();
            String path = files.files().entrySet().stream()
                    .filter(f -> f.getValue().contains(duration))
                    .findFirst()
                    .orElseThrow()
                    .getKey();
            var outcome = app.getBean(KnowledgePublisher.class)
                    .publish(
                            files.with(
                                    path,
                                    files.files()
                                            .get(path)
                                            .replace(duration, duration + " Please bring someone to drive you home.")),
                            "edith",
                            "Who drives home",
                            false);
            published =
                    ((KnowledgePublisher.Outcome.Published) outcome).version().id();
        }

        try (ConfigurableApplicationContext app = start()) {
            assertThat(app.getBean(LiveKnowledge.class).version()).isEqualTo(published);
            try (ChatClient chat = ChatClient.connect(port(app))) {
                chat.awaitType("welcome");
                chat.say("how long does the procedure take");
                assertThat(chat.awaitBot("answer").path("text").asString()).contains("bring someone to drive you home");
            }
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(ClinicFaqApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=jdbc:h2:file:" + data.resolve("clinicfaq")
                                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }

    private static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }
}
