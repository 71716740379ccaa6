package com.clinicfaq.curation.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicfaq.conversation.web.ChatClient;
import com.clinicfaq.curation.KnowledgeEditor;
import com.clinicfaq.curation.LiveKnowledge;
import com.clinicfaq.search.Answer;
import com.clinicfaq.search.AnswerEngine;
import com.clinicfaq.staff.StaffHttp;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;

/**
 * The unanswered-questions loop end to end: visitors' questions through the real chat WebSocket, the editor's page
 * and one-step fixes over HTTP, and the bot answering the fixed question in the chat at once. Each test asks
 * questions of its own, and puts the knowledge base back as it was.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = UnansweredIntegrationTests.PROPERTIES)
class UnansweredIntegrationTests {

    /** The same for the browser test, so both share one application (the folder is not followed: tests publish). */
    static final String PROPERTIES = "clinicfaq.knowledge-base.follow-folder=false";

    static final String EDITOR = "edie";
    static final String PASSWORD = "an editor's own password";
    static final String PAGE = "/staff/knowledge/unanswered";

    static final String MISSED = "how soon am i back on my feet";
    static final String SIMILAR = "How soon will I be back on my feet?";
    static final String RIGHT = "walking within a few days";

    @LocalServerPort
    int port;

    @Autowired
    LiveKnowledge live;

    @Autowired
    KnowledgeEditor editor;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AnswerEngine engine;

    KnowledgeBaseGuard knowledgeBase;

    @BeforeEach
    void editorAndVersion(
            @Autowired JdbcUserDetailsManager accounts,
            @Autowired PasswordEncoder encoder,
            @Autowired ApplicationContext context) {
        createEditor(accounts, encoder);
        knowledgeBase = new KnowledgeBaseGuard(context);
    }

    static void createEditor(JdbcUserDetailsManager accounts, PasswordEncoder encoder) {
        if (!accounts.userExists(EDITOR)) {
            accounts.createUser(User.withUsername(EDITOR)
                    .password(encoder.encode(PASSWORD))
                    .roles("EDITOR")
                    .build());
        }
    }

    @AfterEach
    void restore() {
        knowledgeBase.restore();
    }

    @Test
    void aMissedQuestionFixedInOneStepLeavesTheListAndIsAnsweredInTheChatAtOnce() throws Exception {
        assertThat(ask(MISSED).path("kind").asString()).isEqualTo("unknown");
        assertThat(ask(SIMILAR).path("kind").asString()).isEqualTo("unknown");
        HttpClient staff = new StaffHttp(port).loggedIn(EDITOR, PASSWORD);

        String page = get(staff, PAGE);
        String group = group(page, MISSED);
        assertThat(count(group)).isEqualTo(2);
        assertThat(group)
                .contains(
                        "<li>" + MISSED + "</li>",
                        "<li>how soon will i be back on my feet</li>",
                        "Not in the knowledge base");
        assertThat(group)
                .as("the engine's closest guess is chosen")
                .containsPattern("<option value=\"activity-after\" selected");

        HttpResponse<String> fixed = post(
                staff,
                PAGE + "/phrasing",
                "days=30&key=" + key(group) + "&faqId=activity-after&phrasing=" + StaffHttp.encode(MISSED) + "&_csrf="
                        + StaffHttp.csrf(page));
        long publishedAt = System.nanoTime();

        assertThat(fixed.statusCode()).isEqualTo(302);
        assertThat(location(fixed)).isEqualTo(PAGE + "?days=30");
        JsonNode answer = ask(MISSED);
        assertThat(answer.path("kind").asString()).isEqualTo("answer");
        assertThat(answer.path("text").asString()).contains(RIGHT);
        assertThat(Duration.ofNanos(System.nanoTime() - publishedAt))
                .as("no restart, no waiting")
                .isLessThan(Duration.ofSeconds(5));
        page = get(staff, location(fixed));
        assertThat(page)
                .contains("Added to FAQ “activity-after” and published")
                .doesNotContain(MISSED)
                .doesNotContain("back on my feet");
        assertThat(live.version()).isGreaterThan(knowledgeBase.versionBefore);
        assertThat(jdbc.sql("select detail from audit_event where username = ? and action = 'KNOWLEDGE_EDITED'")
                        .param(EDITOR)
                        .query(String.class)
                        .list())
                .anySatisfy(detail ->
                        assertThat(detail).contains("FAQ activity-after", "published version " + live.version()));
    }

    @Test
    void anAnswerAVisitorSaidDidNotHelpIsListedWithTheAnswerItGotUntilAFixChangesTheAnswer() throws Exception {
        String question = "how long does the kyphoplasty procedure take";
        String given;
        try (ChatClient chat = ChatClient.connect(port)) {
            chat.awaitBot("greeting");
            chat.say(question);
            JsonNode answer = chat.awaitBot("answer");
            given = answer.path("text").asString();
            chat.send("{\"v\":1,\"type\":\"feedback\",\"seq\":"
                    + answer.path("seq").intValue() + ",\"helpful\":false}");
            chat.awaitBot("handoff.offer");
        }
        HttpClient staff = new StaffHttp(port).loggedIn(EDITOR, PASSWORD);

        String page = get(staff, PAGE);
        String group = group(page, question);
        assertThat(part(page, "answered_but_missed"))
                .as("among the answers visitors did not take")
                .contains("data-key=\"" + key(group) + "\"");
        assertThat(group)
                .contains("Visitor said the answer did not help", "The bot answered:")
                .contains(
                        org.springframework.web.util.HtmlUtils.htmlEscape(given).substring(0, 40));

        // the editor answers it with a FAQ of its own: the bot no longer gives the answer that did not help
        HttpResponse<String> fixed = post(
                staff,
                PAGE + "/faq",
                "days=30&key=" + key(group) + "&source="
                        + StaffHttp.encode(UnansweredBrowserIntegrationTests.ARTICLE + "#"
                                + UnansweredBrowserIntegrationTests.SECTION)
                        + "&question=" + StaffHttp.encode("How long does the kyphoplasty procedure take?")
                        + "&answer=" + StaffHttp.encode(UnansweredBrowserIntegrationTests.ANSWER) + "&_csrf="
                        + StaffHttp.csrf(page));

        assertThat(fixed.statusCode()).isEqualTo(302);
        assertThat(ask(question).path("text").asString()).contains("through a tiny incision in your back");
        assertThat(get(staff, location(fixed))).doesNotContain("<h3 id=\"question-" + key(group) + "\"");
    }

    @Test
    void theVisitorsWordingStaysAWayOfAskingANewFaqWhoseQuestionTheEditorRewrote() throws Exception {
        String question = "do you stitch the wound";
        HttpClient staff = missedThenLoggedIn(question);
        String page = get(staff, PAGE);
        String group = group(page, question);

        HttpResponse<String> fixed = post(
                staff,
                PAGE + "/faq",
                "days=30&key=" + key(group) + "&source="
                        + StaffHttp.encode(UnansweredBrowserIntegrationTests.ARTICLE + "#"
                                + UnansweredBrowserIntegrationTests.SECTION)
                        + "&question=" + StaffHttp.encode("Is there an incision?")
                        + "&answer=" + StaffHttp.encode(UnansweredBrowserIntegrationTests.ANSWER) + "&_csrf="
                        + StaffHttp.csrf(page));

        assertThat(fixed.statusCode()).isEqualTo(302);
        assertThat(editor.draftKnowledge().faqs()).anySatisfy(f -> {
            assertThat(f.question()).isEqualTo("Is there an incision?");
            assertThat(f.phrasings()).contains(question);
        });
        JsonNode answer = ask(question);
        assertThat(answer.path("kind").asString()).isEqualTo("answer");
        assertThat(answer.path("text").asString()).contains("through a tiny incision in your back");
        assertThat(get(staff, location(fixed)))
                .contains("New FAQ published", "The bot answers it now.")
                .doesNotContain("<h3 id=\"question-" + key(group) + "\"");
    }

    @Test
    void contactDetailsAVisitorTypedOrGaveInTheContactFormNeverShow() throws Exception {
        try (ChatClient chat = ChatClient.connect(port)) {
            chat.awaitBot("greeting");
            chat.say("Can my dog come along? 707-555-0100, ann.lee@example.com");
            chat.awaitBot("unknown");
            chat.sendType("handoff.accept");
            chat.awaitBot("handoff.form");
            chat.submitHandoff("Zelda Quill", "707 555 0199");
        }

        String page = get(new StaffHttp(port).loggedIn(EDITOR, PASSWORD), PAGE);

        String group = group(page, "can my dog come along? [phone], [email]");
        assertThat(group).contains("Visitor then asked for a person");
        assertThat(page).doesNotContain("555", "0100", "0199", "ann.lee", "example.com", "Zelda", "Quill");
    }

    @Test
    void listsLowConfidenceAnswersWithTheAnswerAndTopicsDeclinedOnPurposeApartByTopic() throws Exception {
        String declined = "is the cement toxic";
        JsonNode lowConfidence = ask("how many days in hospital");
        assertThat(lowConfidence.path("kind").asString()).isEqualTo("answer");
        assertThat(ask(declined).path("kind").asString()).isEqualTo("unknown");
        Answer.OutOfScope topic = (Answer.OutOfScope) engine.answer(declined);

        String page = get(new StaffHttp(port).loggedIn(EDITOR, PASSWORD), PAGE);

        String low = group(page, "how many days in hospital");
        assertThat(part(page, "not_answered")).contains("data-key=\"" + key(low) + "\"");
        assertThat(low)
                .contains(
                        "Answered with low confidence",
                        "The bot answered, with low confidence:",
                        HtmlUtils.htmlEscape(lowConfidence.path("text").asString())
                                .substring(0, 40));
        assertThat(part(page, "not_answered"))
                .as("declined on purpose: not a question to answer")
                .doesNotContain(declined);
        String byTopic = group(part(page, "declined"), HtmlUtils.htmlEscape(topic.topicTitle()));
        assertThat(byTopic)
                .as("the topic, the wording, what the bot did, where to change it")
                .contains(
                        "<li>" + declined + "</li>",
                        "Declined as out of scope",
                        "<code>" + topic.topicId() + "</code>",
                        "href=\"/staff/knowledge/files/out-of-scope\"",
                        "Dismiss: keep declining it")
                .doesNotContain("Make a new FAQ", "Add as another way of asking");
    }

    @Test
    void anAnswerFollowedAtOnceByTheSameQuestionAgainOrByAskingForAPersonIsListedWithTheAnswerItGot() throws Exception {
        String asked = "explain kyphoplasty";
        String again = "what does kyphoplasty mean";
        String then = "how fast does it work";
        String answer;
        String person;
        try (ChatClient chat = ChatClient.connect(port)) {
            chat.awaitBot("greeting");
            chat.say(asked);
            answer = chat.awaitBot("answer").path("text").asString();
            chat.say(again);
            chat.awaitBot("answer");
        }
        try (ChatClient chat = ChatClient.connect(port)) {
            chat.awaitBot("greeting");
            chat.say(then);
            person = chat.awaitBot("answer").path("text").asString();
            chat.say("can i talk to a person");
            chat.awaitBot("handoff.form");
        }

        String page = get(new StaffHttp(port).loggedIn(EDITOR, PASSWORD), PAGE);

        String answered = part(page, "answered_but_missed");
        String rephrased = group(answered, asked);
        assertThat(rephrased)
                .contains(
                        "Visitor asked again in other words",
                        "The bot answered:",
                        HtmlUtils.htmlEscape(answer).substring(0, 40),
                        "Then the visitor asked:",
                        "<li>" + again + "</li>");
        assertThat(rephrased)
                .as("fixed like any question: the answer given is not the guess preselected")
                .contains(
                        "Add as another way of asking an existing FAQ",
                        "Make a new FAQ",
                        "Dismiss: not worth answering")
                .doesNotContain("<option value=\"what-is-kyphoplasty\" selected");
        String handedOff = group(answered, then);
        assertThat(handedOff)
                .contains(
                        "Visitor then asked for a person",
                        HtmlUtils.htmlEscape(person).substring(0, 40))
                .doesNotContain("<option value=\"pain-relief-timing\" selected");
        assertThat(part(page, "not_answered")).doesNotContain(">" + asked + "</h3>", ">" + then + "</h3>");
    }

    @Test
    void aTurnThatFailedWithAnErrorIsListedApartWhileTheVisitorIsToldAsBefore() throws Exception {
        String failing = "can i swim the week after the procedure";
        JsonNode error;
        try (ChatClient chat = ChatClient.connect(port)) {
            UUID conversation = UUID.fromString(chat.awaitConversationId());
            chat.say("what is balloon kyphoplasty");
            chat.awaitBot("answer");
            // the conversation is gone from under the open chat (as if retention had just deleted it): the next turn
            // fails
            jdbc.sql("delete from conversation where id = ?")
                    .param(conversation)
                    .update();
            String ref = chat.say(failing);
            error = chat.awaitType("error");
            assertThat(error.path("ref").asString()).isEqualTo(ref);
        }
        assertThat(error.path("code").asString()).isEqualTo("unavailable");
        assertThat(error.path("message").asString()).isEqualTo("Sorry, something went wrong. Please try again.");
        assertThat(jdbc.sql("select count(*) from message where text = ?")
                        .param(failing)
                        .query(Integer.class)
                        .single())
                .as("not in any transcript: the turn was rolled back")
                .isZero();

        HttpClient staff = new StaffHttp(port).loggedIn(EDITOR, PASSWORD);
        String page = get(staff, PAGE);

        String failed = group(part(page, "failed"), failing);
        assertThat(count(failed)).isEqualTo(1);
        assertThat(failed)
                .contains(
                        "The turn failed with an error",
                        "IllegalStateException",
                        "was asked to try again",
                        "href=\"/staff/knowledge/try?q=" + failing.replace(" ", "%20") + "\"",
                        "Dismiss: looked into")
                .doesNotContain("Make a new FAQ", "Add as another way of asking");
        assertThat(part(page, "not_answered")).doesNotContain(failing);

        HttpResponse<String> dismissed =
                post(staff, PAGE + "/dismiss", "days=30&key=" + key(failed) + "&_csrf=" + StaffHttp.csrf(page));
        assertThat(get(staff, location(dismissed))).doesNotContain(">" + failing + "</h3>");
    }

    @Test
    void aFixThatCannotBeMadeSaysWhyAndAFixJoiningUnpublishedChangesWaitsInTheDraft() throws Exception {
        String question = "can my husband stay with me during the procedure";
        HttpClient staff = missedThenLoggedIn(question);
        String page = get(staff, PAGE);
        String key = key(group(page, question));

        HttpResponse<String> refused = post(
                staff,
                PAGE + "/faq",
                "days=30&key=" + key
                        + "&source=kyphoplasty-compression-fractures%23quick-insights&question=Can+my+husband+stay%3F&answer=+&_csrf="
                        + StaffHttp.csrf(page));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(group(refused.body(), question))
                .contains("Not saved:", "The answer is empty.", "Can my husband stay?");
        assertThat(editor.hasChanges()).isFalse();

        editor.apply(new KnowledgeEditor.Change.AddPhrasing("soreness", "will my back ache"), "someone else");
        HttpResponse<String> waiting = post(
                staff,
                PAGE + "/phrasing",
                "days=30&key=" + key + "&faqId=how-it-is-done&phrasing=" + StaffHttp.encode(question) + "&_csrf="
                        + StaffHttp.csrf(refused.body()));

        assertThat(waiting.statusCode()).isEqualTo(200);
        assertThat(group(waiting.body(), question))
                .contains("Saved in the draft but not published", "/staff/knowledge/publish");
        assertThat(live.version()).isEqualTo(knowledgeBase.versionBefore);
        assertThat(editor.draftKnowledge().faqs())
                .anySatisfy(f -> assertThat(f.phrasings()).contains(question));
    }

    @Test
    void aDismissedGroupIsNoLongerListed() throws Exception {
        String question = "does the practice validate parking";
        HttpClient staff = missedThenLoggedIn(question);
        String page = get(staff, PAGE);

        HttpResponse<String> dismissed = post(
                staff,
                PAGE + "/dismiss",
                "days=30&key=" + key(group(page, question)) + "&_csrf=" + StaffHttp.csrf(page));

        assertThat(dismissed.statusCode()).isEqualTo(302);
        assertThat(get(staff, location(dismissed)))
                .contains("Dismissed: “" + question + "” is no longer listed.")
                .doesNotContain(">" + question + "</h3>");
        assertThat(jdbc.sql("select count(*) from unanswered_dismissed")
                        .query(Integer.class)
                        .single())
                .isPositive();
        assertThat(jdbc.sql("select text_hash from unanswered_dismissed")
                        .query(String.class)
                        .list())
                .allSatisfy(hash -> assertThat(hash).matches("[0-9a-f]{64}"));
    }

    @Test
    void onlyEditorsSeeThePage() throws Exception {
        HttpResponse<String> anonymous =
                StaffHttp.client().send(new StaffHttp(port).get(PAGE), HttpResponse.BodyHandlers.ofString());

        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        HttpResponse<String> page = new StaffHttp(port)
                .loggedIn(EDITOR, PASSWORD)
                .send(new StaffHttp(port).get(PAGE), HttpResponse.BodyHandlers.ofString());
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'none'");
    }

    // ---- helpers ----

    /** Asks in a conversation of its own; returns the bot's reply to the question. */
    private JsonNode ask(String question) throws Exception {
        try (ChatClient chat = ChatClient.connect(port)) {
            chat.awaitBot("greeting");
            chat.say(question);
            return chat.await(f -> f.path("type").asString().equals("bot")
                    && !f.path("kind").asString().equals("greeting"));
        }
    }

    /** The bot does not know the answer to {@code question}; then an editor logs in. */
    private HttpClient missedThenLoggedIn(String question) throws Exception {
        assertThat(ask(question).path("kind").asString()).isEqualTo("unknown");
        return new StaffHttp(port).loggedIn(EDITOR, PASSWORD);
    }

    private String get(HttpClient client, String path) throws Exception {
        HttpResponse<String> response =
                client.send(new StaffHttp(port).get(path), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private HttpResponse<String> post(HttpClient client, String path, String form) throws Exception {
        return client.send(new StaffHttp(port).post(path, form), HttpResponse.BodyHandlers.ofString());
    }

    /** Where a redirect goes, as a path and query on this server. */
    static String location(HttpResponse<?> response) {
        java.net.URI uri =
                java.net.URI.create(response.headers().firstValue("Location").orElseThrow());
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static final Pattern GROUP_START = Pattern.compile("<li id=\"group-[0-9a-f]+\"");

    /** The page's part of that name ("not_answered", "answered_but_missed", "failed", "declined"), as HTML. */
    static String part(String page, String name) {
        int id = page.indexOf(" id=\"part-" + name + "\"");
        assertThat(id).as("a part " + name).isNotNegative();
        int start = page.lastIndexOf("<section", id);
        return page.substring(start, page.indexOf("</section>", start));
    }

    /** The page's group whose question is {@code question} (the topic's title, for a declined one), as HTML. */
    static String group(String page, String question) {
        List<String> groups = GROUP_START
                .splitAsStream(page)
                .skip(1)
                .map(g ->
                        g.contains("</section>") ? g.substring(0, g.indexOf("</section>")) : g) // the last of its part
                .toList();
        String heading = ">" + question.replace("&", "&amp;").replace("\"", "&quot;") + "</h3>";
        return groups.stream()
                .filter(g -> g.contains(heading))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no group '" + question + "' in " + page));
    }

    static String key(String group) {
        Matcher key = Pattern.compile("data-key=\"([0-9a-f]+)\"").matcher(group);
        assertThat(key.find()).isTrue();
        return key.group(1);
    }

    static int count(String group) {
        Matcher count = Pattern.compile("<span class=\"count\">(\\d+)</span>").matcher(group);
        assertThat(count.find()).isTrue();
        return Integer.parseInt(count.group(1));
    }
}
