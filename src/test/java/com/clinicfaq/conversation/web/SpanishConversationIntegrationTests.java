package com.clinicfaq.conversation.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicfaq.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A Spanish-speaking visitor (issue #16): the shipped policy says every text in Spanish too, a conversation keeps the
 * visitor's language when a message does not tell it ("ok", "sí"), and changes when the visitor writes the other.
 */
@ApplicationTest
class SpanishConversationIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void aSpanishPageGreetsInSpanishAndTheContactRequestIsInSpanishToTheEnd() throws Exception {
        try (ChatClient chat = ChatClient.connectInLanguage(port, "es")) {
            JsonNode greeting = chat.awaitBot("greeting");
            assertThat(greeting.path("text").asString()).startsWith("¡Hola!");
            assertThat(greeting.path("lang").asString()).isEqualTo("es");
            assertThat(greeting.path("disclaimer").asString())
                    .contains("asistente automático")
                    .contains("911");

            chat.say("quiero hacer una cita por favor");
            JsonNode form = chat.awaitBot("handoff.form");
            assertThat(form.path("text").asString()).contains("formulario");
            assertThat(form.path("lang").asString()).isEqualTo("es");
            assertThat(form.path("form").path("fields").get(0).path("label").asString())
                    .isEqualTo("Su nombre");

            // a form sent without a way to reach the visitor is refused, in Spanish
            chat.send("""
                    {"v":1,"type":"handoff.submit","name":"Rosa","phone":"","email":"","preferredTime":"",
                     "reason":"","consentContact":true,"consentShare":true}""");
            JsonNode invalid = chat.awaitType("handoff.invalid");
            assertThat(invalid.path("errors").path("phone").asString()).startsWith("Por favor");

            JsonNode confirmed = chat.submitHandoff("Rosa Díaz", "707-555-0188");
            assertThat(confirmed.path("text").asString())
                    .contains("Recibimos su solicitud")
                    .contains("911");
            assertThat(confirmed.path("disclaimer").asString())
                    .contains("consejo médico")
                    .contains("911");
        }
    }

    @Test
    void aSpanishPageOffersSpanishQuestionsAndOneTappedIsAnsweredFromTheEnglishArticleWhileNoTranslationIsReviewed()
            throws Exception {
        try (ChatClient chat = ChatClient.connectInLanguage(port, "es")) {
            JsonNode greeting = chat.awaitBot("greeting");
            java.util.List<String> offered = greeting.path("suggestions")
                    .valueStream()
                    .map(JsonNode::asString)
                    .toList();
            assertThat(offered)
                    .isNotEmpty()
                    .allSatisfy(question -> assertThat(question).startsWith("¿"));

            // the shipped translation is not reviewed: the English answer with its source, then the offer in Spanish
            chat.say(offered.getFirst());
            JsonNode answer = chat.awaitBot("answer");
            assertThat(answer.path("source").path("articleId").asString()).isNotBlank();
            assertThat(answer.path("text").asString()).containsIgnoringCase("kyphoplasty");
            JsonNode offer = chat.awaitBot("handoff.offer");
            assertThat(offer.path("text").asString()).contains("inglés");
            assertThat(offer.path("lang").asString()).isEqualTo("es");
        }
    }

    @Test
    void aSpanishQuestionIsAnsweredFromTheEnglishArticleWithTheNoteWhileItsTranslationIsNotReviewed() throws Exception {
        try (ChatClient chat = ChatClient.connectInLanguage(port, "es")) {
            chat.awaitBot("greeting");
            chat.say("oiga, ¿es la cifoplastia una cirugía mayor?");
            JsonNode answer = chat.awaitBot("answer");
            assertThat(answer.path("lang").asString()).isEqualTo("en");
            assertThat(answer.path("source").path("articleId").asString())
                    .isEqualTo("kyphoplasty-compression-fractures");
            assertThat(chat.awaitBot("handoff.offer").path("text").asString()).contains("inglés");

            chat.say("¿y cuánto cuesta?");
            assertThat(chat.awaitBot("unknown").path("text").asString()).startsWith("No tengo información sobre eso");
        }
    }

    @Test
    void anEnglishPageOffersEnglishQuestions() throws Exception {
        try (ChatClient chat = ChatClient.connect(port)) {
            JsonNode greeting = chat.awaitBot("greeting");
            assertThat(greeting.path("suggestions")
                            .valueStream()
                            .map(JsonNode::asString)
                            .toList())
                    .isNotEmpty()
                    .noneSatisfy(question -> assertThat(question).startsWith("¿"));
        }
    }

    @Test
    void aConversationKeepsTheVisitorsLanguageUntilTheyWriteTheOther() throws Exception {
        try (ChatClient chat = ChatClient.connect(port)) {
            JsonNode greeting = chat.awaitBot("greeting");
            assertThat(greeting.path("text").asString()).startsWith("Hello");

            chat.say("hola, buenos días");
            JsonNode hello = chat.awaitBot("smalltalk");
            assertThat(hello.path("text").asString()).startsWith("¡Hola!");
            assertThat(hello.path("lang").asString()).isEqualTo("es");

            chat.say("ok");
            JsonNode okay = chat.awaitBot("smalltalk");
            assertThat(okay.path("text").asString()).startsWith("Está bien");
            assertThat(okay.path("disclaimer").asString()).contains("asistente automático");

            chat.say("thank you so much");
            JsonNode thanks = chat.awaitBot("smalltalk");
            assertThat(thanks.path("text").asString()).startsWith("You're welcome");
            assertThat(thanks.path("disclaimer").asString()).contains("automated assistant");
        }
    }

    @Test
    void aSpanishMessageWithoutTheUsualShortWordsIsStillAnsweredInSpanish() throws Exception {
        // on an English page, a first message with none of the function words the language is told by ("me", "van",
        // "a" and "o" are words of both languages) is told by the language detector
        try (ChatClient chat = ChatClient.connect(port)) {
            chat.awaitBot("greeting");
            chat.say("me van a dormir completa o nomas sedasion");
            JsonNode reply = chat.await(f -> f.path("type").asString().equals("bot")
                    && !f.path("kind").asString().equals("greeting"));
            if (!reply.path("lang").asString().equals("es")) {
                // an English answer from the article, then the Spanish note and offer
                assertThat(reply.path("kind").asString()).isEqualTo("answer");
                assertThat(chat.awaitBot("handoff.offer").path("lang").asString())
                        .isEqualTo("es");
            }
        }
    }

    @Test
    void aWordOrTwoOfEnglishKeepsASpanishConversationInSpanish() throws Exception {
        try (ChatClient chat = ChatClient.connectInLanguage(port, "es")) {
            assertThat(chat.awaitBot("greeting").path("lang").asString()).isEqualTo("es");

            chat.say("hello?");
            JsonNode hello = chat.awaitBot("smalltalk");
            assertThat(hello.path("lang").asString()).isEqualTo("es");
            assertThat(hello.path("text").asString()).startsWith("¡Hola!");

            // a visitor who writes English is answered in English
            chat.say("thank you so much for the help");
            assertThat(chat.awaitBot("smalltalk").path("lang").asString()).isEqualTo("en");
        }
    }
}
