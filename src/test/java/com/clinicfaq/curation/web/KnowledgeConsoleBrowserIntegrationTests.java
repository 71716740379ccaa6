package com.clinicfaq.curation.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicfaq.ApplicationTest;
import com.clinicfaq.curation.KnowledgeEditor;
import com.clinicfaq.widget.Browser;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;

/**
 * An editor changing an FAQ in a real headless Chromium: the form refuses a question another FAQ asks and an
 * empty answer, says why next to the form and keeps what was typed; corrected, the change is in the draft. A
 * failed test leaves a screenshot in {@code target/screenshots/}.
 */
@ApplicationTest
class KnowledgeConsoleBrowserIntegrationTests {

    static final String EDITOR = KnowledgeConsoleIntegrationTests.EDITOR;

    static Browser browser;

    @RegisterExtension
    static final TestWatcher screenshotOnFailure = Browser.screenshotOnFailure(() -> browser, "knowledge-");

    @LocalServerPort
    int port;

    @Autowired
    KnowledgeEditor editor;

    @BeforeAll
    static void startBrowser(@Autowired JdbcUserDetailsManager accounts, @Autowired PasswordEncoder encoder) {
        KnowledgeConsoleIntegrationTests.accounts(accounts, encoder);
        browser = Browser.desktop(1280, 900);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @AfterEach
    void discard() {
        editor.discard();
    }

    @Test
    void anEditorSeesWhyAnFaqChangeIsRefusedWithWhatTheyTypedThenSavesItCorrected() {
        logIn();
        assertThat(browser.driver.getCurrentUrl()).isEqualTo(site() + "/staff/knowledge");
        assertThat(text("h1")).isEqualTo("Knowledge base");

        browser.follow(browser.driver.findElement(By.linkText("How long does the procedure take?")));

        assertThat(text("h1")).isEqualTo("FAQ: How long does the procedure take?");
        WebElement question = browser.driver.findElement(By.id("question"));
        question.clear();
        question.sendKeys("What is kyphoplasty?");
        WebElement answer = browser.driver.findElement(By.id("answer"));
        answer.clear();
        answer.sendKeys("   ");
        browser.follow(button("Save to draft"));

        WebElement problems = browser.driver.findElement(By.id("problems"));
        assertThat(problems.getAttribute("role")).isEqualTo("alert");
        assertThat(problems.findElements(By.tagName("li")))
                .extracting(WebElement::getText)
                .containsExactly(
                        "The answer is empty.",
                        "The question 'What is kyphoplasty?' is already asked by FAQ 'what-is-kyphoplasty' (What is kyphoplasty?).");
        assertThat(value("question")).as("kept as typed").isEqualTo("What is kyphoplasty?");
        assertThat(value("phrasings")).startsWith("how long is kyphoplasty\n");
        assertThat(problems.getCssValue("background-color"))
                .as("styled from the page's own stylesheet")
                .isEqualTo("rgba(255, 235, 233, 1)");

        WebElement corrected = browser.driver.findElement(By.id("question"));
        corrected.clear();
        corrected.sendKeys("How long does kyphoplasty take?");
        browser.driver
                .findElement(By.id("answer"))
                .sendKeys(
                        "The entire procedure typically takes 45 to 60 minutes, and most patients go home the same day.");
        browser.follow(button("Save to draft"));

        assertThat(browser.driver.getCurrentUrl()).isEqualTo(site() + "/staff/knowledge");
        assertThat(text("#saved")).isEqualTo("Saved the FAQ “How long does kyphoplasty take?” to the draft.");
        assertThat(text("#draft-state"))
                .startsWith("Changed since live version")
                .contains("last by " + EDITOR);
        assertThat(browser.driver
                        .findElement(By.linkText("How long does kyphoplasty take?"))
                        .getAttribute("href"))
                .endsWith("/staff/knowledge/faqs/procedure-duration");
        assertThat(browser.driver.manage().logs().get(LogType.BROWSER).getAll())
                .as("nothing the Content-Security-Policy refused")
                .noneMatch(entry -> entry.getMessage().contains("Content Security Policy"));
    }

    String site() {
        return "http://localhost:" + port;
    }

    void logIn() {
        browser.driver.get(site() + "/login");
        browser.driver.manage().deleteAllCookies();
        browser.driver.get(site() + "/login");
        browser.driver.findElement(By.id("username")).sendKeys(EDITOR);
        browser.driver.findElement(By.id("password")).sendKeys(KnowledgeConsoleIntegrationTests.EDITOR_PASSWORD);
        browser.follow(browser.driver.findElement(By.cssSelector("button[type=submit]")));
    }

    String text(String css) {
        return browser.driver.findElement(By.cssSelector(css)).getText();
    }

    String value(String id) {
        return browser.driver.findElement(By.id(id)).getDomProperty("value");
    }

    WebElement button(String label) {
        List<WebElement> buttons =
                browser.driver.findElements(By.xpath("//main//button[normalize-space()='" + label + "']"));
        assertThat(buttons).as(label).hasSize(1);
        return buttons.getFirst();
    }
}
