package com.clinicfaq.curation;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicfaq.policy.ConversationPolicy;
import com.clinicfaq.policy.Decision;
import com.clinicfaq.policy.PolicyRules;
import com.clinicfaq.policy.SentenceEncoder;
import com.clinicfaq.search.Embedder;
import com.clinicfaq.search.OnnxEmbedder;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The policy's learned red-flag layer, as the service runs it (the shipped policy, the real embedding model): messages
 * written for these tests, in none of the red-flag sets, of the kinds that patterns and closeness used to miss.
 */
class LearnedRedFlagTests {

    private static final Embedder MODEL = OnnxEmbedder.allMiniLmL6V2();
    private static PolicyRules rules;
    private static List<String> questions;
    private static ConversationPolicy policy;

    @BeforeAll
    static void readThePolicy() {
        com.clinicfaq.TestKnowledgeBases.ShippedPolicy shipped = com.clinicfaq.TestKnowledgeBases.shippedPolicy();
        questions = shipped.questions();
        rules = shipped.rules();
        policy = new ConversationPolicy(rules, new PolicyEncoder(MODEL), questions);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ya no le encuentro sentido a nada, mis hijos estarian mejor sin mi y ya les escribi una carta a cada uno",
                "honestly everyone would be better off if i just wasnt here anymore. i gave my dog to my neighbor yesterday",
                "how long is the recovery for the ablation? asking bc i already decided this is my last christmas, im done"
            })
    void indirectSuicidalThinkingGetsTheCrisisLineFirst(String message) {
        Decision decision = policy.decide(message);

        assertThat(decision).isInstanceOf(Decision.Emergency.class);
        assertThat(((Decision.Emergency) decision).guidance()).contains("988");
    }

    @Test
    void spanishEmergenciesGetSpanishGuidanceAndStaffSeeWhy() {
        // no rule's words: the learned layer reads it, and says why
        Decision decision = policy.decide("mi esposo esta bien raro y se le ve la boca de ladito, que hago");

        assertThat(decision).isInstanceOf(Decision.Emergency.class);
        Decision.Emergency emergency = (Decision.Emergency) decision;
        assertThat(emergency.guidance()).contains("911").containsAnyOf("Llame", "llame");
        assertThat(emergency.basis()).startsWith("learned layer").contains("similar in meaning");

        // "bien" that says how much is no resolution, so the rule's words count too
        Decision withWords =
                policy.decide("mi esposo esta bien raro, no me contesta bien y se le ve la boca de ladito, que hago");
        assertThat(withWords).isInstanceOf(Decision.Emergency.class);
        assertThat(((Decision.Emergency) withWords).basis()).contains("no me contesta");
    }

    @Test
    void anEmergencyAfterAnOrdinaryQuestionIsCaught() {
        Decision decision = policy.decide("Do you take Medicare for the kyphoplasty? Also my moms lips and tounge are "
                + "swelling up since the new antibiotic and her voice sounds funny");

        assertThat(decision).isInstanceOf(Decision.Emergency.class);
        assertThat(((Decision.Emergency) decision).guidance()).contains("911");
    }

    @Test
    void theKindOfEmergencyIsWhatTheMessageSaysAsAWhole() {
        // the second sentence alone reads like any emergency; together they are suicidal thinking
        Decision decision = policy.decide(
                "My son keeps telling me he wants to kill himself. He just locked himself in the garage.");

        assertThat(decision).isInstanceOf(Decision.Emergency.class);
        assertThat(((Decision.Emergency) decision).guidance()).contains("988");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "what are the warning signs of a blood clot after kyphoplasty?",
                "my father had a stroke in 2018 and recovered well, can he still have the injection?",
                "the nurse said some soreness and bruising at the needle spot is normal, how many days does it last?",
                "esta espalda me esta matando jaja, cuanto cuesta la consulta?",
                "no tengo fiebre ni nada, solo quiero saber cuando me puedo bañar despues de la cifoplastia"
            })
    void calmMessagesWithAlarmingWordsAreAnswered(String message) {
        assertThat(policy.decide(message)).isNotInstanceOf(Decision.Emergency.class);
    }

    @Test
    void theLearnedLayerOverrulesA911PatternInALongCalmMessageAndStaffSeeWhy() {
        String message =
                "My wife has had a droopy mouth on the left side since a Bell's palsy episode years back, nothing new. "
                        + "Should we tell the doctor before her injection?";
        // the stroke rule's words match, read without meaning
        assertThat(new ConversationPolicy(rules).decide(message)).isInstanceOf(Decision.Emergency.class);

        assertThat(policy.decide(message)).isNotInstanceOf(Decision.Emergency.class);
        assertThat(policy.closestRedFlag(message))
                .hasValueSatisfying(why -> assertThat(why)
                        .contains("overruled")
                        .contains("rule stroke")
                        .contains("reads the message as calm"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "numbness in my legs",
                "honestly if I have to sit in one more waiting room I will kill myself lol. how long is the wait at your office usually?"
            })
    void aShortMessageAndTheSuicideLinesWordsAreNeverOverruled(String message) {
        // a message of a few words has too little around its words to be calm beyond doubt; a 988 rule's words always
        // count
        assertThat(policy.decide(message)).isInstanceOf(Decision.Emergency.class);
    }

    @Test
    void suicidalThinkingBesideAnotherEmergencyGetsTheCrisisLineWhichNames911Too() {
        Decision decision =
                policy.decide("my chest hurts and I can't breathe but honestly I don't care anymore, everyone would be "
                        + "better off without me");

        assertThat(decision).isInstanceOf(Decision.Emergency.class);
        assertThat(((Decision.Emergency) decision).guidance()).contains("988").contains("911");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"cancel", "yes", "no", "ok", "stop", "thanks", "no thanks", "cancelar", "si", "gracias", "bye"})
    void theWordsOfTheConversationItselfAreNeverAnEmergency(String word) {
        assertThat(policy.decide(word)).isNotInstanceOf(Decision.Emergency.class);
    }

    @Test
    void anOrdinaryQuestionTheLearnedLayerAlarmsOnIsNoEmergencyAndStaffSeeWhy() {
        // a follow-up about a procedure's rare complications, read by the learned layer as heavy bleeding (0.54); the
        // reading of ordinary messages is sure it is an ordinary one. (Its Spanish twin, "¿Y las complicaciones
        // raras?", is now below the learned layer's Spanish bar, 0.35, and needs no second reading.)
        String question = "and the rare ones?";

        assertThat(policy.decide(question)).isNotInstanceOf(Decision.Emergency.class);
        assertThat(policy.closestRedFlag(question))
                .hasValueSatisfying(why -> assertThat(why).contains("read as an ordinary message"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "my dad can't move his legs since this morning and he can't pee, is that from his stenosis?",
                "my husband suddenly can't speak right and his face is drooping, is that related to his injection?",
                "Do you take Medicare for the kyphoplasty? Also my moms lips and tounge are swelling up since the new "
                        + "antibiotic and her voice sounds funny"
            })
    void anEmergencyAskedAsAQuestionAboutAProcedureIsStillAnEmergency(String message) {
        assertThat(policy.decide(message)).isInstanceOf(Decision.Emergency.class);
    }

    @Test
    void staffSeeHowCloseACalmMessageCame() {
        assertThat(policy.closestRedFlag("what are the warning signs of a blood clot after kyphoplasty?"))
                .hasValueSatisfying(
                        why -> assertThat(why).startsWith("below the threshold").contains("learned layer"));
    }

    @Test
    void vectorsOfAnotherModelAreNotReadByTheLearnedLayer() {
        SentenceEncoder otherModel = new SentenceEncoder() {
            @Override
            public List<float[]> encode(List<String> sentences) {
                return MODEL.embedAll(sentences);
            }

            @Override
            public String model() {
                return "some-other-model";
            }
        };
        ConversationPolicy closenessOnly = new ConversationPolicy(rules, otherModel, questions);

        assertThat(closenessOnly.closestRedFlag("honestly everyone would be better off if i just wasnt here anymore"))
                .hasValueSatisfying(why -> assertThat(why).doesNotContain("learned layer"));
        assertThat(policy.closestRedFlag("honestly everyone would be better off if i just wasnt here anymore"))
                .hasValueSatisfying(why -> assertThat(why).contains("learned layer"));
    }

    @Test
    void anAlarmByMeaningIsReadAgainWithoutWhatTheMessageDeniesOrSetsInThePast() {
        // the layer alone reads a bleeding here (0.33); without the words denied, nothing urgent is left
        Decision stopped = policy.decide(
                "not bleeding anymore from the needle site, it stopped an hour ago. can I remove the bandage?");
        assertThat(stopped).isNotInstanceOf(Decision.Emergency.class);
        assertThat(policy.closestRedFlag(
                        "not bleeding anymore from the needle site, it stopped an hour ago. can I remove the bandage?"))
                .hasValueSatisfying(why -> assertThat(why).contains("not raised: calm once"));

        assertThat(policy.decide(
                        "bleeding stopped right away after removing the bandage, tiny pinpoint. ok to leave it open?"))
                .isNotInstanceOf(Decision.Emergency.class);

        // what is said now stays, whatever the message also says was normal or expected
        for (String urgent : List.of(
                "the nurse said some soreness is normal, but now he's gray, sweating buckets and can barely talk",
                "es normal que mi mama este toda morada de los labios y respirando bien feo?",
                "I was wondering if I can shower yet, also my mom keeps dozing off mid-sentence and we can't keep her "
                        + "awake")) {
            assertThat(policy.decide(urgent)).as(urgent).isInstanceOf(Decision.Emergency.class);
        }
    }
}
