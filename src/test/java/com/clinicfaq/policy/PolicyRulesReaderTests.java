package com.clinicfaq.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clinicfaq.knowledge.KnowledgeBaseFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyRulesReaderTests {

    private static final List<String> ORDINARY = RealPolicy.faqQuestions();

    private final PolicyRulesReader reader = new PolicyRulesReader();

    @TempDir
    Path folder;

    @Test
    void readsTheRealPolicyWithItsTextsAndRulesInOrder() {
        PolicyRules rules = reader.read(RealPolicy.KNOWLEDGE_BASE, ORDINARY);

        assertThat(rules.texts().disclaimer()).startsWith("I am an automated assistant.");
        assertThat(rules.texts().suggestions()).contains("What is kyphoplasty?");
        assertThat(rules.emergency())
                .extracting(Rule::id)
                .containsExactly(
                        "self-harm",
                        "overdose",
                        "stroke",
                        "severe-allergic-reaction",
                        "heavy-bleeding",
                        "unresponsive",
                        "sudden-severe-headache",
                        "leg-numbness-or-weakness",
                        "bladder-or-bowel-control",
                        "chest-pain",
                        "trouble-breathing",
                        "fever-or-wound",
                        "bad-fall",
                        "other-danger",
                        "violence");
        assertThat(rules.emergency())
                .allSatisfy(rule -> assertThat(rule.replyEs()).contains("911"));
        assertThat(rules.texts().disclaimerEs()).contains("911");
        assertThat(rules.notEmergencies()).isNotEmpty();
        assertThat(rules.clinician())
                .extracting(Rule::id)
                .containsExactly("medications", "health-conditions", "scan-results", "symptoms", "candidacy");
        assertThat(rules.booking())
                .extracting(Rule::id)
                .containsExactly("appointment", "call-back", "talk-to-a-person");
        assertThat(rules.smallTalk())
                .extracting(Rule::id)
                .containsExactly(
                        "are-you-a-person",
                        "about-assistant",
                        "not-helpful",
                        "goodbye",
                        "thanks",
                        "languages",
                        "greeting",
                        "acknowledgement");
        assertThat(rules.clinician())
                .allSatisfy(rule -> assertThat(rule.reply()).isEmpty());
    }

    @Test
    void refusesAFileWithoutTheDisclaimer() throws IOException {
        String policy = realPolicy();
        String broken = policy.replaceFirst("(?m)^  disclaimer: >-\\n(    .*\\n)+", "");

        assertRefused(broken, lineOf(broken, "texts:"), "'disclaimer' is missing");
    }

    @Test
    void refusesABlankText() throws IOException {
        String broken = realPolicy().replaceFirst("(?m)^  handoff-offer: >-\\n    .*\\n", "  handoff-offer: \"  \"\n");

        assertRefused(broken, lineOf(broken, "handoff-offer:"), "must not be blank");
    }

    @Test
    void refusesATextOrASmallTalkReplyWithoutItsSpanish() throws IOException {
        String withoutSpanishForm = realPolicy().replaceFirst("(?m)^  handoff-accepted-es: >-\\n(    .*\\n)+", "");
        assertRefused(
                withoutSpanishForm,
                lineOf(withoutSpanishForm, "  handoff-accepted:"),
                "'handoff-accepted-es' is missing");

        String withoutSpanishThanks =
                realPolicy().replaceFirst("(?m)^(  - id: thanks\\n(    .*\\n)*?)    reply-es: >-\\n      .*\\n", "$1");
        assertRefused(withoutSpanishThanks, lineOf(withoutSpanishThanks, "- id: thanks"), "'reply-es'");
    }

    @Test
    void refusesTwoRulesWithTheSameId() throws IOException {
        String broken = realPolicy().replace("- id: trouble-breathing", "- id: chest-pain");

        assertRefused(
                broken,
                lineOf(broken, "- id: chest-pain", 2),
                "the id 'chest-pain' is already used by the rule on line " + lineOf(broken, "- id: chest-pain"));
    }

    @Test
    void refusesARuleWithoutExamples() throws IOException {
        String broken = realPolicy()
                .replaceFirst(
                        "(?m)(- id: call-back\\n(?:    (?!examples:).*\\n)+)    examples:\\n(      - .*\\n)+", "$1");

        assertThat(broken).isNotEqualTo(realPolicy());
        assertRefused(broken, lineOf(broken, "- id: call-back"), "rule 'call-back' needs at least one example");
    }

    @Test
    void refusesAnExampleThatDoesNotMatchItsRule() throws IOException {
        String broken = realPolicy()
                .replace("      - CHEST PAIN\n", "      - CHEST PAIN\n      - how long does kyphoplasty take\n");

        assertRefused(
                broken,
                lineOf(broken, "- how long does kyphoplasty take"),
                "the example 'how long does kyphoplasty take' does not match any pattern of rule 'chest-pain'");
    }

    @Test
    void refusesAClinicianExampleThatAnEmergencyRuleCatchesFirst() throws IOException {
        String broken = realPolicy()
                .replace(
                        "      - am i a candidate\n",
                        "      - am i a candidate\n      - am i a candidate i cant feel my legs\n");

        assertRefused(
                broken,
                lineOf(broken, "- am i a candidate i cant feel my legs"),
                "is caught first by the emergency rule 'leg-numbness-or-weakness'");
    }

    @Test
    void refusesAPatternWithAnEmptyGroup() throws IOException {
        String broken = realPolicy()
                .replace("      - having a heart attack\n", "      - having a heart attack\n      - 'chest + '\n");

        assertRefused(broken, lineOf(broken, "- 'chest + '"), "empty group");
    }

    @Test
    void refusesAPatternThatIsOnlyAStar() throws IOException {
        String broken = realPolicy()
                .replace("      - having a heart attack\n", "      - having a heart attack\n      - 'chest + *'\n");

        assertRefused(broken, lineOf(broken, "- 'chest + *'"), "'*' on its own");
    }

    @Test
    void refusesARuleThatWouldMatchEverything() throws IOException {
        String broken = realPolicy().replace("\nsmall-talk:\n", """

                  - id: everything
                    title: Everything
                    patterns:
                      - the|a|is|what|how
                    examples:
                      - what is it

                small-talk:
                """);

        assertRefused(broken, lineOf(broken, "- id: everything"), "rule 'everything' would match everything");
    }

    @Test
    void refusesAnUnknownKey() throws IOException {
        String broken = realPolicy().replaceFirst("    guidance: >-", "    guidence: >-");

        assertRefused(broken, lineOf(broken, "guidence:"), "unknown key 'guidence'");
    }

    @Test
    void refusesASuggestionTheKnowledgeBaseWouldNotGet() throws IOException {
        String broken = realPolicy().replace("    - What is kyphoplasty?\n", "    - Can I talk to a person?\n");

        assertRefused(
                broken,
                lineOf(broken, "texts:"),
                "the suggestion 'Can I talk to a person?' is caught first by the booking rule");
    }

    @Test
    void refusesSuggestionsWithoutTheirSpanishOrWithADifferentNumberOfThem() throws IOException {
        String withoutSpanish = realPolicy().replaceFirst("(?m)^  suggestions-es:\\n(    - .*\\n)+", "");
        assertRefused(withoutSpanish, lineOf(withoutSpanish, "suggestions:"), "'suggestions-es' is missing");

        String oneShort = realPolicy().replace("    - ¿Cómo es la recuperación?\n", "");
        assertRefused(
                oneShort, lineOf(oneShort, "suggestions-es:"), "'suggestions-es' has 3 questions and 'suggestions' 4");

        String notAQuestion = realPolicy().replace("    - ¿Qué es la cifoplastia?\n", "    - quiero hacer una cita\n");
        assertRefused(
                notAQuestion,
                lineOf(notAQuestion, "texts:"),
                "the suggestion 'quiero hacer una cita' is caught first by the booking rule");
    }

    @Test
    void refusesInvalidYamlWithItsLine() throws IOException {
        String broken = realPolicy()
                .replace("      - having a heart attack\n", "      - having a heart attack\n      - *chest\n");

        assertRefused(broken, lineOf(broken, "- *chest"), "not valid YAML");
    }

    @Test
    void reportsAMissingFile() {
        assertThatThrownBy(() -> reader.read(folder, ORDINARY))
                .isInstanceOf(KnowledgeBaseFormatException.class)
                .hasMessageContaining("policy.yml")
                .hasMessageContaining("file not found");
    }

    private static String realPolicy() throws IOException {
        return Files.readString(RealPolicy.KNOWLEDGE_BASE.resolve(PolicyRulesReader.FILE));
    }

    private void assertRefused(String policy, int line, String problem) throws IOException {
        Files.writeString(folder.resolve(PolicyRulesReader.FILE), policy);

        assertThatThrownBy(() -> reader.read(folder, ORDINARY))
                .isInstanceOfSatisfying(KnowledgeBaseFormatException.class, e -> {
                    assertThat(e.file()).endsWith("policy.yml");
                    assertThat(e.line()).as(e.getMessage()).isEqualTo(line);
                })
                .hasMessageContaining("policy.yml:" + line + ": ")
                .hasMessageContaining(problem);
    }

    private static int lineOf(String text, String needle) {
        return lineOf(text, needle, 1);
    }

    /** The 1-based line of the n-th line containing the needle. */
    private static int lineOf(String text, String needle, int occurrence) {
        List<String> lines = text.lines().toList();
        int seen = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(needle) && ++seen == occurrence) {
                return i + 1;
            }
        }
        throw new AssertionError("'" + needle + "' not found " + occurrence + " times");
    }
}
