package com.clinicfaq.conversation.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicfaq.CrashablePostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * An acknowledgement means stored (issue #15): the service, in a JVM of its own, is killed with SIGKILL the
 * instant an {@code ack} or a {@code handoff.confirmed} reaches the visitor, and started again on the same
 * data; every message that was acknowledged and every handoff request that was confirmed is there when the
 * conversation is resumed, and every confirmed request is in the staff queue's table.
 *
 * <p>Each round starts a conversation, asks a question, and then either asks another one and is killed at its
 * {@code ack} (odd rounds), or asks for a person, sends the contact form and is killed at {@code handoff.confirmed}
 * (even rounds). After each restart every conversation of the earlier rounds is resumed and checked. The number of
 * rounds is {@code -Dcrash.rounds} (default 2 per database, one of each kind; docs/reliability.md has the command for 20).
 */
class CrashSafetyIntegrationTests {

    private static final int ROUNDS = Integer.getInteger("crash.rounds", 2);
    private static final String KNOWLEDGE_BASE =
            Path.of("knowledge-base").toAbsolutePath().toString();

    /** The data, and each start's log (service-N.log), kept when a test fails. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path directory;

    /** The embedded default: an H2 file, with the default URL's settings, and the outbox beside it. */
    @Test
    void keepsEveryAcknowledgedMessageAndConfirmedRequestWhenKilledOnH2() throws Exception {
        String url = "jdbc:h2:file:" + directory.resolve("data/clinicfaq")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        Crashes crashes = new Crashes("H2", List.of("--spring.datasource.url=" + url), () -> {}, () -> {});
        crashes.run();
        crashes.assertNothingLost(() -> DriverManager.getConnection(url, "clinicfaq", ""));
    }

    /**
     * PostgreSQL as an operator may have configured it, with {@code synchronous_commit = off}; it is killed too, at
     * the same instant as the service (killing the service alone loses nothing PostgreSQL has committed, whatever
     * its settings: it is PostgreSQL's own crash that loses commits not yet flushed to its WAL).
     */
    @Test
    void keepsEveryAcknowledgedMessageAndConfirmedRequestWhenKilledWithPostgres() throws Exception {
        try (CrashablePostgres postgres =
                new CrashablePostgres(directory.resolve("postgres"), "synchronous_commit", "off")) {
            String url = postgres.newDatabase("clinicfaq");
            Crashes crashes = new Crashes(
                    "PostgreSQL",
                    List.of(
                            "--spring.datasource.url=" + url,
                            "--spring.datasource.username=postgres",
                            "--spring.datasource.password="),
                    postgres::kill,
                    postgres::restart);
            crashes.run();
            crashes.assertNothingLost(() -> DriverManager.getConnection(url, "postgres", ""));
        }
    }

    /** What a round's visitor was told was kept. */
    private record Visit(
            int round, String conversationId, Map<Integer, String> acknowledged, List<String> confirmedRequests) {}

    /** Counts of what was told kept, and of what was not there after a crash. */
    private static final class Tally {
        int messages;
        int lostMessages;
        int requests;
        int lostRequests;
        int conversations;
        int lostConversations;
        final List<String> rounds = new ArrayList<>();

        @Override
        public String toString() {
            return "lost %d of %d acknowledged messages, %d of %d confirmed handoff requests, %d of %d conversations; by round: %s"
                    .formatted(
                            lostMessages, messages, lostRequests, requests, lostConversations, conversations, rounds);
        }
    }

    private interface Action {
        void run() throws Exception;
    }

    private interface ConnectionSource {
        Connection open() throws SQLException;
    }

    /** The rounds of one database: each kills the service once, restarts it, and checks every visit so far. */
    private final class Crashes {

        private final String databaseName;
        private final List<String> arguments;
        private final Action alsoKill;
        private final Action afterKill;
        private final List<Visit> visits = new ArrayList<>();
        /** Visits found whole after their own crash, which must stay so after the later ones. */
        private final List<Visit> intact = new ArrayList<>();

        private final Tally tally = new Tally();
        private int starts;

        /**
         * @param alsoKill run right after the service is killed, on the client's receiving thread
         * @param afterKill run once the service has ended, before it is started again
         */
        Crashes(String databaseName, List<String> databaseArguments, Action alsoKill, Action afterKill) {
            this.databaseName = databaseName;
            this.arguments = new ArrayList<>(databaseArguments);
            this.arguments.addAll(List.of(
                    "--clinicfaq.outbox.path=" + directory.resolve("data/outbox.jsonl"),
                    "--clinicfaq.knowledge-base.path=" + KNOWLEDGE_BASE,
                    "--clinicfaq.knowledge-base.follow-folder=false",
                    "--spring.main.banner-mode=off"));
            this.alsoKill = alsoKill;
            this.afterKill = afterKill;
        }

        void run() throws Exception {
            ServiceProcess service = start();
            try {
                for (int round = 1; round <= ROUNDS; round++) {
                    Visit visit = crashIn(service, round);
                    visits.add(visit);
                    afterKill.run();
                    service = start();
                    check(service, round);
                }
            } finally {
                service.stop();
            }
        }

        private ServiceProcess start() throws Exception {
            return ServiceProcess.start(directory, "service-" + ++starts, arguments);
        }

        /** One visit, with the service killed the instant the last thing it said it kept reaches the visitor. */
        private Visit crashIn(ServiceProcess service, int round) throws Exception {
            boolean atHandoff = round % 2 == 0;
            Map<String, String> sent = new ConcurrentHashMap<>();
            Map<Integer, String> acknowledged = new ConcurrentHashMap<>();
            List<String> confirmed = new ArrayList<>();
            AtomicReference<Predicate<JsonNode>> killAt = new AtomicReference<>(frame -> false);
            String name = "Crash Round " + round;
            String conversationId;
            try (ChatClient chat = ChatClient.connect(service.port(), null, frame -> {
                // on the client's receiving thread, before anything else sees the frame
                if (killAt.get().test(frame)) {
                    service.kill();
                    try {
                        alsoKill.run();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
                if (type(frame, "ack")) {
                    acknowledged.put(
                            frame.path("seq").intValue(),
                            sent.get(frame.path("id").asString()));
                }
                if (type(frame, "bot") && frame.path("kind").asString().equals("handoff.confirmed")) {
                    synchronized (confirmed) {
                        confirmed.add(name);
                    }
                }
            })) {
                conversationId = chat.awaitConversationId();
                chat.awaitBot("greeting");
                say(chat, sent, "c-1", "how long does the procedure take");
                chat.awaitBot("answer");
                if (atHandoff) {
                    say(chat, sent, "c-2", "can i talk to a person");
                    chat.awaitBot("handoff.form");
                    killAt.set(frame ->
                            type(frame, "bot") && frame.path("kind").asString().equals("handoff.confirmed"));
                    chat.send("""
                            {"v":1,"type":"handoff.submit","name":"%s","phone":"707 555 01%02d","email":"",
                             "preferredTime":"","reason":"","consentContact":true,"consentShare":true}""".formatted(name, round % 100));
                } else {
                    killAt.set(frame ->
                            type(frame, "ack") && frame.path("id").asString().equals("c-2"));
                    say(chat, sent, "c-2", "what is kyphoplasty");
                }
                assertThat(service.awaitExit())
                        .as("the service was killed with SIGKILL")
                        .isEqualTo(ServiceProcess.KILLED_BY_SIGKILL);
            }
            synchronized (confirmed) {
                assertThat(confirmed)
                        .as("round %d: the request was confirmed before the kill", round)
                        .hasSize(atHandoff ? 1 : 0);
                return new Visit(round, conversationId, Map.copyOf(acknowledged), List.copyOf(confirmed));
            }
        }

        /** Resumes every conversation so far on the restarted service and counts what is missing. */
        private void check(ServiceProcess service, int round) throws Exception {
            int lostBefore = tally.lostMessages + tally.lostRequests;
            Visit latest = visits.getLast();
            tally.conversations++;
            tally.messages += latest.acknowledged().size();
            tally.requests += latest.confirmedRequests().size();
            for (Visit visit : visits) {
                if (visit != latest && !intact.contains(visit)) {
                    continue; // counted as lost after its own crash
                }
                try (ChatClient chat = ChatClient.connect(service.port(), visit.conversationId())) {
                    JsonNode welcome = chat.awaitType("welcome");
                    boolean resumed = welcome.path("resumed").booleanValue()
                            && welcome.path("conversationId").asString().equals(visit.conversationId());
                    Map<Integer, String> visitor = new ConcurrentHashMap<>();
                    int confirmations = 0;
                    for (JsonNode message : welcome.path("history")) {
                        if (type(message, "visitor")) {
                            visitor.put(
                                    message.path("seq").intValue(),
                                    message.path("text").asString());
                        } else if (message.path("kind").asString().equals("handoff.confirmed")) {
                            confirmations++;
                        }
                    }
                    int lostMessages = 0;
                    for (Map.Entry<Integer, String> acknowledged :
                            visit.acknowledged().entrySet()) {
                        if (!resumed || !acknowledged.getValue().equals(visitor.get(acknowledged.getKey()))) {
                            lostMessages++;
                        }
                    }
                    int lostRequests = resumed
                            ? Math.max(0, visit.confirmedRequests().size() - confirmations)
                            : visit.confirmedRequests().size();
                    if (visit == latest) {
                        tally.lostMessages += lostMessages;
                        tally.lostRequests += lostRequests;
                        tally.lostConversations += resumed ? 0 : 1;
                        if (resumed && lostMessages == 0 && lostRequests == 0) {
                            intact.add(visit);
                        }
                    } else {
                        // what was there after its own crash must still be there after the later ones
                        assertThat(resumed && lostMessages == 0 && lostRequests == 0)
                                .as("round %d's conversation after round %d's crash", visit.round(), round)
                                .isTrue();
                    }
                }
            }
            tally.rounds.add("%d %s: %s"
                    .formatted(
                            round,
                            round % 2 == 0 ? "handoff.confirmed" : "ack",
                            tally.lostMessages + tally.lostRequests == lostBefore ? "all kept" : "lost"));
        }

        /** Fails with what was lost over all rounds; then checks the staff queue's table directly. */
        void assertNothingLost(ConnectionSource database) throws SQLException {
            System.out.printf(
                    "%s after %d SIGKILLs: %s%n", databaseName, ROUNDS, tally); // counts only, for docs/reliability.md
            assertThat(tally.lostMessages + tally.lostRequests + tally.lostConversations)
                    .as("after %d SIGKILLs: %s", ROUNDS, tally)
                    .isZero();
            try (Connection connection = database.open();
                    PreparedStatement query =
                            connection.prepareStatement("select name from handoff_request where conversation_id = ?")) {
                for (Visit visit : visits) {
                    query.setObject(1, UUID.fromString(visit.conversationId()));
                    List<String> names = new ArrayList<>();
                    try (ResultSet rows = query.executeQuery()) {
                        while (rows.next()) {
                            names.add(rows.getString(1));
                        }
                    }
                    assertThat(names)
                            .as("handoff requests of round %d", visit.round())
                            .isEqualTo(visit.confirmedRequests());
                }
            }
        }
    }

    /** Sends a visitor message with the given id, known before its ack can arrive. */
    private static void say(ChatClient chat, Map<String, String> sent, String id, String text) throws Exception {
        sent.put(id, text);
        chat.send("{\"v\":1,\"type\":\"message\",\"id\":\"" + id + "\",\"text\":\"" + text + "\"}");
    }

    private static boolean type(JsonNode frame, String type) {
        return frame.path("type").asString().equals(type);
    }
}
