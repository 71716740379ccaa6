package com.clinicfaq.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicfaq.search.OnnxEmbedder;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A calm message staff add to {@code not-emergencies:} holds at once where the learned red-flag layer alarms, before
 * the layer is retrained. The shipped policy with the real embedding model, without the reading of ordinary messages
 * (which would quiet the same courtesy by itself, see LearnedRedFlagTests), so that the curated line is what is shown.
 */
class CuratedCalmMessageTests {

    private static final OnnxEmbedder MODEL = OnnxEmbedder.allMiniLmL6V2();

    private static ConversationPolicy policy(PolicyRules rules, List<String> questions) {
        SentenceEncoder encoder = Encoders.of(MODEL);
        return new ConversationPolicy(rules, encoder, questions, List.of()).withOrdinary(null);
    }

    @Test
    void aCalmMessageStaffCuratedHoldsAtOnceWhereTheLearnedLayerAlarmsAndAnEmergencyNearItStaysOne() {
        com.clinicfaq.TestKnowledgeBases.ShippedPolicy shipped = com.clinicfaq.TestKnowledgeBases.shippedPolicy();
        PolicyRules rules = shipped.rules();
        // the learned layer, trained before staff added the courtesy to not-emergencies, reads it as an allergic
        // reaction; the curated calm message holds for the same words and others all but the same
        String courtesy = "que amable, Dios la bendiga";
        assertThat(rules.notEmergencies()).contains("que amable, Dios lo bendiga");
        ConversationPolicy policy = policy(rules, shipped.questions());
        assertThat(policy.decide(courtesy)).isNotInstanceOf(Decision.Emergency.class);
        PolicyRules withoutIt = new PolicyRules(
                rules.texts(),
                rules.emergency(),
                rules.clinician(),
                rules.booking(),
                rules.smallTalk(),
                rules.notEmergencies().stream()
                        .filter(calm -> !calm.startsWith("que amable"))
                        .toList());
        assertThat(policy(withoutIt, shipped.questions()).decide(courtesy)).isInstanceOf(Decision.Emergency.class);
        // a calm example never hides an emergency that is closer to one of the emergencies' own
        assertThat(policy.decide("tomo anticoagulantes y estoy sangrando mucho de la herida, no para"))
                .isInstanceOf(Decision.Emergency.class);
    }
}
