package com.clinicfaq.conversation.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicfaq.TwoProcedureLibrary;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * An elliptical follow-up is also read after the question that gave the conversation its topic (issue #14, item 4),
 * which the conversation takes from its stored transcript; never so that the earlier question's answer is given to a
 * follow-up about something else. Its gains are measured on the samples' blind sets (`exec@library`) and shown on an
 * imported article in {@code ImportedArticleAnswersTests}.
 */
class FollowUpIntegrationTests extends TwoProcedureLibrary {

    @LocalServerPort
    int port;

    @Test
    void aFollowUpAboutSomethingElseIsNeverAnsweredWithTheEarlierQuestionsAnswer() throws Exception {
        try (ChatClient chat = ChatClient.connectOnPage(port, KYPHOPLASTY)) {
            chat.awaitType("welcome");
            chat.say("how long does kyphoplasty take?");
            assertThat(chat.awaitBot("answer").path("text").asString()).contains("45 to 60 minutes");

            // nothing of the article says whether there is a scar: read after the earlier question it would be
            // answered with how long the procedure takes
            chat.say("will i have a scar");
            JsonNode reply = chat.awaitType("bot");
            assertThat(reply.path("text").asString()).doesNotContain("45 to 60 minutes");
        }
    }
}
