package com.clinicfaq.conversation.web;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import com.clinicfaq.curation.EvaluationSet;
import com.clinicfaq.knowledge.CsvRecords;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ClosedInjectionStep;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gatling load test of the chat (docs/benchmarks.md, "Chat under load (Gatling)"), run by hand
 * against a service started separately, never by {@code ./mvnw verify}:
 *
 * <pre>./mvnw -q gatling:test -Dconversations=2000</pre>
 *
 * A closed model: a fixed number of visitors chat at once, each a WebSocket that waits for the
 * greeting, asks a few questions with a pause between them like a person reading and typing, and
 * leaves; a new visitor takes its place. Questions are the evaluation set's (answerable ones as FAQ
 * questions, the unanswerable ones as out of scope), some followed by a follow-up, and some visits
 * end with a request to talk to a person, the contact form and its submission with made-up details.
 * Each request's time is from sending a frame to the first {@code bot} frame of the reply (the
 * {@code ack} before it is skipped).
 *
 * <p>System properties: {@code url} (default {@code ws://localhost:8080}), {@code conversations}
 * (the concurrent visitors in steps, e.g. {@code 2000} or {@code 2000,3000,5000}), {@code ramp} and
 * {@code hold} (seconds to reach and to hold each step, default 60 and 120), {@code think.min} and
 * {@code think.max} (seconds between a reply and the next question, default 2 and 8), {@code turns.min}
 * and {@code turns.max} (questions per visit, default 4 and 10), {@code assert} (default true: the run
 * fails unless it had no error and a p99 reply time under 50 ms for each kind of question).
 */
public class ChatSimulation extends Simulation {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(30);
    private static final String FAQ = "faq question";
    private static final String FOLLOW_UP = "follow-up";
    private static final String OUT_OF_SCOPE = "out-of-scope question";

    private static final List<String> FOLLOW_UPS = List.of(
            "and how long does it take?",
            "how long is the recovery?",
            "is it painful?",
            "what are the risks?",
            "and does insurance cover it?");
    private static final List<String> OFF_TOPIC = List.of(
            "what's the weather in Napa tomorrow?",
            "who won the game last night?",
            "can you recommend a pizza place?",
            "how do I fix my car's brakes?",
            "what is the capital of Australia?");
    private static final List<String> ASK_FOR_PERSON =
            List.of("can i talk to a person", "can someone call me back", "i want to speak with someone");

    private final String url = System.getProperty("url", "ws://localhost:8080");
    private final List<Integer> steps = parseSteps(System.getProperty("conversations", "2000"));
    private final int ramp = Integer.getInteger("ramp", 60);
    private final int hold = Integer.getInteger("hold", 120);
    private final double thinkMin = Double.parseDouble(System.getProperty("think.min", "2"));
    private final double thinkMax = Double.parseDouble(System.getProperty("think.max", "8"));
    private final int turnsMin = Integer.getInteger("turns.min", 4);
    private final int turnsMax = Integer.getInteger("turns.max", 10);
    private final boolean assertTargets = Boolean.parseBoolean(System.getProperty("assert", "true"));

    private final List<String> faq = new ArrayList<>();
    private final List<String> outOfScope = new ArrayList<>(OFF_TOPIC);

    {
        for (String set : List.of("dev", "holdout")) {
            try {
                List<String> lines =
                        Files.readAllLines(EvaluationSet.PROJECT_CHECKS.resolve("questions-" + set + ".csv"));
                for (String line : lines.subList(1, lines.size())) {
                    List<String> fields = CsvRecords.fields(line);
                    (fields.get(2).equals("unanswerable") ? outOfScope : faq).add(fields.getFirst());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        HttpProtocolBuilder protocol =
                http.wsBaseUrl(url).header("Origin", "http://localhost:8080").wsMaxReconnects(0);

        ScenarioBuilder visit = scenario("visitor")
                .exec(ws("connect")
                        .connect("/ws/chat")
                        .await(REPLY_TIMEOUT)
                        .on(
                                ws.checkTextMessage("welcome")
                                        .check(jsonPath("$.type").is("welcome")),
                                ws.checkTextMessage("greeting")
                                        .matching(jsonPath("$.type").is("bot"))
                                        .check(jsonPath("$.kind").is("greeting"))))
                // turned away (the service is full): wait as the widget does before this visitor's place is taken again
                .doIf(Session::isFailed)
                .then(pause(Duration.ofSeconds(10), Duration.ofSeconds(20)))
                .exitHereIfFailed()
                .exec(session ->
                        session.set("turns", ThreadLocalRandom.current().nextInt(turnsMin, turnsMax + 1)))
                .repeat("#{turns}")
                .on(
                        think(),
                        randomSwitch()
                                .on(
                                        percent(65)
                                                .then(exec(ask(FAQ, s -> pick(faq)))
                                                        .randomSwitch()
                                                        .on(percent(40)
                                                                .then(exec(
                                                                        think(),
                                                                        ask(FOLLOW_UP, s -> pick(FOLLOW_UPS)))))),
                                        percent(35).then(ask(OUT_OF_SCOPE, s -> pick(outOfScope)))))
                .randomSwitch()
                .on(percent(15).then(handoff()))
                .exec(ws("close").close());

        List<ClosedInjectionStep> profile = new ArrayList<>();
        int previous = 0;
        for (int users : steps) {
            profile.add(rampConcurrentUsers(previous).to(users).during(ramp));
            profile.add(constantConcurrentUsers(users).during(hold));
            previous = users;
        }
        SetUp setUp = setUp(visit.injectClosed(profile.toArray(ClosedInjectionStep[]::new)))
                .protocols(protocol);
        if (assertTargets) {
            setUp.assertions(
                    global().failedRequests().count().is(0L),
                    details(FAQ).responseTime().percentile(99.0).lt(50),
                    details(FOLLOW_UP).responseTime().percentile(99.0).lt(50),
                    details(OUT_OF_SCOPE).responseTime().percentile(99.0).lt(50));
        }
    }

    private ChainBuilder think() {
        return exec(pause(Duration.ofMillis((long) (thinkMin * 1000)), Duration.ofMillis((long) (thinkMax * 1000))));
    }

    /**
     * A visitor message; done at the first bot frame of the reply, whatever its kind. Gatling also records
     * the send itself, at 0 ms: it is named apart ("send ...") so that it does not water down the reply times.
     */
    private static ChainBuilder ask(String name, Function<Session, String> text) {
        return exec(ws("send " + name)
                .sendText(s -> frame(Map.of("type", "message", "id", messageId(), "text", text.apply(s))))
                .await(REPLY_TIMEOUT)
                .on(ws.checkTextMessage(name)
                        .matching(jsonPath("$.type").is("bot"))
                        .check(jsonPath("$.disclaimer").exists())));
    }

    /** Asks for a person, fills in the form with made-up details and waits for the confirmation. */
    private ChainBuilder handoff() {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("type", "handoff.submit");
        form.put("name", "Load Test");
        form.put("phone", "707 555 0100");
        form.put("email", "load.test@example.com");
        form.put("preferredTime", "weekday mornings");
        form.put("reason", "load test, please ignore");
        form.put("consentContact", true);
        form.put("consentShare", true);
        String submit = frame(form);
        return exec(
                think(),
                ws("send handoff request")
                        .sendText(
                                s -> frame(Map.of("type", "message", "id", messageId(), "text", pick(ASK_FOR_PERSON))))
                        .await(REPLY_TIMEOUT)
                        .on(ws.checkTextMessage("handoff form")
                                .matching(jsonPath("$.kind").is("handoff.form"))
                                .check(jsonPath("$.form").exists())),
                think(),
                ws("send handoff submit")
                        .sendText(submit)
                        .await(REPLY_TIMEOUT)
                        .on(ws.checkTextMessage("handoff confirmed")
                                .matching(jsonPath("$.type").is("bot"))
                                .check(jsonPath("$.kind").is("handoff.confirmed"))));
    }

    private static String frame(Map<String, Object> fields) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("v", 1);
        frame.putAll(fields);
        return JSON.writeValueAsString(frame);
    }

    private static String messageId() {
        return "g-" + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36);
    }

    private static String pick(List<String> list) {
        return list.get(ThreadLocalRandom.current().nextInt(list.size()));
    }

    private static List<Integer> parseSteps(String steps) {
        return java.util.Arrays.stream(steps.split(","))
                .map(String::strip)
                .map(Integer::valueOf)
                .toList();
    }
}
