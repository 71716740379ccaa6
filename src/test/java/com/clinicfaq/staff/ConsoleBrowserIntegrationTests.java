package com.clinicfaq.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicfaq.ApplicationTest;
import com.clinicfaq.conversation.web.ChatClient;
import com.clinicfaq.curation.KnowledgeEditor;
import com.clinicfaq.widget.Browser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
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
 * visitors' markup shown as text; every staff page in the console's one look, with its landmarks, fitting a
 * phone and without accessibility violations; the queue as a card a request on a phone; and the screenshots of
 * each console page that the README shows ({@link Browser#documented}). One browser for the whole class; a failed
 * test leaves a screenshot in {@code target/screenshots/}. Visitors' requests come in over the chat WebSocket, as
 * the widget sends them.
 */
@ApplicationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIntegrationTests {

    static final String REVIEWER = "rowan";
    static final String REVIEWER_PASSWORD = "a reviewer's own password";
    static final String ADMIN = "ada";
    static final String ADMIN_PASSWORD = "correct horse battery";
    /** An account with none of the console's roles (as the account Prometheus scrapes with). */
    static final String NO_ROLE = "nico";

    static final String NO_ROLE_PASSWORD = "a password without a role";
    /** A phone's width, in CSS pixels. */
    static final int PHONE = 390;
    /** A phone's height, in CSS pixels. */
    static final int PHONE_HEIGHT = 844;

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
            accounts.createUser(User.withUsername(REVIEWER)
                    .password(encoder.encode(REVIEWER_PASSWORD))
                    .roles(StaffSecurityConfiguration.REVIEWER)
                    .build());
        }
        if (!accounts.userExists(NO_ROLE)) {
            accounts.createUser(User.withUsername(NO_ROLE)
                    .password(encoder.encode(NO_ROLE_PASSWORD))
                    .roles(StaffSecurityConfiguration.METRICS)
                    .build());
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
        assertThat(row(visit.handoff()))
                .contains("Ann Lee", "New")
                .as("the date as staff read it, in the practice's time zone")
                .containsPattern("[A-Z][a-z]{2} \\d{1,2}, \\d{4}, \\d{1,2}:\\d{2} [AP]M P[SD]T");
        assertThat(queueRow(visit.handoff()))
                .as("what the visitor asked about and how to reach them, by column")
                .containsEntry("Name", "Ann Lee")
                .containsEntry("Reason", "a question about recovery")
                .containsEntry("Contact", "707 555 0100\nann@example.com")
                .containsEntry("Preferred time", "weekday mornings")
                .containsEntry("Status", "New")
                .containsEntry("Assigned to", "—")
                .containsEntry("Safety", "");

        follow(link);

        assertThat(text("h1")).isEqualTo("Request from Ann Lee");
        assertThat(details())
                .containsEntry("Status", "New")
                .containsEntry("Phone", "707 555 0100")
                .containsEntry("Email", "ann@example.com")
                .containsEntry("Preferred time", "weekday mornings")
                .containsEntry("Reason", "a question about recovery")
                .containsEntry("Consent to contact", "Yes")
                .containsEntry("Consent to share the conversation", "Yes");
        assertThat(transcript()).isEqualTo(visit.transcript());
        assertThat(transcript()).anySatisfy(line -> assertThat(line).contains("45 to 60 minutes"));
        assertThat(browser.driver.findElements(By.cssSelector(".message .source")))
                .extracting(WebElement::getText)
                .as("an answer's source, as the visitor saw it")
                .anySatisfy(source -> assertThat(source)
                        .startsWith("Source: How Kyphoplasty Helps Stabilize Compression Fractures › "));

        follow(button("Assign to me"));

        assertThat(details()).containsEntry("Assigned to", REVIEWER);
        assertThat(buttonLabels()).as("assigned to whoever reads it").doesNotContain("Assign to me");

        follow(button("Mark as in progress"));

        assertThat(details()).containsEntry("Status", "In progress");
        assertThat(buttonLabels()).contains("Mark as closed").doesNotContain("Mark as in progress", "Mark as new");

        follow(button("Mark as closed"));

        assertThat(details()).containsEntry("Status", "Closed");
        assertThat(buttonLabels())
                .noneMatch(label -> label.startsWith("Mark as"))
                .doesNotContain("Assign to me");
        assertThat(text("body"))
                .contains(REVIEWER + " STATUS_CHANGED IN_PROGRESS", REVIEWER + " STATUS_CHANGED CLOSED");
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

        for (String page : List.of(
                "/staff/handoffs",
                "/staff/handoffs/" + handoff,
                "/staff/handoffs/" + handoff + "/transcript.txt",
                "/staff/handoffs/events",
                "/staff/admin/audit")) {
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
        assertIsAConsolePage("the refusal");
    }

    @Test
    void showsEveryStaffPageInTheConsolesOneLookWithItsLandmarksFittingAPhoneAndAccessible() throws Exception {
        UUID handoff = visitorAsksForAFollowUp("Cleo Park", List.of("how long does kyphoplasty take?"))
                .handoff();
        UUID missedEmergency = SafetyReviewIntegrationTests.conversationAnsweredUnknown(
                jdbc, SafetyReviewIntegrationTests.MISSED_EMERGENCY, java.time.Instant.now());
        logIn(ADMIN, ADMIN_PASSWORD);
        browser.driver.get(site() + "/staff/knowledge");
        String faq = href(By.cssSelector("ul.faqs a"));
        String section = href(By.cssSelector("ol.sections a"));
        String newSection = href(By.linkText("New section"));
        String file = href(By.cssSelector("#files a"));
        String checks = href(By.cssSelector("a.checks-link"));
        browser.driver.get(site() + "/staff/knowledge/versions");
        String version = href(By.cssSelector("#versions tbody a"));

        for (String page : List.of(
                site() + "/staff/handoffs",
                site() + "/staff/handoffs/" + handoff,
                site() + "/staff/admin/audit",
                site() + "/staff/analytics",
                site() + "/staff/knowledge",
                site() + "/staff/knowledge/unanswered",
                site() + "/staff/knowledge/faqs/new",
                faq,
                faq + "/delete",
                newSection,
                section,
                section + "/delete",
                checks,
                checks + "/new",
                checks + "/1",
                checks + "/1/delete",
                file,
                site() + "/staff/knowledge/import",
                site() + "/staff/knowledge/publish",
                site() + "/staff/knowledge/versions",
                version,
                site() + "/staff/knowledge/try?q=how+long+does+kyphoplasty+take",
                site() + "/staff/knowledge/import-files",
                site() + "/staff/admin/accounts",
                site() + "/staff/password",
                site() + "/staff/admin/safety-review",
                site() + "/staff/admin/conversations/" + missedEmergency)) {
            browser.driver.get(page);
            assertIsAConsolePage(page);
        }

        browser.driver.get(site() + "/staff/knowledge/import");
        browser.driver.executeScript(
                """
                document.getElementById('text').value = arguments[0];
                document.getElementById('source').value = 'Practice website, Dec 2026';
                document.getElementById('reviewed').value = '2026-12-01';""", Files.readString(Path.of("src/test/resources/import/radiofrequency-ablation-sample.txt")));
        follow(button("Preview"));
        assertThat(text("h1")).isEqualTo("Preview: how the article will be split");
        assertIsAConsolePage("the preview of an imported article");

        follow(button("Log out"));
        logIn(NO_ROLE, NO_ROLE_PASSWORD);
        assertThat(text("h1")).isEqualTo("No part of the console is open to you yet");
        assertIsAConsolePage("no access");
        assertThat(text("nav.console-nav"))
                .as("only who is logged in, and logging out")
                .isEqualTo(NO_ROLE + "\nLog out");
    }

    /**
     * The states issue #20 adds, each a console page in its one look, accessible and fitting a phone: the unanswered
     * page with its four parts (a question not answered, an answer the visitor asked again in other words, a turn that
     * failed with an error, a topic declined as out of scope); a request's transcript with a visitor's message flagged as
     * a missed emergency (by its button) and highlighted; the safety review listing it with who flagged it; and its
     * administrator's transcript opened from there at the message, highlighted.
     */
    @Test
    void showsTheUnansweredPartsAndAFlaggedMissedEmergencyHighlightedAccessiblyAndFittingAPhone() throws Exception {
        String declined = "how much does kyphoplasty cost";
        String rephrased = "explain kyphoplasty";
        String failing = "can i go swimming in the ocean afterwards";
        try (ChatClient chat = ChatClient.connect(port)) {
            chat.awaitType("welcome");
            chat.say(declined);
            chat.awaitBot("unknown");
            chat.say(rephrased);
            chat.awaitBot("answer");
            chat.say("what does kyphoplasty mean");
            chat.awaitBot("answer");
        }
        try (ChatClient chat = ChatClient.connect(port)) {
            UUID conversation = UUID.fromString(
                    chat.awaitType("welcome").path("conversationId").asString());
            chat.say("will i have a scar");
            chat.awaitBot("unknown");
            jdbc.sql("delete from conversation where id = ?")
                    .param(conversation)
                    .update(); // the next turn fails
            chat.say(failing);
            chat.awaitType("error");
        }
        String worrying = "my mom seems more forgetful since the procedure";
        UUID handoff = visitorAsksForAFollowUp("Eve Marsh", List.of(worrying)).handoff();
        logIn(ADMIN, ADMIN_PASSWORD);

        visit("/staff/knowledge/unanswered");
        assertThat(text("#part-not_answered")).contains("will i have a scar");
        assertThat(text("#part-answered_but_missed"))
                .contains(rephrased, "Visitor asked again in other words", "The bot answered:");
        assertThat(text("#part-failed")).contains(failing, "IllegalStateException");
        assertThat(text("#part-declined")).contains(declined, "Cost and payment");
        assertIsAConsolePage("the unanswered page, all four parts");
        browser.screenshot("console-unanswered-parts");

        visit("/staff/handoffs/" + handoff);
        WebElement message = browser.driver.findElements(By.cssSelector(".message.visitor")).stream()
                .filter(m -> m.getText().contains(worrying))
                .findFirst()
                .orElseThrow();
        String id = message.getDomAttribute("id");
        follow(message.findElement(By.xpath(".//button[normalize-space()='Flag as a missed emergency']")));

        assertThat(browser.driver.getCurrentUrl())
                .endsWith("/staff/handoffs/" + handoff + "?message=" + id.substring("message-".length()) + "#" + id);
        assertThat(text("#notice")).startsWith("Flagged as a missed emergency");
        WebElement marked = browser.driver.findElement(By.id(id));
        assertThat(marked.getDomAttribute("aria-current")).isEqualTo("true");
        assertThat(marked.findElement(By.tagName("mark")).getText()).isEqualTo(worrying);
        assertThat(marked.getText())
                .contains("The message this page was opened at", "Flagged as a missed emergency by " + ADMIN);
        assertThat(marked.findElements(By.xpath(".//button[normalize-space()='Remove the flag']")))
                .hasSize(1);
        assertIsAConsolePage("a request's transcript with a message flagged and highlighted");
        browser.screenshot("console-request-flagged");

        visit("/staff/admin/safety-review");
        WebElement row = browser.driver.findElements(By.cssSelector("#misses tr.miss")).stream()
                .filter(r -> r.getText().contains(worrying))
                .findFirst()
                .orElseThrow();
        assertThat(row.getText()).contains("Flagged as a missed emergency by " + ADMIN);
        assertIsAConsolePage("the safety review with a flagged message");
        browser.screenshot("console-safety-review-flagged");
        follow(row.findElement(By.linkText("Transcript")));

        assertThat(text("h1")).isEqualTo("Conversation for safety review");
        WebElement highlighted = browser.driver.findElement(By.cssSelector(".message.highlighted"));
        assertThat(highlighted.getDomAttribute("id")).isEqualTo(id);
        assertThat(highlighted.getDomAttribute("aria-current")).isEqualTo("true");
        assertThat(highlighted.findElement(By.tagName("mark")).getText()).isEqualTo(worrying);
        assertThat(browser.driver.executeScript("return location.hash")).isEqualTo("#" + id);
        assertThat(browser.driver.executeScript("""
                const box = document.getElementById(arguments[0]).getBoundingClientRect();
                return box.top >= 0 && box.top < innerHeight""", id))
                .as("scrolled to the message")
                .isEqualTo(true);
        assertIsAConsolePage("an administrator's transcript opened at the message on the safety review");
        browser.screenshot("console-transcript-highlighted");
    }

    @Test
    void anAdministratorCreatesAnEditorWhoChoosesAPasswordAtTheFirstLoginBeforeTheConsoleOpens() {
        String editor = "erin-" + Long.toString(System.nanoTime(), 36);
        logIn(ADMIN, ADMIN_PASSWORD);
        follow(browser.driver.findElement(By.linkText("Staff accounts")));
        assertThat(text("h1")).isEqualTo("Staff accounts");

        browser.driver.findElement(By.id("username")).sendKeys(editor);
        browser.driver.findElement(By.cssSelector("label[for=role-EDITOR]")).click();
        follow(button("Create account"));

        assertThat(text("h1")).isEqualTo("Account " + editor + " created");
        String oneTime = text("#one-time-password");
        assertThat(oneTime).hasSize(23);
        assertIsAConsolePage("the one-time password");
        follow(browser.driver.findElement(By.linkText("Staff accounts")));
        assertThat(text("#accounts tr[data-username='" + editor + "']"))
                .contains("Editor", "Active, must choose a password at next login")
                .doesNotContain(oneTime);
        follow(button("Log out"));

        logIn(editor, oneTime);

        assertThat(browser.driver.getCurrentUrl()).isEqualTo(site() + "/staff/password");
        assertThat(text("h1")).isEqualTo("Choose your password");
        assertIsAConsolePage("choosing a password in place of a one-time password");
        assertThat(text("nav.console-nav")).as("nothing else opens yet").isEqualTo(editor + "\nLog out");
        browser.driver.get(site() + "/staff/knowledge");
        assertThat(browser.driver.getCurrentUrl())
                .as("the knowledge base waits")
                .isEqualTo(site() + "/staff/password");

        browser.driver.findElement(By.id("current")).sendKeys(oneTime);
        browser.driver.findElement(By.id("chosen")).sendKeys("erin's own password");
        browser.driver.findElement(By.id("repeated")).sendKeys("erin's own password");
        follow(button("Save the new password"));

        assertThat(browser.driver.getCurrentUrl()).isEqualTo(site() + "/staff/knowledge");
        assertThat(text("nav.console-nav"))
                .contains("Knowledge base", "Change password")
                .doesNotContain("Staff accounts");
    }

    @Test
    void showsTheQueueOnAPhoneAsACardARequestWithoutScrollingSideways() throws Exception {
        UUID handoff =
                visitorAsksForAFollowUp("Dana Whitfield-Okonkwo", List.of()).handoff();
        logIn(REVIEWER, REVIEWER_PASSWORD);

        onAPhone(() -> {
            browser.driver.get(site() + "/staff/handoffs");

            assertFitsAPhone("the queue");
            WebElement row = browser.driver.findElement(linkTo(handoff)).findElement(By.xpath("ancestor::tr"));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> cells = (List<Map<String, Object>>) browser.driver.executeScript("""
                    return [...arguments[0].cells].filter(c => c.getClientRects().length > 0).map(c => {
                      const box = c.getBoundingClientRect();
                      return { label: getComputedStyle(c, '::before').content.replace(/^"|"$/g, ''),
                               left: Math.round(box.left), top: Math.round(box.top), bottom: Math.round(box.bottom) };
                    });""", row);
            assertThat(cells)
                    .extracting(c -> c.get("label"))
                    .as("each line of the card named by its column")
                    .containsExactly(
                            "Received", "Name", "Reason", "Contact", "Preferred time", "Status", "Assigned to");
            assertThat(cells)
                    .extracting(c -> c.get("left"))
                    .as("one above the other")
                    .containsOnly(cells.get(0).get("left"));
            for (int i = 1; i < cells.size(); i++) {
                assertThat((Long) cells.get(i).get("top"))
                        .as("line %d under line %d", i + 1, i)
                        .isGreaterThanOrEqualTo((Long) cells.get(i - 1).get("bottom"));
            }
            assertThat(browser.axeViolations()).as("the queue on a phone").isEmpty();
        });
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
        assertThat(browser.driver.findElement(linkTo(visit.handoff())).getText())
                .as("after a reload")
                .isEqualTo(name);
        assertNothingRan();

        follow(browser.driver.findElement(linkTo(visit.handoff())));

        assertThat(text("h1")).isEqualTo("Request from " + name);
        assertThat(transcript()).contains("Visitor: " + message);
        assertNothingRan();
    }

    // ---- screenshots for the README ----

    /**
     * A screenshot of each console page, on a desktop and on a phone, for the README: the first of the class's tests,
     * so that the queue holds its own requests first (classes run earlier in the same application may add others).
     * Three visitors ask for a person, two of them after a question
     * the bot missed; one request is in progress; a question is tried after an earlier one; a rule added to the
     * synonyms in the draft waits to be published (and is discarded at the end).
     */
    @Test
    @Order(1)
    void writesAScreenshotOfEachConsolePageOnADesktopAndAPhone(@Autowired KnowledgeEditor editor) throws Exception {
        visit("/login");
        documented("login", "ClinicFAQ staff console");

        UUID ann = visitorAsksForAFollowUp(
                        new Contact("Ann Lee"), List.of("how long does kyphoplasty take?", "will i have a scar"))
                .handoff();
        UUID marcus = visitorAsksForAFollowUp(
                        new Contact(
                                "Marcus Bell",
                                "707 555 0142",
                                "",
                                "after 4 pm",
                                "when can I drive again after the procedure"),
                        List.of("how soon am i back on my feet"))
                .handoff();
        visitorAsksForAFollowUp(
                new Contact("Priya Shah", "", "priya.shah@example.com", "", "a question about my referral"),
                List.of("how soon will i be back on my feet"));
        logIn(ADMIN, ADMIN_PASSWORD);
        visit("/staff/handoffs/" + marcus);
        follow(button("Assign to me"));
        follow(button("Mark as in progress"));

        visit("/staff/handoffs");
        // other test classes that share this application (and its database) may have left requests of their own
        assertThat(text("#queue")).contains("Ann Lee", "Marcus Bell", "Priya Shah");
        documented("queue", "Handoff requests");
        visit("/staff/handoffs/" + ann);
        assertThat(transcript()).anySatisfy(line -> assertThat(line).contains("45 to 60 minutes"));
        documented("request", "Request from Ann Lee");
        documented("transcript", "Request from Ann Lee", "#conversation-heading");
        visit("/staff/admin/audit");
        documented("audit", "Audit log");
        visit("/staff/analytics");
        documented("analytics", "Analytics");
        visit("/staff/knowledge/unanswered");
        assertThat(text("main")).contains("how soon am i back on my feet", "will i have a scar");
        documented("unanswered", "Unanswered questions");
        visit("/staff/knowledge/try?earlier=what%20is%20kyphoplasty&q=how%20long%20does%20it%20take");
        assertThat(browser.driver.findElement(By.id("earlier")).getDomProperty("value"))
                .isEqualTo("what is kyphoplasty");
        assertThat(text("#live")).contains("45 to 60 minutes");
        documented("try", "Try a question", "form.try");
        visit("/staff/admin/accounts");
        documented("accounts", "Staff accounts");

        visit("/staff/knowledge");
        documented("knowledge", "Knowledge base");
        browser.driver.get(href(By.cssSelector("ul.faqs a")));
        assertThat(text("h1")).startsWith("FAQ: ");
        documented("faq", text("h1"));
        try {
            visit("/staff/knowledge/files/synonyms");
            browser.driver.executeScript(
                    "arguments[0].value = arguments[0].value.trimEnd() + '\\nscar, scarring, scars\\n'",
                    browser.driver.findElement(By.id("content")));
            follow(button("Save to draft"));
            visit("/staff/knowledge/publish");
            assertThat(text("main")).contains("added", "scar, scarring, scars");
            documented("publish", "Publish the draft");
            visit("/staff/knowledge/versions");
            documented("versions", "Versions");
        } finally {
            editor.discard();
        }
    }

    /** Screenshots of the open page, whose heading is {@code h1}: at 1280 × 800, and on a phone at 390 × 844. */
    static void documented(String page, String h1) {
        documented(page, h1, "body");
    }

    /** The same, scrolled to the element {@code top} (a CSS selector) on each screen. */
    static void documented(String page, String h1, String top) {
        assertThat(browser.text("h1")).isEqualTo(h1);
        Runnable scroll =
                () -> browser.driver.executeScript("document.querySelector(arguments[0]).scrollIntoView()", top);
        onScreen(1280, 800, 1, false, () -> {
            scroll.run();
            browser.documented("console-" + page + "-desktop");
        });
        onScreen(PHONE, PHONE_HEIGHT, 2, true, () -> {
            scroll.run();
            browser.documented("console-" + page + "-phone");
        });
    }

    // ---- the visitor ----

    /** A request with what the visitor saw, in the transcript's order ("Visitor: …", "Bot · kind: …"). */
    record Visit(UUID handoff, List<String> transcript) {}

    /** What a visitor writes into the contact form ("" for a field left empty). */
    record Contact(String name, String phone, String email, String preferredTime, String reason) {

        Contact(String name) {
            this(name, "707 555 0100", "ann@example.com", "weekday mornings", "a question about recovery");
        }
    }

    Visit visitorAsksForAFollowUp(String name, List<String> messages) throws Exception {
        return visitorAsksForAFollowUp(new Contact(name), messages);
    }

    /** A visitor says each message, asks for a person and sends the contact form, over the chat WebSocket. */
    Visit visitorAsksForAFollowUp(Contact contact, List<String> messages) throws Exception {
        try (ChatClient chat = ChatClient.connect(port)) {
            String conversation =
                    chat.awaitType("welcome").path("conversationId").asString();
            Map<String, String> sent = new HashMap<>();
            for (String message : messages) {
                sent.put(chat.say(message), message);
                int seq = chat.awaitType("ack").path("seq").intValue();
                chat.await(f ->
                        f.path("type").asString().equals("bot") && f.path("seq").intValue() > seq);
            }
            sent.put(chat.say("can i talk to a person"), "can i talk to a person");
            chat.awaitBot("handoff.form");
            chat.send(JsonMapper.builder()
                    .build()
                    .writeValueAsString(Map.of(
                            "v",
                            1,
                            "type",
                            "handoff.submit",
                            "name",
                            contact.name(),
                            "phone",
                            contact.phone(),
                            "email",
                            contact.email(),
                            "preferredTime",
                            contact.preferredTime(),
                            "reason",
                            contact.reason(),
                            "consentContact",
                            true,
                            "consentShare",
                            true)));
            chat.awaitBot("handoff.confirmed");

            List<JsonNode> frames = new ArrayList<>(chat.received());
            frames.removeIf(f -> !f.path("type").asString().equals("bot")
                    && !f.path("type").asString().equals("ack"));
            frames.sort(Comparator.comparingInt(f -> f.path("seq").intValue()));
            List<String> transcript = frames.stream()
                    .map(f -> f.path("type").asString().equals("ack")
                            ? "Visitor: " + sent.get(f.path("id").asString())
                            : "Bot · " + f.path("kind").asString() + ": "
                                    + f.path("text").asString())
                    .map(ConsoleBrowserIntegrationTests::collapsed)
                    .toList();
            UUID handoff = jdbc.sql("select id from handoff_request where conversation_id = ?")
                    .param(UUID.fromString(conversation))
                    .query(UUID.class)
                    .single();
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

    /** Opens a page of the site ("/staff/…"). */
    void visit(String page) {
        browser.driver.get(site() + page);
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
        assertThat(browser.driver.executeScript("return window.__sameQueuePage"))
                .as("no reload")
                .isEqualTo(true);
        return browser.driver.findElement(linkTo(handoff));
    }

    static By linkTo(UUID handoff) {
        return By.cssSelector("a[href='/staff/handoffs/" + handoff + "']");
    }

    /** The request's row of the queue, each cell by its column's heading. */
    Map<String, String> queueRow(UUID handoff) {
        List<String> columns = browser.driver.findElements(By.cssSelector("#queue thead th")).stream()
                .map(WebElement::getText)
                .toList();
        List<WebElement> cells = browser.driver.findElement(linkTo(handoff)).findElements(By.xpath("ancestor::tr/td"));
        assertThat(cells).hasSameSizeAs(columns);
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            row.put(columns.get(i), cells.get(i).getText());
        }
        return row;
    }

    String href(By link) {
        return browser.driver.findElement(link).getAttribute("href");
    }

    /**
     * The open page is the console's: its one stylesheet (first, loaded, no inline style), the console's navigation,
     * one main landmark with the page's one h1; no serious accessibility violation; nothing wider than a phone.
     */
    void assertIsAConsolePage(String page) {
        assertThat(
                        browser.driver.executeScript(
                                "return [...document.querySelectorAll('link[rel=stylesheet]')].map(l => new URL(l.href).pathname)"))
                .as(page + ": its stylesheets")
                .asInstanceOf(InstanceOfAssertFactories.LIST)
                .startsWith("/staff/console.css")
                .containsOnlyOnce("/staff/console.css");
        assertThat(browser.driver.executeScript("""
                        return [...document.styleSheets].some(s => s.href && new URL(s.href).pathname === '/staff/console.css'
                            && s.cssRules.length > 0)"""))
                .as(page + ": the console's stylesheet loaded")
                .isEqualTo(true);
        assertThat(browser.driver.findElements(By.tagName("style")))
                .as(page + ": no inline style")
                .isEmpty();
        assertThat(browser.driver.findElements(By.cssSelector("nav.console-nav")))
                .as(page + ": the console's navigation")
                .hasSize(1);
        assertThat(browser.driver.findElements(By.tagName("main")))
                .as(page + ": one main landmark")
                .hasSize(1);
        assertThat(browser.driver.findElements(By.tagName("h1")))
                .as(page + ": one h1")
                .hasSize(1);
        assertThat(browser.driver.findElements(By.cssSelector("main h1")))
                .as(page + ": the h1 in main")
                .hasSize(1);
        assertThat(browser.axeViolations()).as(page).isEmpty();
        onAPhone(() -> assertFitsAPhone(page));
    }

    /** Runs {@code check} with the viewport of a phone, 390 CSS pixels wide, then goes back to the desktop's. */
    static void onAPhone(Runnable check) {
        onScreen(PHONE, PHONE_HEIGHT, 3, true, check);
    }

    /**
     * Runs {@code check} with a viewport of that size (CSS pixels) and device pixel ratio, laid out as on a phone if
     * {@code mobile}, then goes back to the window's.
     */
    static void onScreen(int width, int height, int pixelRatio, boolean mobile, Runnable check) {
        browser.driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of(
                        "width",
                        width,
                        "height",
                        height,
                        "screenWidth",
                        width,
                        "screenHeight",
                        height,
                        "deviceScaleFactor",
                        pixelRatio,
                        "mobile",
                        mobile));
        try {
            browser.await(d -> Long.valueOf(width).equals(browser.driver.executeScript("return screen.width")));
            check.run();
        } finally {
            browser.driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    /** Nothing on the open page is wider than a phone, so the page does not scroll sideways. */
    static void assertFitsAPhone(String page) {
        assertThat((Long) browser.driver.executeScript("return document.documentElement.scrollWidth"))
                .as(page + ": the page's width on a phone")
                .isLessThanOrEqualTo((long) PHONE);
    }

    String row(UUID handoff) {
        return browser.driver
                .findElement(linkTo(handoff))
                .findElement(By.xpath("ancestor::tr"))
                .getText();
    }

    String text(String css) {
        return browser.text(css);
    }

    WebElement button(String label) {
        return browser.button(label);
    }

    List<String> buttonLabels() {
        return browser.driver.findElements(By.tagName("button")).stream()
                .map(WebElement::getText)
                .toList();
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
                    return collapsed(who + ": "
                            + m.findElement(By.cssSelector(".meta + div")).getText());
                })
                .toList();
    }

    /** No markup from a visitor became an element, and none of it ran. */
    void assertNothingRan() {
        assertThat(browser.driver.executeScript("return typeof window.__pwned")).isEqualTo("undefined");
        assertThat(browser.driver.executeScript("""
                        return [...document.querySelectorAll('img, script')]
                            .filter(e => e.outerHTML.includes('__pwned')).length""")).isEqualTo(0L);
    }

    static String collapsed(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
