package com.clinicfaq.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicfaq.conversation.web.ChatClient;
import com.clinicfaq.widget.Browser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a staff member sees in the console, in a real headless Chromium: the login form, a request arriving
 * live in the open queue, a request with its transcript, status changes, logging out, refusals, and
 * visitors' markup shown as text. One browser for the whole class; a failed test leaves a screenshot in
 * {@code target/screenshots/}. Visitors' requests come in over the chat WebSocket, as the widget sends them.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"clinicfaq.staff.admin.username=ada", "clinicfaq.staff.admin.password=correct horse battery"})
class ConsoleBrowserIntegrationTests {

    static final String REVIEWER = "rowan";
    static final String REVIEWER_PASSWORD = "a reviewer's own password";

    /**
     * Tells the test when the open queue's event stream is connected, so that a request made after that
     * must arrive live; without it a request could be stored before the page subscribed.
     */
    static final String OBSERVE_FEED = """
            const Original = window.EventSource;
            window.EventSource = class extends Original {
              constructor(...args) {
                super(...args);
                this.addEventListener('ready', () => { window.__feedReady = true; });
              }
            };
            """;

    static Browser browser;

    @RegisterExtension
    static final TestWatcher screenshotOnFailure = Browser.screenshotOnFailure(() -> browser, "console-");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void startBrowser(@Autowired JdbcUserDetailsManager accounts, @Autowired PasswordEncoder encoder) {
        if (!accounts.userExists(REVIEWER)) {
            accounts.createUser(User.withUsername(REVIEWER).password(encoder.encode(REVIEWER_PASSWORD))
                    .roles(StaffSecurityConfiguration.REVIEWER).build());
        }
        browser = Browser.desktop(1280, 900);
        browser.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", OBSERVE_FEED));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void loggedOut() {
        browser.driver.get(site() + "/login");
        browser.driver.manage().deleteAllCookies();
    }

    @Test
    void showsANewRequestLiveThenItsTranscriptAndStatusChangesUntilLogout() throws Exception {
        logIn(REVIEWER, REVIEWER_PASSWORD);
        assertThat(browser.driver.getCurrentUrl()).isEqualTo(site() + "/staff/handoffs");
        assertThat(text("h1")).isEqualTo("Handoff requests");
        awaitLiveQueue();

        Visit visit = visitorAsksForAFollowUp("Ann Lee", List.of("how long does kyphoplasty take?"));

        WebElement link = arrivesLive(visit.handoff());
        assertThat(link.getText()).isEqualTo("Ann Lee");
        assertThat(text("#live")).isEqualTo("New request received.");
        assertThat(row(visit.handoff())).contains("Ann Lee", "New")
                .as("the date as staff read it, in the practice's time zone").containsPattern("[A-Z][a-z]{2} \\d{1,2}, \\d{4}, \\d{1,2}:\\d{2} [AP]M P[SD]T");

        follow(link);

        assertThat(text("h1")).isEqualTo("Request from Ann Lee");
        assertThat(details()).containsEntry("Status", "New").containsEntry("Phone", "707 555 0100")
                .containsEntry("Email", "ann@example.com").containsEntry("Preferred time", "weekday mornings")
                .containsEntry("Reason", "a question about recovery").containsEntry("Consent to contact", "Yes")
                .containsEntry("Consent to share the conversation", "Yes");
        assertThat(transcript()).isEqualTo(visit.transcript());
        assertThat(transcript()).anySatisfy(line -> assertThat(line).contains("45 to 60 minutes"));
        assertThat(browser.driver.findElements(By.cssSelector(".message .source"))).extracting(WebElement::getText)
                .as("an answer's source, as the visitor saw it").anySatisfy(source -> assertThat(source)
                        .startsWith("Source: How Kyphoplasty Helps Stabilize Compression Fractures › "));

        follow(button("Assign to me"));

        assertThat(details()).containsEntry("Assigned to", REVIEWER);
        assertThat(buttonLabels()).as("assigned to whoever reads it").doesNotContain("Assign to me");

        follow(button("Mark as in progress"));

        assertThat(details()).containsEntry("Status", "In progress");
        assertThat(buttonLabels()).contains("Mark as closed").doesNotContain("Mark as in progress", "Mark as new");

        follow(button("Mark as closed"));

        assertThat(details()).containsEntry("Status", "Closed");
        assertThat(buttonLabels()).noneMatch(label -> label.startsWith("Mark as")).doesNotContain("Assign to me");
        assertThat(text("body")).contains(REVIEWER + " STATUS_CHANGED IN_PROGRESS", REVIEWER + " STATUS_CHANGED CLOSED");
        follow(browser.driver.findElement(By.linkText("All requests")));
        assertThat(row(visit.handoff())).contains("Closed");

        follow(button("Log out"));

        assertThat(browser.driver.getCurrentUrl()).isEqualTo(site() + "/login?logout");
        assertThat(text("body")).contains("You have been signed out");
        assertThat(browser.driver.findElements(By.id("password"))).hasSize(1);
        assertThat(browser.axeViolations()).as("the login page").isEmpty();
        browser.driver.get(site() + "/staff/handoffs/" + visit.handoff());
        assertThat(browser.driver.getCurrentUrl()).isEqualTo(site() + "/login");
    }

    @Test
    void sendsEveryStaffPageToTheLoginWithoutASession() throws Exception {
        UUID handoff = visitorAsksForAFollowUp("Ben Ortiz", List.of()).handoff();

        for (String page : List.of("/staff/handoffs", "/staff/handoffs/" + handoff,
                "/staff/handoffs/" + handoff + "/transcript.txt", "/staff/handoffs/events", "/staff/admin/audit")) {
            browser.driver.get(site() + page);

            assertThat(browser.driver.getCurrentUrl()).as(page).isEqualTo(site() + "/login");
            assertThat(browser.driver.findElements(By.id("password"))).as(page).hasSize(1);
            assertThat(text("body")).as(page).doesNotContain("Ben Ortiz", "Handoff requests", "Audit log");
        }
        Object stream = browser.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const events = new EventSource('/staff/handoffs/events');
                let received = false;
                events.addEventListener('ready', () => { received = true; });
                events.onerror = () => { if (events.readyState === EventSource.CLOSED) done({ received }); };
                setTimeout(() => { events.close(); done({ received, open: true }); }, 5000);
                """);
        assertThat(stream).as("a page's event stream without a login").isEqualTo(Map.of("received", false));
    }

    @Test
    void showsAReviewerWithoutTheAdminRoleARefusalInsteadOfTheAuditLog() {
        logIn(REVIEWER, REVIEWER_PASSWORD);

        browser.driver.get(site() + "/staff/admin/audit");

        assertThat(browser.driver.executeScript("return performance.getEntriesByType('navigation')[0].responseStatus"))
                .isEqualTo(403L);
        assertThat(text("body")).contains("not open to you").doesNotContain("Audit log", "VIEWED", "STATUS_CHANGED");
        assertThat(browser.driver.findElements(By.tagName("table"))).isEmpty();
    }

    @Test
    void showsMarkupFromAVisitorAsTextOnTheQueueAndTheRequestAndNeverRunsIt() throws Exception {
        String name = "<img src=x onerror=window.__pwned=1>";
        String message = "<script>window.__pwned=2</script>";
        logIn(REVIEWER, REVIEWER_PASSWORD);
        awaitLiveQueue();

        Visit visit = visitorAsksForAFollowUp(name, List.of(message));

        assertThat(arrivesLive(visit.handoff()).getText()).isEqualTo(name);
        assertNothingRan();
        browser.driver.navigate().refresh();
        assertThat(browser.driver.findElement(linkTo(visit.handoff())).getText()).as("after a reload").isEqualTo(name);
        assertNothingRan();

        follow(browser.driver.findElement(linkTo(visit.handoff())));

        assertThat(text("h1")).isEqualTo("Request from " + name);
        assertThat(transcript()).contains("Visitor: " + message);
        assertNothingRan();
    }

    // ---- the visitor ----

    /** A request with what the visitor saw, in the transcript's order ("Visitor: …", "Bot · kind: …"). */
    record Visit(UUID handoff, List<String> transcript) {}

    /** A visitor says each message, asks for a person and sends the contact form, over the chat WebSocket. */
    Visit visitorAsksForAFollowUp(String name, List<String> messages) throws Exception {
        try (ChatClient chat = ChatClient.connect(port)) {
            String conversation = chat.awaitType("welcome").path("conversationId").asString();
            Map<String, String> sent = new HashMap<>();
            for (String message : messages) {
                sent.put(chat.say(message), message);
                int seq = chat.awaitType("ack").path("seq").intValue();
                chat.await(f -> f.path("type").asString().equals("bot") && f.path("seq").intValue() > seq);
            }
            sent.put(chat.say("can i talk to a person"), "can i talk to a person");
            chat.awaitBot("handoff.form");
            chat.send(JsonMapper.builder().build().writeValueAsString(Map.of("v", 1, "type", "handoff.submit",
                    "name", name, "phone", "707 555 0100", "email", "ann@example.com",
                    "preferredTime", "weekday mornings", "reason", "a question about recovery",
                    "consentContact", true, "consentShare", true)));
            chat.awaitBot("handoff.confirmed");

            List<JsonNode> frames = new ArrayList<>(chat.received());
            frames.removeIf(f -> !f.path("type").asString().equals("bot") && !f.path("type").asString().equals("ack"));
            frames.sort(Comparator.comparingInt(f -> f.path("seq").intValue()));
            List<String> transcript = frames.stream()
                    .map(f -> f.path("type").asString().equals("ack")
                            ? "Visitor: " + sent.get(f.path("id").asString())
                            : "Bot · " + f.path("kind").asString() + ": " + f.path("text").asString())
                    .map(ConsoleBrowserIntegrationTests::collapsed)
                    .toList();
            UUID handoff = jdbc.sql("select id from handoff_request where conversation_id = ?")
                    .param(UUID.fromString(conversation)).query(UUID.class).single();
            return new Visit(handoff, transcript);
        }
    }

    // ---- the staff member's browser ----

    String site() {
        return "http://localhost:" + port;
    }

    void logIn(String username, String password) {
        browser.logIn(site(), username, password);
    }

    static void follow(WebElement linkOrButton) {
        browser.follow(linkOrButton);
    }

    /** Waits for the open queue's event stream and marks the page, to tell a live arrival from a reload. */
    void awaitLiveQueue() {
        browser.await(d -> Boolean.TRUE.equals(browser.driver.executeScript("return window.__feedReady === true")));
        browser.driver.executeScript("window.__sameQueuePage = true");
    }

    /** The request's link in the open queue, once it has appeared there without a reload. */
    WebElement arrivesLive(UUID handoff) {
        try {
            browser.await(d -> d.findElement(linkTo(handoff)));
        } catch (TimeoutException e) {
            throw new AssertionError("the new request did not appear in the open queue", e);
        }
        assertThat(browser.driver.executeScript("return window.__sameQueuePage")).as("no reload").isEqualTo(true);
        return browser.driver.findElement(linkTo(handoff));
    }

    static By linkTo(UUID handoff) {
        return By.cssSelector("a[href='/staff/handoffs/" + handoff + "']");
    }

    String row(UUID handoff) {
        return browser.driver.findElement(linkTo(handoff)).findElement(By.xpath("ancestor::tr")).getText();
    }

    String text(String css) {
        return browser.text(css);
    }

    WebElement button(String label) {
        return browser.button(label);
    }

    List<String> buttonLabels() {
        return browser.driver.findElements(By.tagName("button")).stream().map(WebElement::getText).toList();
    }

    /** The request's details as shown, by their label. */
    Map<String, String> details() {
        List<WebElement> labels = browser.driver.findElements(By.cssSelector("dl dt"));
        List<WebElement> values = browser.driver.findElements(By.cssSelector("dl dd"));
        Map<String, String> details = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            details.put(labels.get(i).getText(), values.get(i).getText());
        }
        return details;
    }

    /** The conversation as shown: "Visitor: …" or "Bot · kind: …" a message. */
    List<String> transcript() {
        return browser.driver.findElements(By.cssSelector(".message")).stream()
                .map(m -> {
                    String meta = m.findElement(By.cssSelector(".meta")).getText();
                    String who = meta.substring(0, meta.lastIndexOf(" · "));
                    return collapsed(who + ": " + m.findElement(By.cssSelector(".meta + div")).getText());
                })
                .toList();
    }

    /** No markup from a visitor became an element, and none of it ran. */
    void assertNothingRan() {
        assertThat(browser.driver.executeScript("return typeof window.__pwned")).isEqualTo("undefined");
        assertThat(browser.driver.executeScript("""
                        return [...document.querySelectorAll('img, script')]
                            .filter(e => e.outerHTML.includes('__pwned')).length"""))
                .isEqualTo(0L);
    }

    static String collapsed(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
