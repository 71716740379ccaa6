package com.clinicfaq.curation;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicfaq.policy.ConversationPolicy;
import com.clinicfaq.policy.Decision;
import com.clinicfaq.search.OnnxEmbedder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A message that speaks of a medicine is read a second time by the model of such messages, as the service runs the
 * shipped policy with the real embedding model: handling a medicine is calm, an overdose or a stash kept with intent
 * is not. Messages written for this test, in neither the training nor any evaluation set.
 */
class MedicineReadingTests {

    private static ConversationPolicy policy;

    @BeforeAll
    static void readThePolicy() {
        com.clinicfaq.TestKnowledgeBases.ShippedPolicy shipped = com.clinicfaq.TestKnowledgeBases.shippedPolicy();
        policy = new ConversationPolicy(
                shipped.rules(), new PolicyEncoder(OnnxEmbedder.allMiniLmL6V2()), shipped.questions());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "where should I keep my oxycodone so the grandkids can't reach it when they visit?",
                "mi papa fallecio y dejo unos parches de fentanilo, donde los puedo tirar?",
                "the tramadol is huge and hard to swallow, can I cut it in half?",
                "tengo como 30 pastillas de hidrocodona que ya no uso, las puedo llevar a la farmacia?"
            })
    void handlingAMedicineIsCalmThoughTheFirstReadingAlarms(String message) {
        assertThat(policy.decide(message)).isNotInstanceOf(Decision.Emergency.class);
        // the learned layer alone reads it as an emergency: the model of messages about medicines quiets it
        assertThat(policy.closestRedFlag(message).orElseThrow())
                .contains("calm by the model of messages that speak of a medicine");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "I keep my oxy in a drawer. I've decided tonight I'm taking every one of them.",
                "ya tengo juntadas bastantes pastillas y esta noche me las tomo todas",
                "my wife took 3 of my fentanyl patches and she's breathing really slow",
                "got two months of my norco saved up in a coffee can, nobody will have to drive me anywhere soon",
                "la nena se metio un parche a la boca, se lo quite pero esta bien floja"
            })
    void anOverdoseOrAStashKeptWithIntentStaysAnEmergency(String message) {
        assertThat(policy.decide(message)).isInstanceOf(Decision.Emergency.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Rxn to contrast? Lips swelling, wheeze, BP 80/50. No EpiPen.",
                "New L leg weakness 3/5, numb to groin. Worsening over hrs. s/p kypho L1."
            })
    void theLearnedLayerNeverOverrulesARulesWordsInAClinicalNote(String message) {
        assertThat(policy.decide(message)).isInstanceOf(Decision.Emergency.class);
    }
}
