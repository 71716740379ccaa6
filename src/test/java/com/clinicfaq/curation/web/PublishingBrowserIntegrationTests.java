package com.clinicfaq.curation.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicfaq.curation.KnowledgeEditor.Change;
import com.clinicfaq.staff.StaffHttp;
import com.clinicfaq.widget.Browser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * What an editor sees publishing a draft and restoring a version, in a real headless Chromium: the coloured diff,
 * the draft tried beside the live version, the outcome with the safety net's figures, the versions with the live one
 * marked, and a restore in one step.
 * The window is a phone's, where the pages must not scroll sideways. A failed test leaves a screenshot in
 * {@code target/screenshots/}.
 */
class PublishingBrowserIntegrationTests extends KnowledgeConsole {

    @RegisterExtension
    static final Browser.PerClass session = new Browser.PerClass(Browser::phone, "publishing-");

    @Test
    void anEditorPublishesADraftAfterReviewingItsChangesThenRestoresTheVersionBefore() {
        editor.apply(new Change.AddPhrasing("activity-after", KnowledgeConsole.MISSED), EDITOR);
        browser().logIn(site(), EDITOR, EDITOR_PASSWORD);
        browser().driver.get(site() + "/staff/knowledge/publish");

        assertThat(text("h1")).isEqualTo("Publish the draft");
        WebElement added = browser().driver.findElements(By.cssSelector("li.added")).stream()
                .filter(line -> line.getText().endsWith("+? " + KnowledgeConsole.MISSED))
                .findFirst()
                .orElseThrow();
        assertThat(added.getCssValue("background-color")).isEqualTo("rgba(218, 251, 225, 1)");
        assertThat(browser().driver.findElements(By.cssSelector("li.removed")))
                .allSatisfy(
                        line -> assertThat(line.getCssValue("background-color")).isEqualTo("rgba(255, 235, 233, 1)"));
        assertThat(browser().driver.getPageSource()).doesNotContain("Publish anyway");
        assertFitsThePhoneAndAccessible("the publish page");

        browser().driver.get(site() + "/staff/knowledge/try?q=" + StaffHttp.encode(KnowledgeConsole.MISSED));
        assertThat(texts(".side h2")).containsExactly("Draft", "Live (version " + originalVersion + ")");
        assertFitsThePhoneAndAccessible("trying a question");

        browser().driver.navigate().back();
        browser().driver.findElement(By.id("comment")).sendKeys("Back on my feet");
        browser().follow(button("Publish"));

        long published = live.version();
        assertThat(published).isGreaterThan(originalVersion);
        assertThat(text("#result-heading")).isEqualTo("Published: version " + published + " is live");
        assertThat(texts(".figures li")).anySatisfy(f -> assertThat(f).startsWith("Safety cases:"));
        assertThat(text("#no-changes")).startsWith("The draft is the same as the live version");
        assertThat(answerText(KnowledgeConsole.MISSED)).contains(KnowledgeConsole.RIGHT);

        browser().follow(browser().driver.findElement(By.linkText("Versions")));

        assertThat(text("#version-" + published)).contains("Back on my feet", EDITOR, "Live");
        assertFitsThePhoneAndAccessible("the versions");

        browser().follow(browser().driver.findElement(By.cssSelector("#version-" + originalVersion + " a")));
        assertThat(text("h1")).isEqualTo("Version " + originalVersion);
        assertFitsThePhoneAndAccessible("a version");

        browser().follow(button("Restore version " + originalVersion));

        long restored = live.version();
        assertThat(text("#result-heading")).isEqualTo("Published: version " + restored + " is live");
        assertThat(text("body")).contains("It restores version " + originalVersion);
        assertThat(live.get().files()).isEqualTo(originalFiles);
        assertThat(answerText(KnowledgeConsole.MISSED)).doesNotContain(KnowledgeConsole.RIGHT);
    }

    @Test
    void anAdministratorSeesWhyAChangeIsRefusedAndCanPublishItAnywayOnlyWithAReason() {
        editor.apply(
                new Change.SaveFile(
                        "policy.yml",
                        originalFiles
                                .files()
                                .get("policy.yml")
                                .replaceAll("(?s)  - id: leg-numbness-or-weakness\n.*?(?=  - id: )", "")),
                EDITOR);
        browser().logIn(site(), ADMIN, ADMIN_PASSWORD);
        browser().driver.get(site() + "/staff/knowledge/publish");
        browser().driver.findElement(By.id("comment")).sendKeys("Fewer rules");

        browser().follow(button("Publish"));

        assertThat(text("#result-heading")).isEqualTo("Not published: the change fails the safety net");
        assertThat(texts(".failures li")).anySatisfy(f -> assertThat(f).contains("emergency/leg-numbness-or-weakness"));
        assertThat(live.version()).isEqualTo(originalVersion);
        assertFitsThePhoneAndAccessible("a refusal");

        browser().driver.findElement(By.name("override")).click();
        browser().follow(button("Publish"));

        assertThat(text(".problem")).isEqualTo("To publish over failing checks, give the reason.");
        assertThat(live.version()).isEqualTo(originalVersion);
    }

    @Test
    void anEditorReadsTheQuestionADraftWouldAnswerWrongConfirmsItAndPublishes() {
        editor.apply(new Change.DeleteFaq("care-approach"), EDITOR);
        browser().logIn(site(), EDITOR, EDITOR_PASSWORD);
        browser().driver.get(site() + "/staff/knowledge/articles/kyphoplasty-compression-fractures/checks");
        assertThat(text("#checks"))
                .contains("How does Dr. Weisbein treat her patients?", "which the draft does not have");
        assertFitsThePhoneAndAccessible("an article's check questions");
        browser().driver.get(site() + "/staff/knowledge/publish");
        browser().driver.findElement(By.id("comment")).sendKeys("One FAQ fewer");

        browser().follow(button("Publish"));

        assertThat(text("#result-heading"))
                .isEqualTo("Not published: questions answered right now would be answered wrong");
        assertThat(text("table.now-wrong"))
                .startsWith("⚠ Was right → now wrong (1)")
                .contains(
                        "How does Dr. Weisbein treat her patients?",
                        "the FAQ “How does Dr. Weisbein treat her patients?”",
                        "the FAQ “What are Dr. Weisbein's credentials?”");
        assertThat(live.version()).isEqualTo(originalVersion);
        assertFitsThePhoneAndAccessible("a change that would answer a question wrong");

        button("Publish with these answers").click();
        assertThat(browser().driver.executeScript("return document.getElementById('confirm').validity.valueMissing"))
                .as("not without ticking the confirmation")
                .isEqualTo(true);
        assertThat(live.version()).isEqualTo(originalVersion);
        browser().driver.findElement(By.id("confirm")).click();
        browser().follow(button("Publish with these answers"));

        assertThat(text("#result-heading")).isEqualTo("Published: version " + live.version() + " is live");
        assertThat(text("table.now-wrong caption")).isEqualTo("⚠ Was right → now wrong (1): confirmed");
        assertThat(live.version()).isGreaterThan(originalVersion);
        assertFitsThePhoneAndAccessible("a change published with a question answered wrong, confirmed");
    }

    static Browser browser() {
        return session.get();
    }

    String site() {
        return "http://localhost:" + port;
    }

    static WebElement button(String label) {
        return browser().button(label);
    }

    static String text(String css) {
        return browser().text(css);
    }

    static List<String> texts(String css) {
        return browser().driver.findElements(By.cssSelector(css)).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** No sideways scrolling at a phone's width, no script on the page, and no serious accessibility violation. */
    static void assertFitsThePhoneAndAccessible(String page) {
        assertThat(browser().driver.executeScript("return document.documentElement.scrollWidth <= window.innerWidth"))
                .as(page + " fits the width")
                .isEqualTo(true);
        assertThat(browser().driver.findElements(By.tagName("script")))
                .as(page + " has no script")
                .isEmpty();
        assertThat(browser().axeViolations()).as(page).isEmpty();
    }
}
