package com.clinicfaq.conversation.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Load test of the chat (docs/benchmarks.md): many concurrent conversations on loopback, each
 * asking realistic questions with a pause between them like a person reading and typing, and the
 * time from sending a question to the bot's first reply. Bounded in count and time; stops by itself.
 *
 * <pre>./mvnw -q test-compile exec:exec@load "-Dload.args=--url ws://localhost:8080/ws/chat --conversations 500"</pre>
 */
public final class ChatLoadCommand {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        List<String> options =
                Arrays.stream(args).flatMap(a -> Arrays.stream(a.split("\\s+"))).toList();
        URI url = URI.create(option(options, "--url", "ws://localhost:8080/ws/chat"));
        int conversations = Integer.parseInt(option(options, "--conversations", "500"));
        int questionsEach = Integer.parseInt(option(options, "--questions", "10"));
        long thinkMillis = Long.parseLong(option(options, "--think-ms", "2000"));
        long seed = Long.parseLong(option(options, "--seed", "42"));
        List<String> questions = questions();
        System.out.printf(
                "%d conversations x %d questions, think time %d ms (uniform 0-2x), seed %d, %s%n",
                conversations, questionsEach, thinkMillis, seed, url);

        HttpClient http = HttpClient.newBuilder()
                .executor(Executors.newFixedThreadPool(4))
                .build();
        ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger connectFailures = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(conversations);
        RandomGenerator random = RandomGenerator.of("L64X128MixRandom");
        long start = System.nanoTime();
        for (int i = 0; i < conversations; i++) {
            Visitor visitor =
                    new Visitor(questions, questionsEach, thinkMillis, seed + i, timer, latencies, errors, done);
            http.newWebSocketBuilder()
                    .connectTimeout(Duration.ofSeconds(20))
                    .buildAsync(url, visitor)
                    .exceptionally(e -> {
                        connectFailures.incrementAndGet();
                        done.countDown();
                        return null;
                    });
            Thread.sleep(random.nextInt(5)); // ramp up over a couple of seconds
        }
        boolean finished = done.await(10, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(
                "replies: %d in %.1f s (%.0f per second); errors: %d; failed connections: %d%s%n",
                sorted.length,
                seconds,
                sorted.length / seconds,
                errors.get(),
                connectFailures.get(),
                finished ? "" : "; STOPPED AT THE TIME LIMIT");
        if (sorted.length > 0) {
            System.out.printf(
                    "reply latency: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    sorted[sorted.length / 2] / 1e6,
                    sorted[sorted.length * 90 / 100] / 1e6,
                    sorted[sorted.length * 99 / 100] / 1e6,
                    sorted[sorted.length - 1] / 1e6);
        }
        timer.shutdownNow();
        System.exit(errors.get() == 0 && connectFailures.get() == 0 && finished ? 0 : 1);
    }

    /** One simulated visitor: waits for the greeting, then asks, reads the reply, thinks, asks again. */
    private static final class Visitor implements WebSocket.Listener {
        private final List<String> questions;
        private final int total;
        private final long thinkMillis;
        private final RandomGenerator random;
        private final ScheduledExecutorService timer;
        private final ConcurrentLinkedQueue<Long> latencies;
        private final AtomicInteger errors;
        private final CountDownLatch done;
        private final StringBuilder partial = new StringBuilder();
        private int asked;
        private long sentNanos;
        private boolean waiting;
        private boolean finished;

        Visitor(
                List<String> questions,
                int total,
                long thinkMillis,
                long seed,
                ScheduledExecutorService timer,
                ConcurrentLinkedQueue<Long> latencies,
                AtomicInteger errors,
                CountDownLatch done) {
            this.questions = questions;
            this.total = total;
            this.thinkMillis = thinkMillis;
            this.random = java.util.random.RandomGeneratorFactory.of("L64X128MixRandom")
                    .create(seed);
            this.timer = timer;
            this.latencies = latencies;
            this.errors = errors;
            this.done = done;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                JsonNode frame = JSON.readTree(partial.toString());
                partial.setLength(0);
                onFrame(socket, frame);
            }
            socket.request(1);
            return null;
        }

        private synchronized void onFrame(WebSocket socket, JsonNode frame) {
            String type = frame.path("type").asString("");
            if (type.equals("error")) {
                errors.incrementAndGet();
                System.err.println("error frame: " + frame.path("code").asString(""));
            }
            boolean greeting =
                    type.equals("bot") && frame.path("kind").asString("").equals("greeting");
            if (type.equals("bot") && waiting) {
                latencies.add(System.nanoTime() - sentNanos);
                waiting = false;
                if (asked >= total) {
                    finish(socket);
                    return;
                }
                scheduleNext(socket);
            } else if (greeting) {
                scheduleNext(socket);
            }
        }

        private void scheduleNext(WebSocket socket) {
            long pause = (long) (random.nextDouble() * 2 * thinkMillis);
            timer.schedule(() -> ask(socket), pause, TimeUnit.MILLISECONDS);
        }

        private synchronized void ask(WebSocket socket) {
            String question = questions.get(random.nextInt(questions.size()));
            String frame = "{\"v\":1,\"type\":\"message\",\"id\":\"q" + (++asked) + "\",\"text\":"
                    + JSON.writeValueAsString(question) + "}";
            waiting = true;
            sentNanos = System.nanoTime();
            socket.sendText(frame, true);
        }

        private void finish(WebSocket socket) {
            if (!finished) {
                finished = true;
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
                done.countDown();
            }
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int status, String reason) {
            synchronized (this) {
                if (!finished) {
                    errors.incrementAndGet();
                    System.err.println("closed early: " + status + " " + reason);
                    finished = true;
                    done.countDown();
                }
            }
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            synchronized (this) {
                errors.incrementAndGet();
                if (!finished) {
                    finished = true;
                    done.countDown();
                }
            }
        }
    }

    /** The evaluation set's questions: realistic, and a mix of answerable and not. */
    private static List<String> questions() throws Exception {
        List<String> questions = new ArrayList<>();
        for (String set : List.of("dev", "holdout")) {
            List<String> lines = Files.readAllLines(
                    com.clinicfaq.curation.EvaluationSet.PROJECT_CHECKS.resolve("questions-" + set + ".csv"));
            for (String line : lines.subList(1, lines.size())) {
                questions.add(com.clinicfaq.knowledge.CsvRecords.fields(line).getFirst());
            }
        }
        return questions;
    }

    private static String option(List<String> options, String name, String fallback) {
        int i = options.indexOf(name);
        return i >= 0 && i + 1 < options.size() ? options.get(i + 1) : fallback;
    }
}
