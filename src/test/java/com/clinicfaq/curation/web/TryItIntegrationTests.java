package com.clinicfaq.curation.web;

import static com.clinicfaq.curation.web.KnowledgeConsole.EDITOR;
import static com.clinicfaq.curation.web.KnowledgeConsole.EDITOR_PASSWORD;
import static com.clinicfaq.curation.web.KnowledgeConsole.MISSED;
import static com.clinicfaq.curation.web.KnowledgeConsole.RIGHT;
import static com.clinicfaq.curation.web.KnowledgeConsole.page;
import static com.clinicfaq.curation.web.KnowledgeConsole.send;
import static com.clinicfaq.staff.StaffHttp.encode;
import static org.assertj.core.api.Assertions.assertThat;

import com.clinicfaq.curation.KnowledgeEditor.Change;
import java.net.http.HttpClient;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Trying a question against the draft and the live version, over HTTP. Nothing is published. */
class TryItIntegrationTests extends KnowledgeConsole {

    HttpClient edith;

    @BeforeEach
    void logIn() throws Exception {
        edith = http.loggedIn(EDITOR, EDITOR_PASSWORD);
    }

    @Test
    void showsTheKnowledgeBasesAnswerWithItsSourceConfidenceAndTheItemsItWeighed() throws Exception {
        String page = tryIt("how long does the procedure take");

        assertThat(page).contains("The draft is the same as the live version").doesNotContain("id=\"draft\"");
        String live = side(page, "live");
        assertThat(live)
                .contains(
                        "Knowledge base",
                        "Found",
                        "procedure-duration",
                        "45 to 60 minutes",
                        "How Kyphoplasty Helps Stabilize Compression Fractures",
                        "What the engine weighed",
                        "Words (BM25)",
                        "Meaning (cosine)");
        // the probability that the answer is right, on [0, 1]: at least what the answer threshold stands for
        assertThat(confidence(live))
                .isBetween(
                        com.clinicfaq.search.Confidence.CALIBRATED.of(
                                        com.clinicfaq.search.Scoring.CALIBRATED.threshold())
                                - 0.01,
                        1.0);
    }

    @Test
    void showsTheSafetyRuleThatDecidesBeforeTheKnowledgeBaseIsAsked() throws Exception {
        String emergency = side(tryIt("i cant feel my legs"), "live");

        assertThat(emergency)
                .contains("Emergency", "leg-numbness-or-weakness", "The knowledge base is not asked on this branch.")
                .doesNotContain("What the engine weighed");
        assertThat(side(tryIt("how much does it cost"), "live")).contains("Knowledge base", "Out of scope");
    }

    @Test
    void answersFromTheDraftBesideTheLiveVersionOnceTheDraftIsEdited() throws Exception {
        assertThat(says(tryIt(MISSED), "live")).doesNotContain(RIGHT);

        editor.apply(new Change.AddPhrasing("activity-after", MISSED), EDITOR);
        String page = tryIt(MISSED);

        assertThat(page).contains("The draft would answer differently from the live version.");
        assertThat(side(page, "draft")).contains("Found", "activity-after");
        assertThat(says(page, "draft")).contains(RIGHT);
        assertThat(says(page, "live")).doesNotContain(RIGHT);
        assertThat(says(tryIt("how long does the procedure take"), "draft"))
                .as("the same draft again")
                .contains("45 to 60 minutes");
    }

    @Test
    void triesAShortConversationWhoseLastAnswerGivesTheTopic() throws Exception {
        // a second article in the draft: "it" in the question is whichever procedure the conversation is about
        editor.apply(
                new Change.AddArticle(new com.clinicfaq.knowledge.PlainTextArticleImporter()
                        .importFile(
                                java.nio.file.Path.of("src/test/resources/library/radiofrequency-ablation-sample.txt"),
                                com.clinicfaq.knowledge.PlainTextArticleImporter.Options.of(
                                                "sample", java.time.LocalDate.of(2026, 12, 1))
                                        .withId("rfa-sample"))),
                EDITOR);
        String question = "Does it hurt?";

        String afterAblation = side(tryIt("How long does the RFA procedure take?", question), "draft");
        String afterKyphoplasty = side(tryIt("How long does kyphoplasty take?", question), "draft");

        // the earlier message, as the bot took it, and the topic its answer gave the conversation
        assertThat(afterAblation)
                .contains(
                        "How long does the RFA procedure take?",
                        "Topic",
                        "Comparing Cervical vs Lumbar Radiofrequency Ablation");
        assertThat(afterKyphoplasty)
                .contains(
                        "How long does kyphoplasty take?",
                        "45 to 60 minutes",
                        "Topic",
                        "How Kyphoplasty Helps Stabilize Compression Fractures");
        // the same question answered from each conversation's procedure, never the other's
        assertThat(source(afterAblation)).contains("Radiofrequency Ablation").doesNotContain("Kyphoplasty");
        assertThat(source(afterKyphoplasty)).contains("Kyphoplasty").doesNotContain("Radiofrequency");
        // alone, with two articles, the bot cannot tell which procedure is meant
        assertThat(side(tryIt(question), "draft")).doesNotContain("Topic");
    }

    @Test
    void showsASpanishQuestionAnsweredAsTheChatAnswersItWithItsEnglishReading() throws Exception {
        // the shipped Spanish translation is not reviewed: the question is read in English and answered from the
        // English article, with the note in Spanish, as a Spanish-speaking visitor would be
        String live = side(tryIt("¿Cuánto tiempo dura el procedimiento de cifoplastia?"), "live");

        assertThat(live)
                .contains(
                        "Language Spanish",
                        "the knowledge base read it in English as",
                        "how long",
                        "Found",
                        "45 to 60 minutes",
                        "La información de la práctica sobre esto está en inglés");
        assertThat(side(tryIt("how long does the procedure take"), "live")).doesNotContain("Language");
        // the policy's own replies in the visitor's language too, and in the conversation's for a message that does not
        // tell its own
        assertThat(side(tryIt("muchas gracias"), "live")).contains("Small talk", "Con mucho gusto");
        assertThat(side(tryIt("¿qué es la cifoplastia?", "ok"), "live")).contains("Language Spanish");
    }

    @Test
    void refusesAQuestionLongerThanTheChatTakes() throws Exception {
        assertThat(send(edith, http.get("/staff/knowledge/try?q=" + "a".repeat(2001)))
                        .statusCode())
                .isEqualTo(400);
    }

    String tryIt(String question) throws Exception {
        return page(edith, http, "/staff/knowledge/try?q=" + encode(question));
    }

    String tryIt(String earlier, String question) throws Exception {
        return page(edith, http, "/staff/knowledge/try?earlier=" + encode(earlier) + "&q=" + encode(question));
    }

    /** The source of the answer on one side ("Article › Section"), as text. */
    static String source(String side) {
        Matcher matcher = Pattern.compile("Source (.*?) Confidence").matcher(side);
        assertThat(matcher.find()).as("a source in: " + side).isTrue();
        return matcher.group(1);
    }

    /** One side of the page ("draft" or "live"), as text. */
    static String side(String page, String name) {
        Matcher matcher = Pattern.compile(
                        "(?s)<section class=\"side\" id=\"" + name + "\".*?(?=<section class=\"side\"|</main>)")
                .matcher(page);
        assertThat(matcher.find()).as("the " + name + " side").isTrue();
        return org.springframework.web.util.HtmlUtils.htmlUnescape(
                matcher.group().replaceAll("<[^>]+>", " ").replaceAll("\\s+", " "));
    }

    /** What the bot says on one side. */
    static String says(String page, String name) {
        String side = side(page, name);
        return side.substring(side.indexOf("The bot says"), side.indexOf(" Answer "));
    }

    static double confidence(String side) {
        Matcher matcher = Pattern.compile("Confidence (\\d\\.\\d+)").matcher(side);
        assertThat(matcher.find()).as("a confidence").isTrue();
        return Double.parseDouble(matcher.group(1));
    }
}
