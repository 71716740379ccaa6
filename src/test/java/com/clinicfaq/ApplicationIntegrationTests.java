package com.clinicfaq;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicfaq.search.Answer;
import com.clinicfaq.search.AnswerEngine;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

@ApplicationTest
@ExtendWith(OutputCaptureExtension.class)
class ApplicationIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    AnswerEngine engine;

    @Test
    void reportsHealthyOnceStarted() throws Exception {
        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void startsWithTheKyphoplastyKnowledgeBaseIndexed() {
        assertThat(engine.stats().items()).isGreaterThan(50);
        assertThat(engine.answer("how long does kyphoplasty take"))
                .isInstanceOfSatisfying(
                        Answer.Found.class, found -> assertThat(found.text()).contains("45 to 60 minutes"));
    }
}
