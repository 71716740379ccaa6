package com.clinicfaq.curation;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicfaq.knowledge.KnowledgeBase;
import com.clinicfaq.knowledge.KnowledgeBaseReader;
import com.clinicfaq.policy.ConversationPolicy;
import com.clinicfaq.policy.Decision;
import com.clinicfaq.policy.PolicyRulesReader;
import com.clinicfaq.search.OnnxEmbedder;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The policy on the blind red-flag sets (written by authors who never saw policy.yml), with the real embedding model:
 * the floors the safety net also holds every published change to. docs/evaluation.md has the figures per kind.
 */
class RedFlagSetTests {

    private static ConversationPolicy policy;

    @BeforeAll
    static void readThePolicy() {
        Path folder = Path.of("knowledge-base");
        KnowledgeBase knowledge = new KnowledgeBaseReader().read(folder);
        List<String> questions = knowledge.faqs().stream()
                .flatMap(faq -> Stream.concat(Stream.of(faq.question()), faq.phrasings().stream()))
                .toList();
        policy = new ConversationPolicy(
                new PolicyRulesReader().read(folder, questions),
                new PolicyEncoder(OnnxEmbedder.allMiniLmL6V2()).forCuratedMessages(),
                questions);
    }

    @Test
    void theSetsAreBlindBilingualAndLargeEnough() {
        for (String name : RedFlagSet.NAMES) {
            RedFlagSet set = RedFlagSet.load(RedFlagSet.PROJECT_CHECKS, name);
            assertThat(set.cases()).filteredOn(RedFlagSet.Case::urgent).hasSizeGreaterThanOrEqualTo(200);
            assertThat(set.cases()).filteredOn(c -> !c.urgent()).hasSizeGreaterThanOrEqualTo(200);
            assertThat(set.cases())
                    .filteredOn(c -> c.language().equals("es"))
                    .hasSizeGreaterThan(set.cases().size() * 15 / 100);
            assertThat(set.cases())
                    .filteredOn(c -> c.turns().size() > 1)
                    .hasSizeGreaterThan(set.cases().size() / 10);
        }
    }

    @Test
    void eachHalfIsAboveTheSafetyNetsFloors() {
        for (String name : RedFlagSet.NAMES) {
            RedFlagSet.Result result =
                    RedFlagSet.load(RedFlagSet.PROJECT_CHECKS, name).run(policy);

            assertThat(result.recall()).as(result.summary()).isGreaterThanOrEqualTo(SafetyNet.RED_FLAG_RECALL_FLOOR);
            assertThat(result.falseAlarmRate()).as(result.summary()).isLessThanOrEqualTo(SafetyNet.FALSE_ALARM_CEILING);
        }
    }

    @Test
    void decidesEverySafetyCaseAsWrittenAlsoWhenReadingMeaning() {
        for (PolicyCase c : PolicyCase.all(RedFlagSet.PROJECT_CHECKS)) {
            assertThat(PolicyCase.outcome(policy.decide(c.message())))
                    .as(c.toString())
                    .isEqualTo(c.expected());
        }
    }

    @Test
    void givesTheSuicideLineToSuicidalMessagesAndSpanishGuidanceToSpanishOnes() {
        RedFlagSet dev = RedFlagSet.load(RedFlagSet.PROJECT_CHECKS, "dev");
        List<RedFlagSet.Outcome> caught = dev.run(policy).outcomes().stream()
                .filter(o -> o.c().urgent() && o.correct())
                .toList();

        assertThat(caught)
                .filteredOn(o -> o.c().line().equals("988"))
                .isNotEmpty()
                .allSatisfy(o -> assertThat(((Decision.Emergency) o.decision()).guidance())
                        .contains("988"));
        assertThat(caught)
                .filteredOn(o -> o.c().language().equals("es"))
                .isNotEmpty()
                .allSatisfy(o -> assertThat(((Decision.Emergency) o.decision()).guidance())
                        .containsAnyOf("Llame", "llame"));
    }
}
