package com.clinicfaq.curation.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicfaq.ApplicationTest;
import com.clinicfaq.curation.KnowledgeEditor;
import com.clinicfaq.curation.KnowledgeFiles;
import com.clinicfaq.curation.KnowledgePublisher;
import com.clinicfaq.curation.LiveKnowledge;
import com.clinicfaq.search.Answer;
import com.clinicfaq.search.AnswerEngine;
import com.clinicfaq.staff.StaffHttp;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;

/**
 * What the knowledge console's tests share: one application (the one {@link ApplicationTest} classes share, with the
 * same administrator), an editor who is not an administrator, reading pages, and the knowledge base put
 * back as it was after each test: the draft discarded and, if a test published, the version it started with
 * published again.
 */
@ApplicationTest
abstract class KnowledgeConsole {

    static final String ADMIN = ApplicationTest.ADMIN;
    static final String ADMIN_PASSWORD = ApplicationTest.ADMIN_PASSWORD;
    static final String EDITOR = "edith";
    static final String EDITOR_PASSWORD = "an editor's own password";

    /** A question the live knowledge base misses, and what the right answer says. */
    static final String MISSED = "how soon am i back on my feet";

    static final String RIGHT = "walking within a few days";

    private static final Pattern ADDED = Pattern.compile("<li class=\"added\">.*?<span>([^<]*)</span></ins></li>");
    private static final Pattern REMOVED = Pattern.compile("<li class=\"removed\">.*?<span>([^<]*)</span></del></li>");

    @LocalServerPort
    int port;

    @Autowired
    KnowledgeEditor editor;

    @Autowired
    KnowledgePublisher publisher;

    @Autowired
    LiveKnowledge live;

    @Autowired
    AnswerEngine engine;

    StaffHttp http;
    long originalVersion;
    KnowledgeFiles originalFiles;

    @BeforeEach
    void rememberTheKnowledgeBase(@Autowired JdbcUserDetailsManager accounts, @Autowired PasswordEncoder encoder) {
        if (!accounts.userExists(EDITOR)) {
            accounts.createUser(User.withUsername(EDITOR)
                    .password(encoder.encode(EDITOR_PASSWORD))
                    .roles("EDITOR")
                    .build());
        }
        http = new StaffHttp(port);
        originalVersion = live.version();
        originalFiles = live.get().files();
    }

    @AfterEach
    void putTheKnowledgeBaseBack() {
        editor.discard();
        if (!live.get().files().equals(originalFiles)) {
            assertThat(publisher.restore(originalVersion, "tests", true))
                    .isInstanceOf(KnowledgePublisher.Outcome.Published.class);
        }
    }

    static HttpResponse<String> send(HttpClient client, HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static String page(HttpClient client, StaffHttp http, String path) throws Exception {
        HttpResponse<String> response = send(client, http.get(path));
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    /** The added lines of the diffs on a page, without their sign, as the page's text has them. */
    static List<String> addedLines(String html) {
        return matches(ADDED, html);
    }

    static List<String> removedLines(String html) {
        return matches(REMOVED, html);
    }

    private static List<String> matches(Pattern pattern, String html) {
        Matcher matcher = pattern.matcher(html);
        List<String> lines = new ArrayList<>();
        while (matcher.find()) {
            lines.add(org.springframework.web.util.HtmlUtils.htmlUnescape(matcher.group(1)));
        }
        return lines;
    }

    String answerText(String question) {
        return engine.answer(question) instanceof Answer.Found found ? found.text() : "";
    }
}
