package com.clinicfaq.widget;

import static com.clinicfaq.widget.WidgetBrowserIntegrationTests.EMERGENCY;
import static com.clinicfaq.widget.WidgetBrowserIntegrationTests.HOW_LONG;
import static com.clinicfaq.widget.WidgetBrowserIntegrationTests.OWN_CASE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * How the conversation reads in the widget (issue #17, item 3), on a desktop and on phones down to 320 CSS pixels:
 * urgent guidance kept in view from its start, the disclaimer shown once, one greeting, each offer said once,
 * disabled controls, the contact form (fitting, errors, drafts); and the screenshots of each state of the widget
 * that the README shows ({@link Browser#documented}).
 */
@WidgetSite
class WidgetConversationBrowserIntegrationTests {

    /** The screens of the issue: a desktop (1280 × 800), a phone (390 × 844), the narrowest phone (320 × 568). */
    enum Screen {
        DESKTOP(1280, 800),
        PHONE(390, 844),
        SMALL_PHONE(320, 568);

        final int width;
        final int height;

        Screen(int width, int height) {
            this.width = width;
            this.height = height;
        }

        Browser start() {
            if (this != DESKTOP) {
                return Browser.phone(width, height, 2.0);
            }
            Browser browser = Browser.desktop(width, height);
            // the window's size less the browser's own bars would leave a smaller page: make the page 1280 × 800
            browser.driver.executeCdpCommand(
                    "Emulation.setDeviceMetricsOverride",
                    Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
            return browser;
        }

        String label() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    @LocalServerPort
    int port;

    Browser browser;
    String name;

    @AfterEach
    void keepScreenshot(TestInfo test) {
        if (browser != null) {
            try {
                browser.screenshot(
                        name != null ? name : test.getTestMethod().orElseThrow().getName());
            } finally {
                browser.close();
            }
        }
    }

    /** The demo page on that screen, with the chat open on its greeting. */
    WebElement openChat(Screen screen, TestInfo test) {
        name = test.getTestMethod().orElseThrow().getName() + "-" + screen.label();
        browser = screen.start();
        browser.open("http://localhost:" + port + "/");
        return browser.openChat();
    }

    // ---- urgent guidance, the disclaimer, the greeting ----

    @ParameterizedTest
    @EnumSource(Screen.class)
    void keepsUrgentGuidanceInViewFromItsStartWhenTheOfferFollows(Screen screen, TestInfo test) {
        openChat(screen, test);
        browser.ask(HOW_LONG);

        WebElement alert = browser.ask(EMERGENCY);
        assertThat(alert.getDomAttribute("role")).isEqualTo("alert");
        browser.await(d -> browser.in(".msg.bot[data-kind='handoff.offer']"));

        assertThat(browser.js("""
                const log = root.querySelector('.log').getBoundingClientRect();
                const alert = root.querySelector('.msg.alert').getBoundingClientRect();
                return [Math.round(alert.top - log.top), Math.round(log.height)];
                """))
                .as("the urgent bubble's top, from the top of the message list, and the list's height")
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .satisfies(topAndHeight ->
                        assertThat((Long) topAndHeight.get(0)).isBetween(0L, (Long) topAndHeight.get(1) - 40));
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void showsTheDisclaimerOnceAlwaysInViewWithAMarkerOnEachBotMessageThatLeadsToIt(Screen screen, TestInfo test) {
        openChat(screen, test);
        browser.ask(HOW_LONG);
        browser.ask(EMERGENCY);
        browser.await(d -> browser.in(".msg.bot[data-kind='handoff.offer']"));

        String disclaimer = browser.in(".note").getDomProperty("textContent");
        assertThat(disclaimer).contains("not medical advice");
        assertThat(browser.js("""
                const disclaimer = root.querySelector('.note').textContent;
                const shown = [];
                const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
                for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                  const el = n.parentElement, r = el.getBoundingClientRect();
                  if (n.textContent.includes(disclaimer) && el.checkVisibility() && r.width > 1 && r.height > 1) {
                    shown.push(el.className);
                  }
                }
                return shown;
                """)).as("the elements that show the disclaimer").isEqualTo(List.of("note"));
        assertThat(browser.js("""
                const r = root.querySelector('.note').getBoundingClientRect();
                const p = root.querySelector('.panel').getBoundingClientRect();
                return r.top >= p.top && r.bottom <= p.bottom && r.top >= 0 && r.bottom <= innerHeight && r.height > 10;
                """))
                .as("the note is in view at the top of the panel")
                .isEqualTo(true);

        List<WebElement> bots = browser.all(".msg.bot");
        assertThat(bots).hasSizeGreaterThanOrEqualTo(4);
        for (WebElement bot : bots) {
            WebElement marker = bot.findElement(By.cssSelector("button.dm"));
            assertThat(marker.isDisplayed()).isTrue();
            assertThat(marker.getAccessibleName()).isEqualTo("Disclaimer, at the top of the chat");
            assertThat(bot.getDomProperty("textContent"))
                    .as("what a screen reader reads of %s", bot.getText())
                    .contains(disclaimer);
            assertThat(browser.driver.executeScript("""
                    const disc = arguments[0].querySelector('.disc');
                    return !disc.closest('[aria-hidden=true]') && getComputedStyle(disc).display !== 'none'
                        && getComputedStyle(disc).visibility !== 'hidden';
                    """, bot))
                    .as("the disclaimer of %s is not hidden from screen readers", bot.getText())
                    .isEqualTo(true);
        }
        assertThat(browser.js("return root.querySelector('[aria-live]').textContent"))
                .asString()
                .as("announced with the answer")
                .contains("45 to 60 minutes")
                .contains(disclaimer);

        bots.getLast().findElement(By.cssSelector("button.dm")).click();

        assertThat(browser.focused()).as("the marker leads to the note").isEqualTo("p.note");
        assertThat(browser.js("return getComputedStyle(root.querySelector('.note')).outlineStyle"))
                .isEqualTo("solid");
    }

    @Test
    void greetsOncePerConversationWithThePagesGreetingEvenAfterAReload(TestInfo test) {
        WebElement greeting = openChat(Screen.DESKTOP, test);

        assertThat(said(greeting)).startsWith("Hi! I answer questions from the patient articles of Napa Valley");
        assertThat(greeting.getText())
                .as("the service's own greeting is replaced, not repeated")
                .doesNotContain("Hello!");
        assertThat(logClasses()).containsExactly("msg bot");

        browser.ask(HOW_LONG);
        browser.driver.navigate().refresh();
        browser.await(d -> browser.in(".panel").isDisplayed()
                && browser.all(".msg.bot[data-kind=answer]").size() == 1);

        assertThat(browser.all(".msg.bot[data-kind=greeting]")).hasSize(1);
        assertThat(said(browser.all(".msg.bot[data-kind=greeting]").getFirst()))
                .startsWith("Hi! I answer questions from the patient articles of Napa Valley");
        assertThat(logClasses()).containsExactly("msg bot", "msg visitor", "msg bot");
    }

    // ---- offers, answers to them, disabled controls ----

    @Test
    void offersAFollowUpOnceAndAnswersNoThanksSensibly(TestInfo test) {
        openChat(Screen.DESKTOP, test);
        WebElement note = browser.ask(OWN_CASE);
        WebElement offer = browser.await(d -> browser.in(".msg.bot[data-kind='handoff.offer']"));

        assertThat(note.getDomAttribute("data-kind")).isEqualTo("clinician");
        assertThat(note.getText()).doesNotContain("Would you like");
        assertThat(offer.getText()).contains("Would you like a member of the practice's staff to contact you?");
        assertThat(browser.all(".msg.bot"))
                .filteredOn(bot -> bot.getText().contains("Would you like"))
                .hasSize(1);

        WebElement no = offer.findElement(By.xpath(".//button[normalize-space()='No, thanks']"));
        int before = browser.all(".msg.bot").size();
        no.click();
        WebElement reply = browser.await(d -> browser.all(".msg.bot").size() > before
                ? browser.all(".msg.bot").get(before)
                : null);

        assertThat(said(reply)).isEqualTo("No problem. You can keep asking me questions here.");
        assertThat(no.getDomAttribute("aria-pressed")).isEqualTo("true");
        assertThat(offer.findElements(By.cssSelector(".chip")))
                .allSatisfy(chip -> assertThat(chip.getDomAttribute("disabled"))
                        .as("'%s' is settled", chip.getText())
                        .isNotNull());
    }

    @Test
    void disabledControlsLookAndActDisabledAndOldSuggestionsStopBeingButtons(TestInfo test) {
        WebElement greeting = openChat(Screen.DESKTOP, test);
        String liveChip = look(greeting.findElement(By.cssSelector(".suggest .chip")));

        browser.ask(OWN_CASE);
        WebElement offer = browser.await(d -> browser.in(".msg.bot[data-kind='handoff.offer']"));
        assertThat(greeting.findElements(By.cssSelector(".chip")))
                .as("the greeting's suggestions still clickable")
                .filteredOn(WebElement::isEnabled)
                .isEmpty();
        List<WebElement> actions = offer.findElements(By.cssSelector(".chip"));
        assertThat(actions)
                .hasSize(2)
                .allSatisfy(chip -> assertThat(chip.isEnabled()).isTrue());
        assertThat(look(actions.get(1))).isEqualTo(liveChip);

        actions.getFirst().click();
        WebElement form = browser.await(d -> browser.in("form.hf"));

        WebElement no = actions.get(1);
        assertThat(no.getDomAttribute("disabled")).isNotNull();
        assertThat(look(no)).as("a settled button looks settled").isNotEqualTo(liveChip);
        new Actions(browser.driver).moveToElement(no).click().perform(); // nothing happens
        WebElement send = form.findElement(By.cssSelector("button[type=submit]"));
        WebElement name = Browser.field(form, "name");
        String liveSend = look(send);
        String liveField = look(name);
        name.sendKeys("Ann Lee");
        Browser.field(form, "phone").sendKeys("707 555 0100");
        Browser.field(form, "consentContact").click();
        Browser.field(form, "consentShare").click();
        send.click();
        browser.await(d -> browser.in(".msg.bot[data-kind='handoff.confirmed']"));

        assertThat(browser.all(".msg.bot"))
                .extracting(bot -> bot.getDomAttribute("data-kind"))
                .as("the click on the settled 'No, thanks' sent nothing")
                .containsExactly("greeting", "clinician", "handoff.offer", "handoff.form", "handoff.confirmed");
        assertThat(form.findElement(By.tagName("fieldset")).getDomAttribute("disabled"))
                .isNotNull();
        assertThat(browser.driver.executeScript(
                        "return arguments[0].matches(':disabled') && arguments[1].matches(':disabled')", send, name))
                .isEqualTo(true);
        assertThat(look(send)).as("the sent form's button").isNotEqualTo(liveSend);
        assertThat(look(name)).as("the sent form's field").isNotEqualTo(liveField);
        assertThat(browser.axeViolations())
                .as("settled buttons and a sent form")
                .isEmpty();
    }

    // ---- the contact form ----

    @ParameterizedTest
    @EnumSource(Screen.class)
    void fitsTheContactFormInItsBubble(Screen screen, TestInfo test) {
        openChat(screen, test);
        WebElement form = contactForm();

        WebElement bubble = browser.in(".msg.bot[data-kind='handoff.form']");
        int left = bubble.getRect().getX();
        int right = left + bubble.getRect().getWidth();
        for (WebElement control : form.findElements(By.cssSelector("input, textarea, button"))) {
            int x = control.getRect().getX();
            assertThat(List.of(x, x + control.getRect().getWidth()))
                    .as(
                            "%s [name=%s] between the bubble's sides %s and %s",
                            control.getTagName(), control.getDomAttribute("name"), left, right)
                    .allSatisfy(side -> assertThat(side).isBetween(left, right));
        }
        assertThat(browser.js("const l = root.querySelector('.log'); return l.scrollWidth <= l.clientWidth"))
                .as("no sideways scrolling")
                .isEqualTo(true);
        assertThat(browser.axeViolations())
                .as("the contact form on this screen")
                .isEmpty();
    }

    @Test
    void clearsEachErrorAsItIsFixed(TestInfo test) {
        openChat(Screen.DESKTOP, test);
        WebElement form = contactForm();
        form.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(Browser.errors(form))
                .containsOnlyKeys("name", "phone", "consentContact", "consentShare")
                .containsEntry("consentContact", "Please tick this box to continue.");

        Browser.field(form, "consentContact").click();

        assertThat(Browser.errors(form)).as("ticked").containsOnlyKeys("name", "phone", "consentShare");
        assertThat(Browser.field(form, "consentContact").getDomAttribute("aria-invalid"))
                .isEqualTo("false");

        Browser.field(form, "name").sendKeys("Ann Lee");
        assertThat(Browser.errors(form)).containsOnlyKeys("phone", "consentShare");

        Browser.field(form, "email").sendKeys("ann@");
        assertThat(Browser.errors(form))
                .as("an email, even unfinished, answers 'a phone or an email'; " + "no new error while typing")
                .containsOnlyKeys("consentShare");
        Browser.field(form, "email").sendKeys("example.com");
        Browser.field(form, "consentShare").click();

        assertThat(Browser.errors(form)).isEmpty();
        assertThat(form.findElements(By.cssSelector(".err")))
                .allSatisfy(err -> assertThat(err.isDisplayed()).isFalse());
    }

    @Test
    void keepsTypedFormValuesThroughAReloadInSessionStorageNeverLocalStorage(TestInfo test) {
        openChat(Screen.DESKTOP, test);
        WebElement form = contactForm();
        Browser.field(form, "name").sendKeys("Ann Lee");
        Browser.field(form, "phone").sendKeys("707 555 0100");
        Browser.field(form, "preferredTime").sendKeys("weekday mornings");
        Browser.field(form, "reason").sendKeys("my fracture");

        browser.driver.navigate().refresh();
        WebElement restored = browser.await(d -> browser.in("form.hf"));

        assertThat(Map.of(
                        "name",
                        value(restored, "name"),
                        "phone",
                        value(restored, "phone"),
                        "preferredTime",
                        value(restored, "preferredTime"),
                        "reason",
                        value(restored, "reason")))
                .isEqualTo(Map.of(
                        "name",
                        "Ann Lee",
                        "phone",
                        "707 555 0100",
                        "preferredTime",
                        "weekday mornings",
                        "reason",
                        "my fracture"));
        assertThat(storage("sessionStorage")).as("the tab's storage").contains("Ann Lee");
        assertThat(storage("localStorage"))
                .as("storage kept after the tab is closed")
                .doesNotContain("Ann Lee", "clinicfaq");

        Browser.field(restored, "consentContact").click();
        Browser.field(restored, "consentShare").click();
        restored.findElement(By.cssSelector("button[type=submit]")).click();
        browser.await(d -> browser.in(".msg.bot[data-kind='handoff.confirmed']"));

        assertThat(storage("sessionStorage"))
                .as("a sent form's draft is not kept")
                .doesNotContain("Ann Lee");
    }

    // ---- screenshots for the README ----

    @ParameterizedTest
    @EnumSource(
            value = Screen.class,
            names = {"DESKTOP", "PHONE"})
    void writesAScreenshotOfEachStateOfTheWidget(Screen screen, TestInfo test) {
        String prefix = "widget-" + screen.label() + "-";
        openChat(screen, test);
        browser.documented(prefix + "1-greeting");

        WebElement answer = browser.ask(HOW_LONG);
        assertThat(answer.findElement(By.cssSelector(".src a")).isDisplayed()).isTrue();
        browser.documented(prefix + "2-answer-with-source");

        browser.ask(EMERGENCY);
        browser.await(d -> browser.in(".msg.bot[data-kind='handoff.offer']"));
        browser.documented(prefix + "3-urgent-guidance");

        browser.in(".msg.bot[data-kind='handoff.offer'] .chip").click();
        WebElement form = browser.await(d -> browser.in("form.hf"));
        browser.await(d -> browser.focused().equals("input[name=name]"));
        Browser.field(form, "name").sendKeys("Ann Lee");
        Browser.field(form, "phone").sendKeys("707 555 0100");
        browser.documented(prefix + "4-contact-form");

        Browser.field(form, "consentContact").click();
        Browser.field(form, "consentShare").click();
        form.findElement(By.cssSelector("button[type=submit]")).click();
        browser.await(d -> browser.in(".msg.bot[data-kind='handoff.confirmed']"));
        browser.documented(prefix + "5-confirmation");
    }

    // ---- helpers ----

    /** Asks about the visitor's own case, says yes to the offer, and returns the contact form. */
    WebElement contactForm() {
        browser.ask(OWN_CASE);
        browser.await(d -> browser.in(".msg.bot[data-kind='handoff.offer'] .chip"))
                .click();
        WebElement form = browser.await(d -> browser.in("form.hf"));
        browser.await(d -> browser.focused().equals("input[name=name]"));
        return form;
    }

    /** The text of a bot message, without its source, buttons or disclaimer. */
    static String said(WebElement bot) {
        return bot.findElement(By.tagName("p")).getText();
    }

    /** The classes of the message list's children, in order. */
    @SuppressWarnings("unchecked")
    List<String> logClasses() {
        return (List<String>) browser.js("return [...root.querySelector('.log').children].map(e => e.className)");
    }

    /** What tells an element's state apart to the eye (a mouse pointer's shape alone does not). */
    String look(WebElement element) {
        return (String) browser.driver.executeScript("""
                const cs = getComputedStyle(arguments[0]);
                return [cs.opacity, cs.backgroundColor, cs.color, cs.borderTopColor].join(' | ');
                """, element);
    }

    static String value(WebElement form, String name) {
        return Browser.field(form, name).getDomProperty("value");
    }

    /** Every key and value in one of the page's storages, as one string. */
    String storage(String which) {
        return (String) browser.driver.executeScript(
                "const s = window[arguments[0]]; return Object.keys(s).map(k => k + '=' + s.getItem(k)).join('\\n')",
                which);
    }
}
