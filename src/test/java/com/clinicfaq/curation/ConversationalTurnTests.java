package com.clinicfaq.curation;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicfaq.policy.ConversationPolicy;
import com.clinicfaq.policy.Decision;
import com.clinicfaq.search.OnnxEmbedder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Conversational turns recognised by meaning (issue #19), as the service runs the shipped policy with the real embedding
 * model: messages written for these tests, in none of the blind sets, that the small-talk rules' words do not cover.
 */
class ConversationalTurnTests {

    private static ConversationPolicy policy;
    private static ConversationPolicy patternsOnly;

    @BeforeAll
    static void readThePolicy() {
        com.clinicfaq.TestKnowledgeBases.ShippedPolicy shipped = com.clinicfaq.TestKnowledgeBases.shippedPolicy();
        policy = new ConversationPolicy(
                shipped.rules(), new PolicyEncoder(OnnxEmbedder.allMiniLmL6V2()), shipped.questions());
        patternsOnly = new ConversationPolicy(shipped.rules());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ok got it, so the cement sets in minutes                  | acknowledgement
            alright, thank you for explaining all of that to my wife  | thanks
            you keep giving me the same paragraph, not helpful        | not-helpful
            what sorts of things are you able to help with            | about-assistant
            ok that's all I needed, have a good evening               | goodbye
            good morning, I'm writing this for my mother              | greeting
            hi this is june im 83 and my son set this up for me       | greeting
            muchas gracias por la informacion mija                    | thanks
            """)
    void aConversationalTurnIsAnsweredAsWhatItIsThoughTheRulesWordsDoNotCoverIt(String message, String rule) {
        assertThat(patternsOnly.decide(message)).isInstanceOf(Decision.AskKnowledgeBase.class);

        Decision decision = policy.decide(message);

        assertThat(decision).isInstanceOf(Decision.SmallTalk.class);
        assertThat(decision.ruleId()).isEqualTo(rule);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "thanks. and how long is the recovery?",
                "ok, but does insurance cover it",
                "got it. can my husband drive me home after?",
                "hi, what is kyphoplasty"
            })
    void aTurnThatAsksSomethingGoesToTheKnowledgeBaseWhateverItsOpening(String message) {
        assertThat(policy.decide(message)).isInstanceOf(Decision.AskKnowledgeBase.class);
    }

    @Test
    void aComplaintThatTheAnswerMissedOffersAMemberOfStaff() {
        Decision decision = policy.decide("that is not what I was asking about at all");

        assertThat(decision).isInstanceOf(Decision.SmallTalk.class);
        assertThat(((Decision.SmallTalk) decision).offersHandoff()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"thank you very much", "ok makes sense now", "I see. thank you very much"})
    void everydayThanksAndAcknowledgementsRaiseNoAlarm(String message) {
        assertThat(policy.decide(message)).isInstanceOf(Decision.SmallTalk.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "thank you for everything. goodbye",
                "i just wanted to say thank you and goodbye",
                "gracias por todo, adiós",
                "thanks for everything doc, i wont need the appointment anymore",
                // a farewell is never quieted, though it reads as one: saying goodbye is a sign of suicidal thinking
                "thanks. i'm done. bye"
            })
    void aFarewellThatMayBeSuicidalStillGetsUrgentGuidanceFirst(String message) {
        assertThat(policy.decide(message)).isInstanceOf(Decision.Emergency.class);
    }

    @Test
    void aVisitorWhoSaysTheyWillCallIsSaidGoodbyeToNotSentTheContactForm() {
        String message = "ok I'll just ring the office tomorrow then, bye";
        assertThat(patternsOnly.decide(message)).isInstanceOf(Decision.Booking.class);

        assertThat(policy.decide(message))
                .isInstanceOf(Decision.SmallTalk.class)
                .extracting(Decision::ruleId)
                .isEqualTo("goodbye");
    }
}
