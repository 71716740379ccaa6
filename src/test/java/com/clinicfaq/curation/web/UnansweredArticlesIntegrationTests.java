package com.clinicfaq.curation.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicfaq.TestKnowledgeBases;
import com.clinicfaq.conversation.web.ChatClient;
import com.clinicfaq.curation.KnowledgeEditor;
import com.clinicfaq.knowledge.Faq;
import com.clinicfaq.knowledge.Section;
import com.clinicfaq.staff.StaffHttp;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.HtmlUtils;

/**
 * Fixes that fit the question (issue #20): in a library of two articles (the shipped kyphoplasty article and a
 * radiofrequency ablation article imported), the FAQ and the section a fix preselects come from the article the
 * question names, with that section's text beside the new FAQ's form, and nothing is preselected for a question that
 * names no procedure.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = UnansweredIntegrationTests.PROPERTIES)
class UnansweredArticlesIntegrationTests {

    static final String ABLATION = "radiofrequency-ablation-sample";
    static final Path FOLDER = TestKnowledgeBases.shippedWithSample("clinicfaq-unanswered-articles", ABLATION);

    @DynamicPropertySource
    static void folder(DynamicPropertyRegistry registry) {
        registry.add("clinicfaq.knowledge-base.path", FOLDER::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    KnowledgeEditor editor;

    @BeforeEach
    void editor(@Autowired JdbcUserDetailsManager accounts, @Autowired PasswordEncoder encoder) {
        UnansweredIntegrationTests.createEditor(accounts, encoder);
    }

    @Test
    void aQuestionNamingAProcedurePreselectsThatProceduresItemsAndOneNamingNoneNothing() throws Exception {
        String ablation = "can my dog come along to my radiofrequency ablation";
        String none = "can i bring my own pillow";
        assertThat(ask(ablation)).isEqualTo("unknown");
        assertThat(ask(none)).isEqualTo("unknown");

        HttpClient staff =
                new StaffHttp(port).loggedIn(UnansweredIntegrationTests.EDITOR, UnansweredIntegrationTests.PASSWORD);
        HttpResponse<String> page = staff.send(
                new StaffHttp(port).get(UnansweredIntegrationTests.PAGE), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);

        String named = UnansweredIntegrationTests.group(page.body(), ablation);
        assertThat(selected(named, "source")).singleElement().asString().startsWith(ABLATION + "#");
        List<Faq> faqs = editor.draftKnowledge().faqs();
        assertThat(selected(named, "faqId"))
                .singleElement()
                .satisfies(id -> assertThat(faqs)
                        .anySatisfy(
                                f -> assertThat(f.id() + " " + f.articleId()).isEqualTo(id + " " + ABLATION)));

        String anchor = selected(named, "source").getFirst().substring(ABLATION.length() + 1);
        Section section = editor.draftKnowledge().article(ABLATION).orElseThrow().sections().stream()
                .filter(s -> s.anchor().equals(anchor))
                .findFirst()
                .orElseThrow();
        assertThat(named)
                .as("the chosen section's text beside the form")
                .contains(
                        "<aside class=\"section-text\"",
                        HtmlUtils.htmlEscape(section.title()),
                        HtmlUtils.htmlEscape(section.blocks().getFirst().text()));

        String unnamed = UnansweredIntegrationTests.group(page.body(), none);
        assertThat(selected(unnamed, "source")).containsExactly("");
        assertThat(selected(unnamed, "faqId")).containsExactly("");
        assertThat(unnamed).doesNotContain("section-text");
    }

    /** The values of the options selected in the group's select of that name. */
    private static List<String> selected(String group, String name) {
        Matcher select = Pattern.compile("<select name=\"" + name + "\".*?</select>", Pattern.DOTALL)
                .matcher(group);
        assertThat(select.find()).isTrue();
        return Pattern.compile("<option value=\"([^\"]*)\" selected")
                .matcher(select.group())
                .results()
                .map(m -> m.group(1))
                .toList();
    }

    private String ask(String question) throws Exception {
        try (ChatClient chat = ChatClient.connect(port)) {
            chat.awaitType("welcome");
            chat.say(question);
            return chat.await(f -> f.path("type").asString().equals("bot")
                            && !f.path("kind").asString().equals("greeting"))
                    .path("kind")
                    .asString();
        }
    }
}
