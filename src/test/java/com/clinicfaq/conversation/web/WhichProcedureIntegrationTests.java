package com.clinicfaq.conversation.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicfaq.TwoProcedureLibrary;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Never another procedure's fact (issue #14): in a library of two articles (the shipped kyphoplasty article and a
 * radiofrequency ablation article imported with the importer command alone), a question that names no procedure is
 * answered from the article of the page the chat was opened on, or, on a page about no article, the visitor is asked
 * which procedure, with the question ready to send for each.
 */
class WhichProcedureIntegrationTests extends TwoProcedureLibrary {

    @LocalServerPort
    int port;

    @Test
    void onAnArticlesPageAQuestionThatNamesNoProcedureIsAnsweredFromThatArticle() throws Exception {
        try (ChatClient chat = ChatClient.connectOnPage(port, ABLATION)) {
            chat.awaitType("welcome");
            chat.say("How long does the pain relief last?");
            JsonNode answer = chat.awaitBot("answer");

            assertThat(answer.path("source").path("articleId").asString()).isEqualTo(ABLATION);
            assertThat(answer.path("text").asString()).contains("6 to 12 months");
            // an article imported without curated phrasings is answered by the learned ranking: a probability
            assertThat(answer.path("confidence").asDouble()).isBetween(0.0, 1.0);
        }
        try (ChatClient chat = ChatClient.connectOnPage(port, KYPHOPLASTY)) {
            chat.awaitType("welcome");
            chat.say("How long does the pain relief last?");
            JsonNode answer = chat.awaitBot("answer");

            assertThat(answer.path("source").path("articleId").asString()).isEqualTo(KYPHOPLASTY);
            assertThat(answer.path("text").asString()).doesNotContain("6 to 12 months");
        }
    }

    @Test
    void onAPageAboutNoArticleTheVisitorIsAskedWhichProcedureAndTheAnswerKeepsItsTopic() throws Exception {
        try (ChatClient chat = ChatClient.connect(port)) {
            chat.awaitType("welcome");
            chat.say("How long does the pain relief last?");
            JsonNode clarify = chat.awaitBot("clarify");

            List<String> choices = new ArrayList<>();
            clarify.path("suggestions").forEach(s -> choices.add(s.asString()));
            assertThat(clarify.path("text").asString()).containsIgnoringCase("which procedure");
            assertThat(clarify.path("disclaimer").asString()).isNotBlank();
            assertThat(choices)
                    .hasSize(2)
                    .allSatisfy(c -> assertThat(c).startsWith("How long does the pain relief last? ("));
            String ablation = choices.stream()
                    .filter(c -> c.toLowerCase().contains("ablation"))
                    .findFirst()
                    .orElseThrow();

            chat.say(ablation);
            JsonNode answer = chat.awaitBot("answer");
            assertThat(answer.path("source").path("articleId").asString()).isEqualTo(ABLATION);
            assertThat(answer.path("text").asString()).contains("6 to 12 months");

            chat.say("is it painful?");
            JsonNode followUp = chat.awaitBot("answer");
            assertThat(followUp.path("source").path("articleId").asString()).isEqualTo(ABLATION);
            assertThat(followUp.path("text").asString()).contains("local anesthetic");
        }
    }

    @Test
    void aPageArticleTheKnowledgeBaseDoesNotKnowIsIgnored() throws Exception {
        try (ChatClient chat = ChatClient.connectOnPage(port, "no-such-article")) {
            chat.awaitType("welcome");
            chat.say("How long does the pain relief last?");

            assertThat(chat.awaitBot("clarify").path("suggestions")).hasSize(2);
        }
    }
}
