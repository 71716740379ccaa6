package com.clinicfaq.policy;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.clinicfaq.curation.EvaluationSet;
import com.clinicfaq.curation.PolicyCase;
import com.clinicfaq.knowledge.Faq;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ConversationPolicyTests {

    private final ConversationPolicy policy = RealPolicy.policy();

    static List<PolicyCase> cases() {
        return PolicyCase.all(EvaluationSet.PROJECT_CHECKS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decidesEachVisitorMessageAsTheCaseFileSays(PolicyCase c) {
        assertThat(PolicyCase.outcome(policy.decide(c.message())))
                .as(c.toString())
                .isEqualTo(c.expected());
    }

    @Test
    void caseFileCoversEveryRuleAndEachEmergencyInSixWaysAndFiftyOrdinaryQuestions() {
        List<PolicyCase> cases = PolicyCase.all(EvaluationSet.PROJECT_CHECKS);
        Map<String, Long> perRule = cases.stream().collect(groupingBy(PolicyCase::rule, counting()));
        PolicyRules rules = policy.rules();

        assertThat(cases).hasSizeGreaterThanOrEqualTo(150);
        assertThat(cases)
                .extracting(PolicyCase::branch)
                .allMatch(b -> List.of("emergency", "clinician", "booking", "smalltalk", "knowledge")
                        .contains(b));
        assertThat(rules.emergency())
                .allSatisfy(rule -> assertThat(perRule.getOrDefault(rule.id(), 0L))
                        .as(rule.id())
                        .isGreaterThanOrEqualTo(6));
        Stream.of(rules.clinician(), rules.booking(), rules.smallTalk())
                .flatMap(List::stream)
                .forEach(rule -> assertThat(perRule).as("cases of " + rule.id()).containsKey(rule.id()));
        assertThat(cases).filteredOn(c -> c.branch().equals("knowledge")).hasSizeGreaterThanOrEqualTo(50);
    }

    @Test
    void emergencyBeatsClinicianBeatsBookingBeatsSmallTalk() {
        assertThat(PolicyCase.outcome(policy.decide("i cant feel my legs, am i a candidate? please call me, thanks")))
                .isEqualTo("emergency/leg-numbness-or-weakness");
        assertThat(PolicyCase.outcome(policy.decide("im on warfarin, can someone call me back? thanks")))
                .isEqualTo("clinician/medications");
        assertThat(PolicyCase.outcome(policy.decide("thanks, i want to book an appointment")))
                .isEqualTo("booking/appointment");
        assertThat(PolicyCase.outcome(policy.decide("hello, thank you"))).startsWith("smalltalk/");
    }

    @Test
    void aQuestionAboutWhenToCallOrComeInAsksTheKnowledgeBaseWhileARequestOpensTheForm() {
        // an article's "when to call" section answers these, for any procedure: they ask for advice, not for a call
        for (String message : List.of(
                "When should I call the office after my procedure?",
                "What symptoms after the procedure mean I should call the office right away?",
                "When should I call the doctor after a radiofrequency ablation?",
                "Do I need a driver after my RFA appointment?",
                "should we book a consult before the MRI?",
                "does my mother need to bring her MRI to the appointment?",
                "¿Cuándo debo llamar al consultorio después del procedimiento?",
                "cuando hay que llamar a la doctora despues de la inyeccion?")) {
            assertThat(PolicyCase.outcome(policy.decide(message))).as(message).isEqualTo("knowledge/");
        }
        for (String message : List.of(
                "I need an appointment",
                "can someone call me back",
                "when can I see the doctor?",
                "How do I schedule a consultation?",
                "I should probably book an appointment, can you set one up?",
                "please have the office call me tomorrow",
                "¿Cuándo puedo hacer una cita?",
                "quiero hacer una cita")) {
            assertThat(PolicyCase.outcome(policy.decide(message))).as(message).startsWith("booking/");
        }
    }

    @Test
    void aPersonalChoiceOfTreatmentOrWhenToStopAMedicineIsForAClinicianWhateverTheProcedure() {
        // what the bot must never give: a personal recommendation, or when a relative should stop her blood thinner
        for (String message : List.of(
                "I'm 74 with stenosis. Should I have the surgery or keep getting injections?",
                "should i get the nerve block or the ablation",
                "Should he have the stimulator implant?",
                "should i keep getting the shots")) {
            assertThat(PolicyCase.outcome(policy.decide(message))).as(message).isEqualTo("clinician/candidacy");
        }
        for (String message : List.of(
                "How many days before the block should my mom stop her Eliquis?",
                "does my dad have to quit his plavix for the injection")) {
            assertThat(PolicyCase.outcome(policy.decide(message))).as(message).isEqualTo("clinician/medications");
        }
        // what the articles answer, asked with "should I", stays a question for the knowledge base
        for (String message : List.of(
                "What should I wear to the procedure?",
                "How long should I wait to shower after the injection?",
                "should i bring someone to drive me home after the procedure",
                "when does the pain stop after the ablation")) {
            assertThat(PolicyCase.outcome(policy.decide(message))).as(message).isEqualTo("knowledge/");
        }
    }

    @Test
    void thanksToAnAuthorOfTheKnowledgeBaseIsSmallTalkWithoutAnyNameInTheCode() {
        ConversationPolicy withAuthor =
                new ConversationPolicy(policy.rules(), null, List.of(), List.of("Jordan Example, M.D."));

        assertThat(withAuthor.decide("thank you dr example!")).isInstanceOf(Decision.SmallTalk.class);
        assertThat(withAuthor.withEncoder(null).decide("thanks so much doctor example"))
                .isInstanceOf(Decision.SmallTalk.class);
        // a name that wrote none of the articles is something the visitor asks about
        assertThat(policy.decide("thank you dr example!")).isInstanceOf(Decision.AskKnowledgeBase.class);
    }

    @Test
    void smallTalkInFrontOfAQuestionIsNotSmallTalk() {
        assertThat(policy.decide("hi how long does kyphoplasty take")).isInstanceOf(Decision.AskKnowledgeBase.class);
        assertThat(policy.decide("thanks! and can i drive after?")).isInstanceOf(Decision.AskKnowledgeBase.class);
        assertThat(policy.decide("thanks!")).isInstanceOf(Decision.SmallTalk.class);
    }

    @Test
    void escalatesChestPainAfterProcedureWithItsGuidance() {
        Decision decision = policy.decide("my chest hurts since the procedure");

        assertThat(decision).isInstanceOfSatisfying(Decision.Emergency.class, emergency -> {
            assertThat(emergency.ruleId()).isEqualTo("chest-pain");
            assertThat(emergency.title()).isNotBlank();
            assertThat(emergency.guidance()).contains("911");
        });
    }

    @Test
    void answersSelfHarmWithTheCrisisLifeline() {
        assertThat(policy.decide("i dont want to live anymore"))
                .isInstanceOfSatisfying(
                        Decision.Emergency.class,
                        emergency ->
                                assertThat(emergency.guidance()).contains("988", "Suicide & Crisis Lifeline", "911"));
    }

    @Test
    void everyEmergencyGuidanceSendsToEmergencyServices() {
        assertThat(policy.rules().emergency())
                .allSatisfy(rule -> assertThat(rule.reply()).contains("911"));
        assertThat(policy.rules().emergency())
                .filteredOn(rule -> !rule.id().equals("self-harm"))
                .allSatisfy(rule -> assertThat(rule.reply()).containsIgnoringCase("call 911"));
    }

    @Test
    void saysItIsAnAutomatedAssistantWhenAskedIfItIsARealPerson() {
        assertThat(policy.decide("are you a real person?"))
                .isInstanceOfSatisfying(
                        Decision.SmallTalk.class,
                        smallTalk -> assertThat(smallTalk.reply()).containsIgnoringCase("automated assistant"));
    }

    @Test
    void curatedTextsInventNoPhoneNumbersPricesOrHours() {
        PolicyRules rules = policy.rules();
        Texts texts = rules.texts();
        List<String> all = new ArrayList<>(List.of(
                texts.disclaimer(),
                texts.greeting(),
                texts.unknown(),
                texts.outOfScope(),
                texts.clinicianNote(),
                texts.handoffOffer(),
                texts.handoffAccepted(),
                texts.handoffConfirmed(),
                texts.handoffCancelled()));
        all.addAll(texts.suggestions());
        Stream.of(rules.emergency(), rules.smallTalk()).flatMap(List::stream).forEach(rule -> all.add(rule.reply()));

        assertThat(all).allSatisfy(text -> {
            assertThat(text).isNotBlank();
            assertThat(text.replace("911", "").replace("988", ""))
                    .doesNotContainPattern("\\d")
                    .doesNotContain("$");
        });
        assertThat(texts.disclaimer()).contains("automated assistant", "not medical advice", "911");
    }

    @Test
    void suggestedQuestionsAreQuestionsTheKnowledgeBaseAnswers() {
        List<String> asked = RealPolicy.faqQuestions().stream()
                .map(ConversationPolicyTests::plain)
                .toList();

        assertThat(policy.rules().texts().suggestions()).hasSizeBetween(3, 4).allSatisfy(suggestion -> {
            assertThat(asked).contains(plain(suggestion));
            assertThat(policy.decide(suggestion)).isInstanceOf(Decision.AskKnowledgeBase.class);
        });
    }

    @Test
    void noKnowledgeBaseQuestionIsTakenForAnEmergency() {
        assertThat(RealPolicy.faqQuestions())
                .filteredOn(q -> policy.decide(q) instanceof Decision.Emergency)
                .isEmpty();
    }

    /**
     * The few FAQ phrasings that land on clinician or booking are all about the visitor's own
     * candidacy or conditions, where a clinician must answer; any new one has to be reviewed here.
     */
    @Test
    void atMostAFewKnowledgeBaseQuestionsGoToAClinicianOrBookingAndOnlyPersonalOnes() {
        List<String> diverted = new ArrayList<>();
        for (Faq faq : RealPolicy.faqs()) {
            for (String question : Stream.concat(Stream.of(faq.question()), faq.phrasings().stream())
                    .toList()) {
                Decision decision = policy.decide(question);
                if (decision instanceof Decision.NeedsClinician || decision instanceof Decision.Booking) {
                    diverted.add(faq.id() + ": " + question + " → " + PolicyCase.outcome(decision));
                }
            }
        }

        assertThat(diverted.size())
                .as(String.join("\n", diverted))
                .isLessThanOrEqualTo(RealPolicy.faqQuestions().size() * 5 / 100);
        assertThat(diverted).containsExactlyInAnyOrder(PERSONAL_FAQ_PHRASINGS);
    }

    private static final String[] PERSONAL_FAQ_PHRASINGS = {
        "benefits: why should i get kyphoplasty → clinician/candidacy",
        "ideal-candidates: am i a candidate → clinician/candidacy",
        "ideal-candidates: am i eligible for kyphoplasty → clinician/candidacy",
        "ideal-candidates: is kyphoplasty right for me → clinician/candidacy",
        "ideal-candidates: could kyphoplasty help me → clinician/candidacy",
        "ideal-candidates: do i qualify → clinician/candidacy",
        "ideal-candidates: would i be a good fit for this procedure → clinician/candidacy",
        "not-a-candidate: can i have it if i have an infection → clinician/health-conditions",
        "not-a-candidate: can i have kyphoplasty with cancer in my spine → clinician/health-conditions",
        "health-considerations: i have had infections before, does that matter? → clinician/health-conditions",
    };

    static Stream<String> oddInputs() {
        return Stream.of(
                null,
                "",
                " ",
                "\t\n\r",
                "x".repeat(10_000),
                "kyphoplasty ".repeat(900),
                "👍",
                "🙂🙂🙂 ?",
                "\u0000\u0001\u0007\u001b[31m",
                "+|*",
                "*",
                "| + |",
                "<number>",
                "'''",
                "’",
                "ﬁ",
                "ǅ",
                "\uD800",
                "İSTANBUL",
                "١٢٣",
                "a\u0301",
                String.join(" ", java.util.Collections.nCopies(2_000, "chest")));
    }

    @ParameterizedTest
    @MethodSource("oddInputs")
    void neverThrowsOnOddInput(String message) {
        Decision decision = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> policy.decide(message));

        assertThat(decision).isNotNull();
        assertThat(decision.ruleId()).isNotNull();
    }

    @Test
    void decidesAnEmptyMessageAsAQuestionForTheKnowledgeBase() {
        assertThat(policy.decide("")).isEqualTo(new Decision.AskKnowledgeBase());
        assertThat(policy.decide("").ruleId()).isEmpty();
    }

    private static String plain(String question) {
        return Arrays.stream(question.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> !w.isEmpty())
                .reduce((a, b) -> a + " " + b)
                .orElse("");
    }
}
