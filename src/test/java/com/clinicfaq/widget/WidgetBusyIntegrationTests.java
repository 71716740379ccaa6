package com.clinicfaq.widget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clinicfaq.conversation.web.ChatClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What a visitor sees when the chat takes no more conversations (the same small cap as ChatAdmissionIntegrationTests). */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "clinicfaq.chat.max-connections=3")
class WidgetBusyIntegrationTests {

    @LocalServerPort
    int port;

    Browser browser;
    final List<ChatClient> others = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        try {
            if (browser != null) {
                browser.screenshot("showsThatTheChatIsBusyAndGetsInWhenThereIsRoom");
                browser.close();
            }
        } finally {
            for (ChatClient chat : others) {
                chat.close();
            }
        }
    }

    @Test
    void showsThatTheChatIsBusyAndGetsInWhenThereIsRoom() throws Exception {
        for (int i = 0; i < 3; i++) {
            ChatClient chat = ChatClient.connect(port);
            chat.awaitType("welcome");
            others.add(chat);
        }
        browser = Browser.desktop(1280, 900);
        browser.open("http://localhost:" + port + "/");

        browser.in(".launcher").click();

        WebElement status = browser.await(d -> browser.in(".status"));
        browser.await(d -> status.isDisplayed());
        assertThat(status.getText()).contains("busy").contains("Trying again shortly");
        assertThat(browser.all(".msg.bot")).as("no conversation yet").isEmpty();

        others.removeFirst().close();
        // the closed connection is counted out on the server a moment later: until then "Retry now" is turned away
        // again
        await("in through \"Retry now\"")
                .atMost(Duration.ofSeconds(30))
                .pollInSameThread() // the browser is driven from the test's thread only
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!browser.all(".msg.bot[data-kind=greeting]").isEmpty()) {
                        return true;
                    }
                    List<WebElement> retry = browser.all(".status button");
                    if (!retry.isEmpty() && retry.getFirst().isDisplayed()) {
                        retry.getFirst().click();
                    }
                    return false;
                });
        assertThat(status.isDisplayed()).isFalse();
    }
}
