package com.clinicfaq.curation;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicfaq.ApplicationTest;
import com.clinicfaq.conversation.web.ChatClient;
import com.clinicfaq.policy.Decision;
import com.clinicfaq.search.Answer;
import com.clinicfaq.search.AnswerEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Changes take effect at once without a restart, or are refused and change nothing. */
@ApplicationTest.Unthrottled
class PublishingIntegrationTests {

    static final String DURATION =
            "The entire procedure typically takes 45 to 60 minutes, and most patients go home the same day.";

    @LocalServerPort
    int port;

    @Autowired
    KnowledgePublisher publisher;

    @Autowired
    LiveKnowledge live;

    @Autowired
    KnowledgeVersions versions;

    @Autowired
    AnswerEngine engine;

    @Test
    void aPublishedChangeIsWhatTheChatAnswersAtOnceAndAnyVersionCanBeRestored() throws Exception {
        long before = live.version();
        KnowledgeFiles changed =
                withFaqAnswer(live.get().files(), DURATION, DURATION + " Please bring someone to drive you home.");

        var outcome = publisher.publish(changed, "edith", "Who drives home", false);

        assertThat(outcome).isInstanceOf(KnowledgePublisher.Outcome.Published.class);
        assertThat(live.version()).isGreaterThan(before);
        try (ChatClient chat = ChatClient.connect(port)) {
            chat.awaitType("welcome");
            chat.say("how long does the procedure take");
            assertThat(chat.awaitBot("answer").path("text").asString())
                    .contains("45 to 60 minutes", "bring someone to drive you home");
        }
        assertThat(versions.latest().orElseThrow()).satisfies(v -> {
            assertThat(v.createdBy()).isEqualTo("edith");
            assertThat(v.comment()).isEqualTo("Who drives home");
        });

        var restored = publisher.restore(before, "edith", false);

        assertThat(restored)
                .isInstanceOfSatisfying(
                        KnowledgePublisher.Outcome.Published.class,
                        p -> assertThat(p.version().restoredFrom()).isEqualTo(before));
        assertThat(answerText("how long does the procedure take"))
                .contains("45 to 60 minutes")
                .doesNotContain("drive you home");
        assertThat(live.get().files()).isEqualTo(versions.files(before));
    }

    @Test
    void aFileThatDoesNotReadIsRefusedWithItsLineAndTheOldVersionKeepsServing() {
        long before = live.version();
        KnowledgeFiles broken = live.get()
                .files()
                .with(
                        "faqs/kyphoplasty-compression-fractures.md",
                        live.get()
                                .files()
                                .files()
                                .get("faqs/kyphoplasty-compression-fractures.md")
                                .replace("section: quick-insights", "section: no-such-section"));

        var outcome = publisher.publish(broken, "edith", "typo", false);

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        KnowledgePublisher.Outcome.Invalid.class,
                        invalid -> assertThat(invalid.message())
                                .startsWith("faqs/kyphoplasty-compression-fractures.md:")
                                .contains("no-such-section"));
        assertThat(live.version()).isEqualTo(before);
        assertThat(answerText("what is kyphoplasty")).contains("minimally invasive");
    }

    @Test
    void aChangeThatLosesAnEmergencyIsRefusedWithTheFailingCasesUnlessAnAdministratorOverrides() {
        long before = live.version();
        String policy = live.get().files().files().get("policy.yml");
        String withoutLegWeakness = policy.replaceAll("(?s)  - id: leg-numbness-or-weakness\n.*?(?=  - id: )", "");
        assertThat(withoutLegWeakness).isNotEqualTo(policy);
        KnowledgeFiles harmful = live.get().files().with("policy.yml", withoutLegWeakness);

        var refused = publisher.publish(harmful, "edith", "fewer rules", false);

        assertThat(refused)
                .isInstanceOfSatisfying(
                        KnowledgePublisher.Outcome.Refused.class,
                        r -> assertThat(r.report().failures()).anySatisfy(f -> {
                            assertThat(f.check()).isEqualTo("emergency case");
                            assertThat(f.detail()).contains("emergency/leg-numbness-or-weakness");
                        }));
        assertThat(live.version()).isEqualTo(before);
        assertThat(live.policy().decide("i cant feel my legs")).isInstanceOf(Decision.Emergency.class);

        var overridden = publisher.publish(harmful, "ada", "knowingly", true);

        assertThat(overridden)
                .isInstanceOfSatisfying(
                        KnowledgePublisher.Outcome.Published.class,
                        p -> assertThat(p.version().overridden()).isTrue());
        publisher.restore(before, "ada", false);
        assertThat(live.policy().decide("i cant feel my legs")).isInstanceOf(Decision.Emergency.class);
    }

    @Test
    void anImportedArticleWhoseProcedureTheOutOfScopeListDeclinesIsRefusedUntilTheListIsFixed() {
        long before = live.version();
        var imported = new com.clinicfaq.knowledge.PlainTextArticleImporter()
                .importFile(
                        java.nio.file.Path.of("src/test/resources/library/radiofrequency-ablation-sample.txt"),
                        com.clinicfaq.knowledge.PlainTextArticleImporter.Options.of(
                                        "sample", java.time.LocalDate.of(2026, 12, 1))
                                .withId("rfa-sample"));
        var writer = new com.clinicfaq.knowledge.KnowledgeBaseWriter();
        KnowledgeFiles library = live.get()
                .files()
                .with("articles/rfa-sample.md", writer.articleText(imported.article()))
                .with("faqs/rfa-sample.md", writer.faqText("rfa-sample", imported.faqs()));

        var refused = publisher.publish(library, "edith", "the RFA article", false);

        assertThat(refused)
                .isInstanceOfSatisfying(
                        KnowledgePublisher.Outcome.Refused.class,
                        r -> assertThat(r.report().failures()).anySatisfy(f -> {
                            assertThat(f.check()).isEqualTo("library");
                            assertThat(f.detail())
                                    .contains("other-procedures", "what is radiofrequency ablation", "rfa-sample");
                        }));
        assertThat(live.version()).isEqualTo(before);

        String outOfScope = live.get().files().files().get("out-of-scope.md");
        String fixed = outOfScope
                .replace("? do you offer radiofrequency ablation\n", "")
                .replace("? what is radiofrequency ablation\n", "");
        var second = publisher.publish(library.with("out-of-scope.md", fixed), "edith", "the RFA article", false);
        if (second instanceof KnowledgePublisher.Outcome.Refused again) {
            assertThat(again.report().failures())
                    .noneSatisfy(f -> assertThat(f.check()).isEqualTo("library"));
        }
        if (live.version() != before) {
            publisher.restore(before, "ada", false);
        }
    }

    @Test
    void visitorsChattingWhileVersionsAreSwappedAreAllAnswered() throws Exception {
        int questionsPerPublish = 40;
        KnowledgeFiles original = live.get().files();
        KnowledgeFiles changed = withFaqAnswer(
                original,
                DURATION,
                "The entire procedure typically takes 45 to 60 minutes, and most patients go home the same day, rested.");
        AtomicBoolean swapping = new AtomicBoolean(true);
        // the visitors ask a few questions during each publish, not as many as they can: unbounded, their growing
        // transcripts slowed the publishes they were to overlap, which gave them time for more questions still
        Semaphore questions = new Semaphore(questionsPerPublish);
        ExecutorService visitors = Executors.newFixedThreadPool(4);
        List<Future<List<String>>> asked = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            asked.add(visitors.submit(() -> {
                List<String> wrong = new ArrayList<>();
                try (ChatClient chat = ChatClient.connect(port)) {
                    chat.awaitType("welcome");
                    for (int answers = 0; swapping.get() || answers < 5; answers++) {
                        if (swapping.get()) {
                            questions.acquire();
                        }
                        chat.say("how long does the procedure take");
                        String text = chat.awaitBot("answer").path("text").asString();
                        if (!text.contains("45 to 60 minutes")) {
                            wrong.add(text);
                        }
                    }
                }
                return wrong;
            }));
        }
        for (int i = 0; i < 6; i++) {
            publisher.publish(i % 2 == 0 ? changed : original, "edith", "swap " + i, false);
            questions.release(questionsPerPublish);
        }
        swapping.set(false);
        questions.release(Integer.MAX_VALUE / 2);
        visitors.shutdown();
        for (Future<List<String>> wrong : asked) {
            assertThat(wrong.get())
                    .as("answers other than the procedure's length during a swap")
                    .isEmpty();
        }
        assertThat(live.get().files()).isEqualTo(original);
    }

    private String answerText(String question) {
        return engine.answer(question) instanceof Answer.Found found ? found.text() : "";
    }

    static KnowledgeFiles withFaqAnswer(KnowledgeFiles files, String answer, String replacement) {
        String path = files.files().entrySet().stream()
                .filter(f -> f.getValue().contains(answer))
                .findFirst()
                .orElseThrow()
                .getKey();
        return files.with(path, files.files().get(path).replace(answer, replacement));
    }
}
