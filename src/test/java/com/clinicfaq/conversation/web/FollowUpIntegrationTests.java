package com.clinicfaq.conversation.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicfaq.TwoProcedureLibrary;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * An elliptical follow-up is read after the question it follows (issue #14, item 4), for an article imported with the
 * importer alone: the conversation remembers, in its stored transcript, which question gave it its topic.
 */
class FollowUpIntegrationTests extends TwoProcedureLibrary {

    @LocalServerPort
    int port;

    @Test
    void aFollowUpIsAnsweredAfterTheQuestionThatGaveTheConversationItsTopic() throws Exception {
        try (ChatClient chat = ChatClient.connectOnPage(port, ABLATION)) {
            chat.awaitType("welcome");
            chat.say("Can the ablation be repeated?");
            assertThat(chat.awaitBot("answer").path("source").path("articleId").asString())
                    .isEqualTo(ABLATION);

            chat.say("thanks");
            chat.awaitBot("smalltalk");
            // "the second one" is the repeated ablation: the question it follows says so, the words alone do not
            chat.say("will the second one work as well?");
            JsonNode answer = chat.awaitBot("answer");

            assertThat(answer.path("source").path("articleId").asString()).isEqualTo(ABLATION);
            assertThat(answer.path("text").asString()).contains("repeat ablation often provides similar relief");
        }
    }
}
