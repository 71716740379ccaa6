package com.clinicfaq.conversation.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicfaq.ApplicationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The blind conversational set (issue #19: {@code src/test/resources/conversational/{dev,holdout}.jsonl}, 140
 * conversations by two authors who saw only the sample articles and a description of the widget), played turn by turn
 * against the shipped service over a real WebSocket. A conversational turn (thanks, an acknowledgement, a question about
 * the bot, a complaint that the answer missed, a goodbye, a greeting) is right when the bot's reply to it is
 * conversational and carries no article passage: small talk, or the offer's own yes/no ("ok" to "would you like staff to
 * contact you?"). A question turn is counted as taken for small talk when it gets small talk. Prints the figures per
 * kind and the dev half's misses (never the holdout's); holds each half to its floor. The learned reading of turns
 * ({@code TurnTrainer}) is trained on the dev half, never on the holdout.
 */
@ApplicationTest.Unthrottled
class ConversationalSetIntegrationTests {

    /**
     * The least share of conversational turns that must get a conversational reply: the dev half (trained on, with the
     * training set: docs/evaluation.md) and the holdout half (never read in training; measured 92.8 %, then 94.3 % with
     * ten training authors and 95.7 % with fourteen, on 2026-12-05): both held to the 95 % (issue #19).
     */
    static final Map<String, Double> FLOOR = Map.of("dev", 0.95, "holdout", 0.95);
    /** The most share of questions that may be taken for small talk. */
    static final double QUESTIONS_TAKEN_CEILING = 0.05;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> CONVERSATIONAL_REPLIES = Set.of("smalltalk", "handoff.form", "handoff.cancelled");

    @LocalServerPort
    int port;

    record Turn(String text, String kind) {

        boolean conversational() {
            return !kind.equals("question");
        }
    }

    record Conversation(String id, List<Turn> turns) {}

    static List<Conversation> load(String half) throws Exception {
        return Files.readAllLines(Path.of("src/test/resources/conversational", half + ".jsonl"), StandardCharsets.UTF_8)
                .stream()
                .filter(line -> !line.isBlank())
                .map(line -> JSON.readTree(line))
                .map(node -> new Conversation(
                        node.path("id").asString(),
                        node.path("turns")
                                .valueStream()
                                .map(t -> new Turn(
                                        t.path("text").asString(),
                                        t.path("kind").asString()))
                                .toList()))
                .toList();
    }

    @Test
    void conversationalTurnsGetConversationalRepliesInAnyTurnOfAConversation() throws Exception {
        for (String half : List.of("dev", "holdout")) {
            Map<String, int[]> byKind = new TreeMap<>();
            for (Conversation conversation : load(half)) {
                try (ChatClient chat = ChatClient.connect(port)) {
                    chat.awaitBot("greeting");
                    for (Turn turn : conversation.turns()) {
                        String id = chat.say(turn.text());
                        chat.awaitAck(id);
                        JsonNode reply =
                                chat.await(f -> f.path("type").asString().equals("bot"));
                        String kind = reply.path("kind").asString();
                        boolean right = turn.conversational()
                                ? CONVERSATIONAL_REPLIES.contains(kind)
                                : !kind.equals("smalltalk");
                        if (half.equals("dev") && !right) {
                            System.out.printf(
                                    "    dev miss %s [%s] %s -> %s: %.70s%n",
                                    conversation.id(),
                                    turn.kind(),
                                    turn.text(),
                                    kind,
                                    reply.path("text").asString());
                        }
                        int[] counts = byKind.computeIfAbsent(turn.kind(), k -> new int[2]);
                        counts[0] += right ? 1 : 0;
                        counts[1]++;
                    }
                }
            }
            int right = 0;
            int all = 0;
            System.out.println("Conversational set (" + half + "): turns answered as what they are / all");
            for (var entry : byKind.entrySet()) {
                int[] v = entry.getValue();
                System.out.printf("    %-10s %3d / %3d%n", entry.getKey(), v[0], v[1]);
                if (!entry.getKey().equals("question")) {
                    right += v[0];
                    all += v[1];
                }
            }
            int[] questions = byKind.get("question");
            System.out.printf(
                    "    conversational turns: %d / %d (%.1f %%); questions taken for small talk: %d / %d%n",
                    right, all, 100.0 * right / all, questions[1] - questions[0], questions[1]);
            assertThat((double) right / all)
                    .as(half + ": conversational turns answered as such")
                    .isGreaterThanOrEqualTo(FLOOR.get(half));
            assertThat((double) (questions[1] - questions[0]) / questions[1])
                    .as(half + ": questions taken for small talk")
                    .isLessThanOrEqualTo(QUESTIONS_TAKEN_CEILING);
        }
    }
}
