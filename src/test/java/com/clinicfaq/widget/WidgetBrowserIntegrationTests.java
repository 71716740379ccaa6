package com.clinicfaq.widget;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicfaq.DroppingProxy;
import com.clinicfaq.knowledge.CurrentKnowledge;
import com.clinicfaq.knowledge.Section;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a visitor sees and does, in a real headless Chromium on the demo page. Screenshots of the end of
 * every test (passed or failed) are kept in {@code target/screenshots/}.
 */
@WidgetSite
class WidgetBrowserIntegrationTests {

    static final String ANCHOR = "what-is-kyphoplasty-and-how-does-it-work-in-napa";
    static final String HOW_LONG = "how long does kyphoplasty take?";
    static final String EMERGENCY = "I suddenly can't feel my legs";
    /** A question about the visitor's own case: general information, then the offer of a follow-up. */
    static final String OWN_CASE = "should i get kyphoplasty?";

    @LocalServerPort
    int port;

    @Autowired
    CurrentKnowledge knowledge;

    Browser browser;

    @AfterEach
    void keepScreenshot(TestInfo test) {
        if (browser != null) {
            try {
                browser.screenshot(test.getTestMethod().orElseThrow().getName());
            } finally {
                browser.close();
            }
        }
    }

    String site() {
        return "http://localhost:" + port;
    }

    // ---- the page and the script ----

    @Test
    void showsTheArticlePageWithTheLauncherFromOneDeferredScript() throws Exception {
        browser = Browser.desktop(1280, 900);
        browser.open(site() + "/");

        var article = knowledge.knowledge().articles().getFirst();
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo(article.title());
        for (Section section : article.sections()) {
            assertThat(browser.driver.findElement(By.id(section.anchor())).getText())
                    .contains(section.title());
        }
        WebElement tag = browser.driver.findElement(By.cssSelector("script[src='/widget/clinicfaq-widget.js']"));
        assertThat(tag.getDomAttribute("defer")).isNotNull();
        assertThat(tag.getDomAttribute("data-server")).isEqualTo(site());

        WebElement launcher = browser.in(".launcher");
        assertThat(launcher.isDisplayed()).isTrue();
        assertThat(launcher.getText()).isEqualTo("Ask a question");
        assertThat(launcher.getDomAttribute("aria-expanded")).isEqualTo("false");
        assertThat(browser.in(".panel").isDisplayed()).isFalse();
        assertThat(browser.driver.executeScript("return performance.getEntriesByType('resource').map(e => e.name)"))
                .as("everything the page and widget loaded comes from the app")
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .allSatisfy(url -> assertThat((String) url).startsWith(site() + "/"));

        // A second copy of the tag (a CMS that includes it twice) changes nothing.
        browser.driver.executeScript("""
                const s = document.createElement('script');
                s.src = '/widget/clinicfaq-widget.js';
                s.onload = () => (window.secondCopyRan = true);
                document.body.append(s);
                """);
        browser.await(d -> Boolean.TRUE.equals(browser.driver.executeScript("return window.secondCopyRan === true")));
        assertThat(browser.driver.findElements(By.tagName("clinicfaq-widget"))).hasSize(1);
        assertThat(browser.driver.executeScript("return Object.keys(window).filter(k => /clinic/i.test(k))"))
                .isEqualTo(List.of("ClinicFAQ"));

        HttpResponse<String> script = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(site() + "/widget/clinicfaq-widget.js"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).contains("javascript"));
        assertThat(script.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(cache -> assertThat(cache).contains("max-age=3600", "public"));
        assertThat(script.headers().firstValue("Last-Modified")).isPresent();
    }

    @Test
    void keepsTheHostPagesStylesOutAndItsOwnIn() {
        browser = Browser.desktop(1280, 900);
        browser.open(site() + "/");
        String styleScript = """
                const cs = getComputedStyle(root.querySelector(arguments[0]));
                return [cs.display, cs.backgroundColor, cs.color, cs.fontSize, cs.fontFamily, cs.position].join(' | ');
                """;
        String launcherBefore = (String) browser.js(styleScript, ".launcher");
        String noteBefore = (String) browser.js(styleScript, ".note");

        browser.driver.executeScript("""
                const style = document.createElement('style');
                style.textContent = `* { color: red !important; background: yellow !important;
                    font: 40px/1 "Comic Sans MS", cursive !important; position: static !important; }
                  button, p, section, div { display: none !important; }`;
                document.head.append(style);
                """);

        assertThat(browser.js(styleScript, ".launcher")).isEqualTo(launcherBefore);
        assertThat(browser.js(styleScript, ".note")).isEqualTo(noteBefore);
        assertThat(browser.in(".launcher").isDisplayed()).isTrue();
        // ...and the widget puts nothing in the page but its host element.
        assertThat(browser.driver.executeScript("return document.styleSheets.length"))
                .isEqualTo(2L);
        assertThat(browser.driver.executeScript("return document.body.lastElementChild.tagName"))
                .isEqualTo("CLINICFAQ-WIDGET");
    }

    // ---- opening, focus, what is always visible ----

    @Test
    void opensWithTheDisclaimerPrivacyNoteAndSuggestionsAndClosesBackToTheLauncher() {
        browser = Browser.desktop(1280, 900);
        browser.open(site() + "/");

        browser.in(".launcher").click();

        assertThat(browser.in(".panel").isDisplayed()).isTrue();
        assertThat(browser.in(".launcher").getDomAttribute("aria-expanded")).isEqualTo("true");
        assertThat(browser.focused()).isEqualTo("textarea");
        assertThat(browser.in(".note").getText()).contains("not medical advice");
        assertThat(browser.in(".privacy").getText())
                .contains("stores conversations so staff can follow up")
                .contains("deleted after 30 days");

        WebElement greeting = browser.await(d -> browser.in(".msg.bot[data-kind=greeting]"));
        assertThat(greeting.getText())
                .as("the page's greeting (data-greeting)")
                .contains("Napa Valley Orthopaedic Medical Group");
        List<WebElement> suggestions = greeting.findElements(By.cssSelector(".suggest .chip"));
        assertThat(suggestions).isNotEmpty();
        assertThat(greeting.findElement(By.cssSelector(".disc")).getDomProperty("textContent"))
                .isNotBlank();
        browser.screenshot("open-with-suggestions");

        String suggestion = suggestions.getFirst().getText();
        suggestions.getFirst().click();
        browser.await(d -> browser.all(".msg.bot").size() >= 2);
        assertThat(browser.all(".msg.visitor").getLast().getText()).contains(suggestion);
        assertThat(browser.all(".suggest"))
                .as("the greeting's suggestions are settled")
                .isEmpty();

        new Actions(browser.driver).sendKeys(Keys.ESCAPE).perform();

        assertThat(browser.in(".panel").isDisplayed()).isFalse();
        assertThat(browser.focused()).isEqualTo("button.launcher");
    }

    // ---- answers, emergencies, handoff ----

    @Test
    void answersWithALinkToTheSourceSectionAndTheDisclaimer() {
        browser = Browser.desktop(1280, 900);
        browser.open(site() + "/");
        openChat();

        WebElement answer = ask(HOW_LONG);

        assertThat(answer.getDomAttribute("data-kind")).isEqualTo("answer");
        assertThat(answer.findElement(By.cssSelector("p")).getText()).contains("45 to 60 minutes");
        WebElement link = answer.findElement(By.cssSelector(".src a"));
        assertThat(link.getDomProperty("href")).isEqualTo(site() + "/#" + ANCHOR);
        assertThat(browser.driver.findElements(By.id(ANCHOR))).hasSize(1);
        String disclaimer = answer.findElement(By.cssSelector(".disc")).getDomProperty("textContent");
        assertThat(disclaimer).contains("not medical advice");
        assertThat(browser.in(".note").getText()).isEqualTo(disclaimer);
        assertThat(browser.js("return root.querySelector('[aria-live]').textContent"))
                .asString()
                .contains("45 to 60 minutes");
        assertThat(browser.in(".typing").isDisplayed()).isFalse();

        link.click();

        browser.await(d -> ("#" + ANCHOR).equals(browser.driver.executeScript("return location.hash")));
        assertThat(browser.in(".panel").isDisplayed())
                .as("the chat stays open on the same page")
                .isTrue();
    }

    @Test
    void showsEmergencyGuidanceAsAnAlertBeforeOfferingAFollowUp() {
        browser = Browser.desktop(1280, 900);
        browser.open(site() + "/");
        openChat();

        ask(EMERGENCY);

        WebElement alert = browser.await(d -> browser.in(".msg.alert[role=alert]"));
        assertThat(alert.getText()).contains("Urgent").contains("911");
        assertThat(alert.findElement(By.cssSelector(".disc")).getDomProperty("textContent"))
                .isNotBlank();
        assertThat(browser.js("const cs = getComputedStyle(root.querySelector('.alert')); "
                        + "return cs.borderTopWidth + ' ' + cs.borderTopColor"))
                .isEqualTo("2px rgb(179, 38, 30)");
        WebElement offer = browser.await(d -> browser.in(".msg.bot[data-kind='handoff.offer']"));
        assertThat(offer.findElements(By.cssSelector(".chip")))
                .extracting(WebElement::getText)
                .hasSize(2);
    }

    @Test
    void showsSpanishUrgentGuidanceAsTheSameAlert() {
        browser = Browser.phone();
        browser.open(site() + "/");
        openChat();

        ask("mi mamá no puede respirar bien");

        WebElement alert = browser.await(d -> browser.in(".msg.alert[role=alert]"));
        assertThat(alert.getText()).contains("Llame al 911");
        assertThat(alert.findElement(By.tagName("strong")).getText()).isEqualTo("Urgente");
        assertThat(alert.getDomAttribute("lang")).isEqualTo("es");
        assertThat(browser.js("const cs = getComputedStyle(root.querySelector('.alert')); "
                        + "return cs.borderTopWidth + ' ' + cs.borderTopColor"))
                .isEqualTo("2px rgb(179, 38, 30)");
        browser.await(d -> browser.in(".msg.bot[data-kind='handoff.offer']"));
    }

    @Test
    void onASpanishPageTheWidgetTheGreetingAndTheContactFormAreInSpanishAndAccessible() throws Exception {
        browser = Browser.phone();
        browser.open(site() + "/?lang=es");
        assertThat(browser.in(".launcher").getText()).isEqualTo("Haga una pregunta");
        openChat();

        WebElement greeting = browser.in(".msg.bot[data-kind=greeting]");
        assertThat(greeting.getText()).contains("¡Hola!");
        assertThat(greeting.findElements(By.cssSelector(".suggest .chip")))
                .as("the questions offered, in Spanish")
                .isNotEmpty()
                .allSatisfy(chip -> assertThat(chip.getText()).startsWith("¿"));
        assertThat(browser.in(".compose textarea").getDomAttribute("placeholder"))
                .isEqualTo("Escriba su pregunta");
        assertThat(browser.in(".compose button[type=submit]").getText()).isEqualTo("Enviar");

        ask("quiero hacer una cita por favor");
        WebElement form = browser.await(d -> browser.in("form.hf"));
        assertThat(form.getText()).contains("Su nombre (obligatorio)").contains("Sus datos de contacto");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        browser.await(d -> !errors(form).isEmpty());
        assertThat(errors(form))
                .containsEntry("name", "Por favor díganos su nombre.")
                .containsEntry("consentContact", "Por favor marque esta casilla para continuar.");

        assertThat(browser.axeViolations())
                .as("the Spanish chat with the form and its errors")
                .isEmpty();
    }

    @Test
    void takesAHandoffRequestValidatedInTheBrowserAndOnTheServer() {
        browser = Browser.desktop(1280, 900);
        browser.open(site() + "/");
        openChat();
        ask(OWN_CASE);
        WebElement offer = browser.await(d -> browser.in(".msg.bot[data-kind='handoff.offer']"));
        List<WebElement> actions = offer.findElements(By.cssSelector(".chip"));
        assertThat(actions).hasSize(2);

        actions.getFirst().click();

        WebElement form = browser.await(d -> browser.in(".msg.bot[data-kind='handoff.form'] form"));
        browser.await(d -> browser.focused().equals("input[name=name]"));
        WebElement send = form.findElement(By.cssSelector("button[type=submit]"));

        send.click();

        assertThat(errors(form)).containsOnlyKeys("name", "phone", "consentContact", "consentShare");
        assertThat(field(form, "name").getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.focused()).isEqualTo("input[name=name]");

        field(form, "name").sendKeys("Ann <img src=x onerror=\"window.pwned=1\"> Lee");
        field(form, "email").sendKeys("ann@");
        field(form, "consentContact").click();
        field(form, "consentShare").click();
        send.click();

        assertThat(errors(form)).containsOnlyKeys("email");
        assertThat(errors(form).get("email")).isEqualTo("Please enter an email address like name@example.com.");

        // A question in between leaves the form open, on the server and on the page.
        assertThat(ask(HOW_LONG).getText()).contains("45 to 60 minutes");
        assertThat(form.findElement(By.cssSelector("fieldset")).getDomProperty("disabled"))
                .isEqualTo("false");

        // The server checks again: a name over the limit set by script, past the field's maxlength.
        field(form, "email").sendKeys("example.com");
        browser.js("root.querySelector('form.hf [name=name]').value = 'A'.repeat(101)");
        send.click();

        browser.await(d -> errors(form).containsKey("name"));
        assertThat(errors(form)).containsOnlyKeys("name");
        assertThat(errors(form).get("name")).contains("at most 100 characters");
        browser.screenshot("handoff-server-validation");

        field(form, "name").clear();
        field(form, "name").sendKeys("Ann <b>Lee</b>");
        field(form, "preferredTime").sendKeys("weekday mornings");
        send.click();

        WebElement confirmed = browser.await(d -> browser.in(".msg.bot[data-kind='handoff.confirmed']"));
        assertThat(confirmed.getText()).contains("request was received");
        assertThat(form.findElement(By.cssSelector("fieldset")).getDomProperty("disabled"))
                .as("a sent form is settled")
                .isEqualTo("true");
        assertThat(browser.driver.executeScript("return window.pwned")).isNull();

        // ... and staff find it in the console, the visitor's markup shown as text, with the transcript.
        browser.driver.get(site() + "/login");
        browser.driver.findElement(By.id("username")).sendKeys("ada");
        browser.driver.findElement(By.id("password")).sendKeys("correct horse battery");
        browser.driver.findElement(By.cssSelector("button[type='submit']")).click();
        browser.driver.get(site() + "/staff/handoffs");
        WebElement request = browser.driver.findElement(By.linkText("Ann <b>Lee</b>"));
        request.click();
        assertThat(browser.driver.findElement(By.tagName("body")).getText())
                .contains(OWN_CASE)
                .contains("weekday mornings");
        assertThat(browser.driver.findElements(By.tagName("b"))).isEmpty();
    }

    @Test
    void showsMarkupInMessagesAsTextAndNeverRunsIt() {
        browser = Browser.desktop(1280, 900);
        browser.open(site() + "/");
        openChat();
        String hostile = "<img src=x onerror=\"window.pwned=1\"><script>window.pwned=2</script><b>bold?</b>";

        ask(hostile);
        browser.driver.navigate().refresh();
        browser.await(d -> browser.in(".panel").isDisplayed()
                && browser.all(".msg.visitor").size() == 1);

        assertThat(browser.all(".msg.visitor")
                        .getFirst()
                        .findElement(By.cssSelector("p"))
                        .getText())
                .isEqualTo(hostile);
        assertThat(browser.all("img, script, b")).isEmpty();
        assertThat(browser.driver.executeScript("return window.pwned")).isNull();
    }

    // ---- surviving reloads and dropped connections ----

    @Test
    void resumesTheConversationAfterAPageReload() {
        browser = Browser.desktop(1280, 900);
        browser.open(site() + "/");
        openChat();
        ask(HOW_LONG);
        String conversation = conversationId();

        browser.driver.navigate().refresh();

        browser.await(d -> browser.in(".panel").isDisplayed()
                && browser.all(".msg.bot[data-kind=answer]").size() == 1);
        assertThat(conversationId()).isEqualTo(conversation);
        assertThat(browser.all(".msg.visitor"))
                .extracting(e -> e.findElement(By.cssSelector("p")).getText())
                .containsExactly(HOW_LONG);
        assertThat(browser.all(".msg.bot[data-kind=greeting]"))
                .as("no second greeting")
                .hasSize(1);
        assertThat(browser.all(".msg.bot[data-kind=answer] .src a")).hasSize(1);

        WebElement next = ask("will I be asleep during kyphoplasty?");

        assertThat(next.getText()).isNotBlank();
        assertThat(conversationId()).isEqualTo(conversation);
    }

    @Test
    void goesOfflineQueuesAndRecoversWhenTheConnectionDrops() throws Exception {
        try (DroppingProxy proxy = new DroppingProxy(port)) {
            String site = "http://localhost:" + proxy.port();
            browser = Browser.desktop(1280, 900);
            browser.open(site + "/");
            openChat();
            ask(HOW_LONG);
            String conversation = conversationId();

            proxy.drop();

            WebElement status = browser.await(d -> browser.in(".status"));
            browser.await(d -> status.isDisplayed());
            assertThat(status.getText()).contains("offline");
            assertThat(status.getDomAttribute("role")).isEqualTo("status");
            browser.in(".compose textarea").sendKeys("what is recovery like?" + Keys.ENTER);
            WebElement queued = browser.all(".msg.visitor").getLast();
            assertThat(queued.getDomAttribute("data-state")).isEqualTo("queued");
            assertThat(queued.getText()).contains("Waiting for connection");
            // a deliberate wait, not for a condition: a few reconnect attempts fail meanwhile, and must NOT add errors
            Thread.sleep(2_000);
            assertThat(browser.all(".status"))
                    .as("one inline error, not one per attempt")
                    .hasSize(1);
            browser.screenshot("offline-queued");

            proxy.restore();

            browser.await(d -> "sent".equals(queued.getDomAttribute("data-state")));
            browser.await(d -> browser.all(".msg.bot[data-kind=answer]").size() == 2);
            assertThat(status.isDisplayed()).isFalse();
            assertThat(conversationId()).as("the same conversation, resumed").isEqualTo(conversation);
            assertThat(browser.all(".msg.visitor"))
                    .extracting(e -> e.findElement(By.cssSelector("p")).getText())
                    .containsExactly(HOW_LONG, "what is recovery like?");
        }
    }

    // ---- keyboard, accessibility, small screens ----

    @Test
    void canBeUsedWithTheKeyboardAlone() {
        browser = Browser.desktop(1280, 900);
        browser.open(site() + "/");
        Actions keys = new Actions(browser.driver);

        keys.keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
        assertThat(browser.focused())
                .as("the launcher is the last stop on the page")
                .isEqualTo("button.launcher");
        keys.sendKeys(Keys.ENTER).perform();
        assertThat(browser.focused()).isEqualTo("textarea");

        keys.sendKeys(HOW_LONG + Keys.ENTER).perform();
        browser.await(d -> browser.all(".msg.bot[data-kind=answer]").size() == 1);
        keys.keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
        assertThat(browser.focused())
                .as("'No' of 'Did this answer your question?'")
                .isEqualTo("button.chip");
        keys.keyDown(Keys.SHIFT).sendKeys(Keys.TAB, Keys.TAB).keyUp(Keys.SHIFT).perform();
        assertThat(browser.focused()).as("the answer's source link").isEqualTo("a");
        keys.sendKeys(Keys.TAB).perform();
        assertThat(browser.focused()).as("'Yes'").isEqualTo("button.chip");
        keys.sendKeys(Keys.ENTER).perform();
        assertThat(browser.in(".msg.bot[data-kind=answer] .helpful").getText()).isEqualTo("Thank you for telling us.");
        assertThat(browser.focused()).as("back to the question box").isEqualTo("textarea");

        keys.sendKeys(OWN_CASE + Keys.ENTER).perform();
        browser.await(
                d -> browser.all(".msg.bot[data-kind='handoff.offer'] .chip").size() == 2);
        keys.keyDown(Keys.SHIFT).sendKeys(Keys.TAB, Keys.TAB).keyUp(Keys.SHIFT).perform();
        assertThat(browser.focused()).isEqualTo("button.chip");
        keys.sendKeys(Keys.ENTER).perform();

        browser.await(d -> browser.focused().equals("input[name=name]"));
        keys.sendKeys(
                        "Ann Lee",
                        Keys.TAB,
                        "707 555 0100",
                        Keys.TAB,
                        Keys.TAB,
                        "weekday mornings",
                        Keys.TAB,
                        "my fracture",
                        Keys.TAB,
                        Keys.SPACE,
                        Keys.TAB,
                        Keys.SPACE,
                        Keys.TAB)
                .perform();
        assertThat(browser.focused()).isEqualTo("button.primary");
        keys.sendKeys(Keys.ENTER).perform();
        browser.await(
                d -> browser.all(".msg.bot[data-kind='handoff.confirmed']").size() == 1);
        assertThat(browser.focused()).as("back to the question box").isEqualTo("textarea");

        keys.sendKeys(Keys.ESCAPE).perform();
        assertThat(browser.in(".panel").isDisplayed()).isFalse();
        assertThat(browser.focused()).isEqualTo("button.launcher");
    }

    @Test
    void hasNoSeriousOrCriticalAccessibilityViolations() throws Exception {
        browser = Browser.desktop(1280, 900);
        browser.open(site() + "/");

        assertThat(browser.axeViolations()).as("the page with the launcher").isEmpty();

        openChat();
        ask(HOW_LONG);
        ask(EMERGENCY);
        browser.await(d -> browser.in(".msg.bot[data-kind='handoff.offer'] .chip"))
                .click();
        WebElement form = browser.await(d -> browser.in("form.hf"));
        form.findElement(By.cssSelector("button[type=submit]")).click();
        browser.await(d -> !errors(form).isEmpty());

        assertThat(browser.axeViolations())
                .as("the open chat with an answer, an alert and the form with errors")
                .isEmpty();
    }

    @Test
    void fillsAPhoneScreenWithLargeTapTargets() {
        browser = Browser.phone();
        browser.open(site() + "/");
        assertThat(size(browser.in(".launcher")))
                .allSatisfy(side -> assertThat(side).isGreaterThanOrEqualTo(44));

        browser.in(".launcher").click();
        WebElement answer = ask(HOW_LONG);

        assertThat(browser.js("const r = root.querySelector('.panel').getBoundingClientRect(); "
                        + "return [r.left, r.top, r.width, r.height, innerWidth, innerHeight].map(Math.round)"))
                .isEqualTo(List.of(0L, 0L, 390L, 844L, 390L, 844L));
        assertThat(browser.in(".launcher").isDisplayed())
                .as("the close button replaces the launcher")
                .isFalse();
        assertThat(answer.isDisplayed()).isTrue();
        for (WebElement target : browser.all(".panel button:not([hidden]), .panel textarea")) {
            if (target.isDisplayed()) {
                assertThat(size(target))
                        .as("tap target %s", target.getText())
                        .allSatisfy(side -> assertThat(side).isGreaterThanOrEqualTo(44));
            }
        }
        assertThat(browser.js("const l = root.querySelector('.log'); return l.scrollWidth <= l.clientWidth"))
                .as("no sideways scrolling")
                .isEqualTo(true);
        browser.screenshot("phone-answer");
        browser.in(".x").click();
        assertThat(browser.focused()).isEqualTo("button.launcher");
    }

    @Test
    void reflowsAtTwoHundredPercentZoomAndRespectsReducedMotion() {
        // 1280 × 800 at 200 % zoom lays out like a 640 × 400 viewport with two device pixels per CSS pixel.
        browser = Browser.desktop(1280, 800);
        browser.driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", 640, "height", 400, "deviceScaleFactor", 2, "mobile", false));
        browser.driver.executeCdpCommand(
                "Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-reduced-motion", "value", "reduce"))));
        browser.open(site() + "/");
        openChat();

        WebElement answer = ask(HOW_LONG);

        assertThat(browser.js("""
                const r = root.querySelector('.panel').getBoundingClientRect();
                return r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight;
                """)).as("the whole panel is on screen").isEqualTo(true);
        assertThat(browser.in(".compose textarea").isDisplayed()).isTrue();
        assertThat(browser.in(".send").isDisplayed()).isTrue();
        assertThat(answer.findElement(By.cssSelector(".src a")).isDisplayed()).isTrue();
        assertThat(browser.js("const l = root.querySelector('.log'); return l.scrollWidth <= l.clientWidth"))
                .isEqualTo(true);
        assertThat(browser.js("return getComputedStyle(root.querySelector('.typing i')).animationName"))
                .isEqualTo("none");
    }

    // ---- helpers ----

    void openChat() {
        browser.openChat();
    }

    WebElement ask(String question) {
        return browser.ask(question);
    }

    String conversationId() {
        return browser.conversationId();
    }

    static WebElement field(WebElement form, String name) {
        return Browser.field(form, name);
    }

    static Map<String, String> errors(WebElement form) {
        return Browser.errors(form);
    }

    static List<Integer> size(WebElement element) {
        return List.of(element.getRect().getWidth(), element.getRect().getHeight());
    }
}
