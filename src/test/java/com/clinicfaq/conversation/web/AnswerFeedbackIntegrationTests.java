package com.clinicfaq.conversation.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicfaq.ApplicationTest;
import com.clinicfaq.analytics.Analytics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * "Did this answer your question?" over a real WebSocket (issue #19): a "no" is recorded on the answer and answered with
 * the next best answers of the same article as buttons and the offer of a staff follow-up; a "yes" is recorded and needs
 * no reply; both are counted in analytics and metrics.
 */
@ApplicationTest
class AnswerFeedbackIntegrationTests {

    static final String QUESTION = "how long does the kyphoplasty procedure take";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Analytics analytics;

    @Autowired
    MeterRegistry meters;

    private Boolean storedHelpful(String conversation, int seq) {
        return jdbc.sql("select helpful from message where conversation_id = ? and seq = ?")
                .params(UUID.fromString(conversation), seq)
                .query(Boolean.class)
                .optional()
                .orElse(null);
    }

    private double counted(boolean helpful) {
        var counter = meters.find("clinicfaq.answers.feedback")
                .tag("helpful", Boolean.toString(helpful))
                .counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aNoOffersTheNextBestAnswersOfTheSameArticleAndAStaffFollowUp() throws Exception {
        double before = counted(false);
        int noBefore =
                analytics.report(LocalDate.now(), LocalDate.now()).feedback().notHelpful();
        try (ChatClient chat = ChatClient.connect(port)) {
            String conversation = chat.awaitConversationId();
            chat.awaitBot("greeting");
            chat.say(QUESTION);
            JsonNode answer = chat.awaitBot("answer");
            int seq = answer.path("seq").intValue();

            chat.send("{\"v\":1,\"type\":\"feedback\",\"seq\":" + seq + ",\"helpful\":false}");
            JsonNode reply = chat.awaitBot("handoff.offer");

            assertThat(reply.path("text").asString()).contains("did not answer your question");
            assertThat(reply.path("disclaimer").asString()).isNotBlank();
            assertThat(reply.path("actions")
                            .valueStream()
                            .map(a -> a.path("type").asString())
                            .toList())
                    .containsExactly("handoff.accept", "handoff.decline");
            var suggestions = reply.path("suggestions")
                    .valueStream()
                    .map(JsonNode::asString)
                    .toList();
            assertThat(suggestions).isNotEmpty().hasSizeLessThanOrEqualTo(3).doesNotHaveDuplicates();
            // each button leads to an answer from the same article, and none is the answer that did not help
            for (String suggestion : suggestions) {
                chat.say(suggestion);
                JsonNode next = chat.await(f -> f.path("type").asString().equals("bot")
                        && f.path("seq").intValue() > reply.path("seq").intValue()
                        && !f.path("kind").asString().equals("handoff.offer"));
                assertThat(next.path("text").asString())
                        .isNotEqualTo(answer.path("text").asString());
                if (next.has("source") && !next.path("source").isNull()) {
                    assertThat(next.path("source").path("articleId").asString())
                            .isEqualTo(answer.path("source").path("articleId").asString());
                }
            }
            assertThat(storedHelpful(conversation, seq)).isFalse();
        }
        assertThat(counted(false)).isEqualTo(before + 1);
        assertThat(analytics.report(LocalDate.now(), LocalDate.now()).feedback().notHelpful())
                .isEqualTo(noBefore + 1);
    }

    @Test
    void aYesIsRecordedAndNeedsNoReply() throws Exception {
        double before = counted(true);
        try (ChatClient chat = ChatClient.connect(port)) {
            String conversation = chat.awaitConversationId();
            chat.awaitBot("greeting");
            chat.say(QUESTION);
            int seq = chat.awaitBot("answer").path("seq").intValue();

            chat.send("{\"v\":1,\"type\":\"feedback\",\"seq\":" + seq + ",\"helpful\":true}");
            chat.assertUsable();

            assertThat(chat.received())
                    .noneMatch(f -> f.path("type").asString().equals("bot")
                            && f.path("seq").intValue() > seq);
            assertThat(storedHelpful(conversation, seq)).isTrue();
        }
        assertThat(counted(true)).isEqualTo(before + 1);
    }

    @Test
    void feedbackOnSomethingThatIsNoAnswerChangesNothingAndAMalformedOneIsRefused() throws Exception {
        try (ChatClient chat = ChatClient.connect(port)) {
            String conversation = chat.awaitConversationId();
            JsonNode greeting = chat.awaitBot("greeting");

            chat.send("{\"v\":1,\"type\":\"feedback\",\"seq\":"
                    + greeting.path("seq").intValue() + ",\"helpful\":false}");
            chat.send("{\"v\":1,\"type\":\"feedback\",\"seq\":\"1\",\"helpful\":\"no\"}");

            chat.awaitError("invalid_feedback");
            chat.assertUsable();
            assertThat(chat.received())
                    .noneMatch(f -> f.path("type").asString().equals("bot")
                            && !f.path("kind").asString().equals("greeting"));
            assertThat(storedHelpful(conversation, greeting.path("seq").intValue()))
                    .isNull();
        }
    }
}
