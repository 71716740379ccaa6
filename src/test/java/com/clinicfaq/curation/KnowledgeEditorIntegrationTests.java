package com.clinicfaq.curation;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicfaq.ApplicationTest;
import com.clinicfaq.curation.KnowledgeEditor.Change;
import com.clinicfaq.curation.KnowledgeEditor.Edited;
import com.clinicfaq.search.Answer;
import com.clinicfaq.search.AnswerEngine;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Editing the draft: each change is checked as it is made, and published together. */
@ApplicationTest
class KnowledgeEditorIntegrationTests {

    static final String ARTICLE = "kyphoplasty-compression-fractures";
    static final String MISSED = "how soon am i back on my feet";
    static final String RIGHT = "walking within a few days";

    @Autowired
    KnowledgeEditor editor;

    @Autowired
    AnswerEngine engine;

    @Autowired
    LiveKnowledge live;

    @Autowired
    KnowledgePublisher publisher;

    private long originalVersion;
    private KnowledgeFiles originalFiles;

    @BeforeEach
    void remember() {
        originalVersion = live.version();
        originalFiles = live.get().files();
    }

    /** The application is shared with other classes: the version this test started with is put back in force. */
    @AfterEach
    void putBack() {
        editor.discard();
        if (!live.get().files().equals(originalFiles)) {
            assertThat(publisher.restore(originalVersion, "tests", true))
                    .isInstanceOf(KnowledgePublisher.Outcome.Published.class);
        }
    }

    @Test
    void aMissedQuestionAddedAsAPhrasingIsAnsweredOnceTheDraftIsPublished() {
        assertThat(answerText(MISSED)).doesNotContain(RIGHT);

        Edited edited = editor.apply(new Change.AddPhrasing("activity-after", MISSED), "edith");

        assertThat(edited).isInstanceOf(Edited.Saved.class);
        assertThat(editor.hasChanges()).isTrue();
        assertThat(answerText(MISSED)).as("not live before it is published").doesNotContain(RIGHT);
        assertThat(KnowledgeEditor.diff(live.get().files(), editor.draft().files()))
                .singleElement()
                .satisfies(d -> assertThat(d.lines()).contains("+? " + MISSED));

        assertThat(editor.publish("edith", "Needle size", false))
                .isInstanceOf(KnowledgePublisher.Outcome.Published.class);

        assertThat(answerText(MISSED)).contains(RIGHT);
        assertThat(editor.hasChanges()).isFalse();
    }

    @Test
    void aNewFaqNeedsAQuestionAnAnswerAKnownSectionAndAQuestionNoOtherFaqAsks() {
        assertThat(problems(new Change.SaveFaq(null, ARTICLE, " ", List.of(), "", "quick-insights")))
                .containsExactly("The question is empty.", "The answer is empty.");
        assertThat(problems(new Change.SaveFaq(null, ARTICLE, "Is it painful?", List.of(), "It is quick.", "nowhere")))
                .containsExactly("The article has no section 'nowhere'.");
        assertThat(problems(new Change.SaveFaq(
                        null, ARTICLE, "What is kyphoplasty?", List.of(), "Cement.", "quick-insights")))
                .singleElement()
                .asString()
                .contains("already asked by FAQ 'what-is-kyphoplasty'");

        Edited saved = editor.apply(
                new Change.SaveFaq(
                        null,
                        ARTICLE,
                        "Is the cement permanent?",
                        List.of("does the cement stay forever"),
                        "The cement hardens within minutes, creating an internal cast that stabilizes the fracture.",
                        "what-is-kyphoplasty-and-how-does-it-work-in-napa"),
                "edith");

        assertThat(saved).isInstanceOf(Edited.Saved.class);
        assertThat(editor.draftKnowledge().faqs()).anySatisfy(faq -> {
            assertThat(faq.id()).isEqualTo("is-the-cement-permanent");
            assertThat(faq.phrasings()).containsExactly("does the cement stay forever");
        });
    }

    @Test
    void aSafetyRuleThatWouldMatchEverythingIsRefusedAndTheDraftStaysAsItWas() {
        String policy = live.get().files().files().get("policy.yml");
        String greedy = policy.replaceFirst("      - leg\\* \\| feet", "      - * | leg* | feet");

        assertThat(editor.apply(new Change.SaveFile("policy.yml", greedy), "edith"))
                .isInstanceOfSatisfying(
                        Edited.Refused.class,
                        r -> assertThat(r.problems()).singleElement().asString().startsWith("policy.yml:"));
        assertThat(editor.hasChanges()).isFalse();
        assertThat(problems(new Change.SaveFile("../etc/passwd", "x"))).isNotEmpty();
    }

    @Test
    void aSectionCanBeChangedButNotDeletedWhileFaqsNameIt() {
        assertThat(problems(new Change.DeleteSection(ARTICLE, "quick-insights")))
                .singleElement()
                .asString()
                .startsWith("These FAQs name the section as their source");

        Edited saved = editor.apply(
                new Change.SaveSection(
                        ARTICLE,
                        "quick-insights",
                        "Quick insights",
                        "Kyphoplasty is a minimally invasive procedure.\n\n- It uses a balloon.\n- It uses cement."),
                "edith");

        assertThat(saved).isInstanceOf(Edited.Saved.class);
        assertThat(editor.draftKnowledge().article(ARTICLE).orElseThrow().sections())
                .filteredOn(s -> s.anchor().equals("quick-insights"))
                .singleElement()
                .satisfies(s -> assertThat(s.blocks()).hasSize(3));
    }

    @Test
    void aQuestionOrPhrasingAskedElsewhereIsRefusedNamingWhereAndOneRepeatedWithinTheFaqIsDropped() {
        Change.SaveFaq edited = new Change.SaveFaq(
                "bone-cement",
                ARTICLE,
                "What happens to the cement?",
                List.of(
                        "How fast does it work?",
                        "how much does kyphoplasty cost",
                        "WHAT happens to the cement",
                        "will it move"),
                "The cement hardens within minutes.",
                "what-is-kyphoplasty-and-how-does-it-work-in-napa");

        assertThat(problems(edited))
                .containsExactly(
                        "The phrasing 'How fast does it work?' is already asked by FAQ 'pain-relief-timing' "
                                + "(How quickly does kyphoplasty reduce compression fracture pain?).",
                        "The phrasing 'how much does kyphoplasty cost' is listed under the out-of-scope topic 'cost', which the bot declines.");
        assertThat(problems(new Change.AddPhrasing("bone-cement", "how fast does it work")))
                .singleElement()
                .asString()
                .startsWith("The phrasing 'how fast does it work' is already asked by FAQ 'pain-relief-timing'");
        assertThat(editor.hasChanges()).isFalse();

        assertThat(editor.apply(
                        new Change.SaveFaq(
                                "bone-cement",
                                ARTICLE,
                                "What happens to the cement?",
                                List.of("WHAT happens to the cement", "will it move", "Will it move?"),
                                "The cement hardens within minutes.",
                                "what-is-kyphoplasty-and-how-does-it-work-in-napa"),
                        "edith"))
                .isInstanceOf(Edited.Saved.class);
        assertThat(editor.draftKnowledge().faqs())
                .filteredOn(f -> f.id().equals("bone-cement"))
                .singleElement()
                .satisfies(f -> assertThat(f.phrasings()).containsExactly("will it move"));
        assertThat(editor.apply(new Change.AddPhrasing("bone-cement", "Will it move"), "edith"))
                .isInstanceOf(Edited.Saved.class);
        assertThat(editor.draftKnowledge().faqs())
                .filteredOn(f -> f.id().equals("bone-cement"))
                .singleElement()
                .satisfies(f -> assertThat(f.phrasings()).as("asked already").containsExactly("will it move"));
    }

    @Test
    void textThatWouldReadBackFromTheFileAsSomethingElseIsRefused() {
        assertThat(problems(new Change.SaveFaq(
                        null,
                        ARTICLE,
                        "Is the cement permanent?",
                        List.of(),
                        "section: quick-insights\n\n- It stays.\n\n## More",
                        "quick-insights")))
                .containsExactly(
                        "The answer's paragraph 'section: quick-insights' would be read back from the file as a line of the FAQ's own"
                                + " ('section:' or 'origin:'): reword its start.",
                        "The answer's paragraph '- It stays.' would be read back from the file as a list item: reword its start.",
                        "The answer's paragraph '## More' would be read back from the file as a heading: reword its start.");
        assertThat(problems(new Change.SaveSection(
                        ARTICLE, "quick-insights", "Quick insights", "Kyphoplasty helps.\n\n# Not a heading")))
                .containsExactly(
                        "The paragraph '# Not a heading' would be read back from the file as a heading: reword its start.");
        assertThat(editor.hasChanges()).isFalse();
    }

    @Test
    void checkingAChangeSavesNothing() {
        String phrasing = "can i garden after kyphoplasty";

        assertThat(editor.check(new Change.AddPhrasing("activity-after", phrasing)))
                .isEmpty();
        assertThat(editor.check(new Change.DeleteFaq("no-such-faq"))).containsExactly("There is no FAQ 'no-such-faq'.");
        assertThat(editor.hasChanges()).isFalse();
        assertThat(editor.draftKnowledge().faqs())
                .flatExtracting(f -> f.phrasings())
                .doesNotContain(phrasing);
    }

    private String answerText(String question) {
        return engine.answer(question) instanceof Answer.Found found ? found.text() : "";
    }

    private List<String> problems(Change change) {
        return editor.apply(change, "edith") instanceof Edited.Refused refused ? refused.problems() : List.of();
    }
}
