package com.clinicfaq.widget;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicfaq.TwoProcedureLibrary;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 'Which procedure?' in the widget (issue #17, item 3): on the demo page of a library of two procedures (so about
 * no one article), a question that names none is asked back, with a button for each procedure that sends the
 * question naming it.
 */
class WidgetWhichProcedureBrowserIntegrationTests extends TwoProcedureLibrary {

    static final String QUESTION = "How long does the pain relief last?";

    @LocalServerPort
    int port;

    Browser browser;

    @AfterEach
    void keepScreenshot() {
        if (browser != null) {
            try {
                browser.screenshot("asksWhichProcedureWithAButtonForEach");
            } finally {
                browser.close();
            }
        }
    }

    @Test
    void asksWhichProcedureWithAButtonForEach() {
        browser = WidgetConversationBrowserIntegrationTests.Screen.DESKTOP.start();
        browser.open("http://localhost:" + port + "/");
        browser.openChat();

        WebElement clarify = browser.ask(QUESTION);

        assertThat(clarify.getDomAttribute("data-kind")).isEqualTo("clarify");
        assertThat(clarify.getText()).containsIgnoringCase("which procedure");
        List<WebElement> choices = clarify.findElements(By.cssSelector(".suggest button.chip"));
        assertThat(choices).hasSize(2).allSatisfy(choice -> {
            assertThat(choice.getText()).startsWith(QUESTION + " (");
            assertThat(choice.isEnabled()).isTrue();
        });
        browser.documented("widget-desktop-6-which-procedure");
        assertThat(browser.axeViolations())
                .as("the chat asking which procedure")
                .isEmpty();

        WebElement ablation = choices.stream()
                .filter(c -> c.getText().contains("ablation"))
                .findFirst()
                .orElseThrow();
        String sent = ablation.getText();
        int before = browser.all(".msg.bot").size();
        ablation.click();
        WebElement answer = browser.await(d -> browser.all(".msg.bot").size() > before
                ? browser.all(".msg.bot").get(before)
                : null);

        assertThat(browser.all(".msg.visitor")
                        .getLast()
                        .findElement(By.tagName("p"))
                        .getText())
                .isEqualTo(sent);
        assertThat(answer.getDomAttribute("data-kind")).isEqualTo("answer");
        assertThat(answer.getText()).contains("6 to 12 months");
        assertThat(clarify.findElements(By.cssSelector(".chip")))
                .as("the question's buttons still clickable")
                .filteredOn(WebElement::isEnabled)
                .isEmpty();
    }
}
