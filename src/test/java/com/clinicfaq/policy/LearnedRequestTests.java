package com.clinicfaq.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicfaq.search.OnnxEmbedder;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The learned reading of requests (an appointment, a call back, a person), as the shipped policy runs it with the real
 * embedding model: requests in words the booking rules do not have open the contact form, and questions that only
 * speak of appointments are still answered. The messages were written for these tests and are in none of the sets.
 */
class LearnedRequestTests {

    private static final OnnxEmbedder MODEL = OnnxEmbedder.allMiniLmL6V2();
    private static ConversationPolicy policy;
    private static ConversationPolicy wordsAlone;

    @BeforeAll
    static void readThePolicy() {
        com.clinicfaq.TestKnowledgeBases.ShippedPolicy shipped = com.clinicfaq.TestKnowledgeBases.shippedPolicy();
        SentenceEncoder encoder = Encoders.of(MODEL);
        policy = new ConversationPolicy(shipped.rules(), encoder, shipped.questions(), List.of());
        wordsAlone = policy.withBookings(null);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "could you squeeze my father in sometime next week? his back has been bad since he fell",
                "could you fit my dad in next week?",
                "me pueden acomodar a mi suegra la otra semana con la doctora, porfa",
                "me pueden dar un espacio con la doctora para mi suegra"
            })
    void aRequestInWordsTheRulesDoNotHaveOpensTheContactForm(String message) {
        assertThat(wordsAlone.decide(message)).isInstanceOf(Decision.AskKnowledgeBase.class);

        assertThat(policy.decide(message)).isInstanceOf(Decision.Booking.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "what should my mother bring to her first visit?",
                "how long does the first consultation usually take?",
                "¿cuánto dura la primera consulta con la doctora?",
                "will the nurse go over the results with me at the follow-up visit?"
            })
    void aQuestionThatSpeaksOfAppointmentsIsStillAnswered(String message) {
        assertThat(policy.decide(message)).isInstanceOf(Decision.AskKnowledgeBase.class);
    }

    @Test
    void aQuestionWithAPhoneNumberAndAnEmailIsStillTheQuestion() {
        assertThat(policy.decide("Can my dog come along? 707-555-0100, ann.lee@example.com"))
                .isInstanceOf(Decision.AskKnowledgeBase.class);
    }

    @Test
    void aLearnedRequestIsTheBookingRuleWhoseExamplesAreClosestInMeaning() {
        Decision decision =
                policy.decide("I would be grateful if the scheduler could reach out to me at her convenience");

        assertThat(decision).isInstanceOf(Decision.Booking.class);
        assertThat(((Decision.Booking) decision).ruleId()).isEqualTo("call-back");
    }
}
