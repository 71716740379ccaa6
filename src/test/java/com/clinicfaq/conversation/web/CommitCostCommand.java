package com.clinicfaq.conversation.web;

import com.clinicfaq.ClinicFaqApplication;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * What committing each turn to disk before the ack costs (issue #15, docs/benchmarks.md), before and after, side by
 * side in one run: the service in this JVM on an H2 file (or an embedded PostgreSQL), and visitors chatting over
 * real WebSockets, each asking a question as soon as the previous one is answered. Blocks of turns alternate (ABBA)
 * between the database committing as before the change (H2: no checkpoint after a commit, the file written within
 * the write delay; PostgreSQL: {@code synchronous_commit off}, as on a server configured so) and as now (H2: a
 * checkpoint after each commit; PostgreSQL: {@code synchronous_commit on}), switched between blocks. Latency is from sending a question
 * to its {@code ack} (the turn stored and committed) and to the bot's first reply, on the client. Bounded in count;
 * stops by itself.
 *
 * <pre>./mvnw -q test-compile exec:exec@commit-cost "-Dcommit-cost.args=--database h2 --visitors 1,20 --turns 200 --blocks 4"</pre>
 */
public final class CommitCostCommand {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The service's checkpoint after each commit on H2, while it is taken out. */
    private static TransactionExecutionListener checkpoints;

    private enum Mode {
        BEFORE,
        NOW
    }

    /** Latencies of one mode at one number of visitors. */
    private static final class Figures {
        final ConcurrentLinkedQueue<Long> ack = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Long> reply = new ConcurrentLinkedQueue<>();
        long turns;
        long nanos;
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        List<String> options = Arrays.stream(args)
                .flatMap(a -> Arrays.stream(a.split("\\s+")))
                .filter(a -> !a.isBlank())
                .toList();
        String database = option(options, "--database", "h2");
        List<Integer> visitorCounts = Arrays.stream(
                        option(options, "--visitors", "1,20").split(","))
                .map(Integer::parseInt)
                .toList();
        int turnsPerVisitor = Integer.parseInt(option(options, "--turns", "200"));
        int blocks = Integer.parseInt(option(options, "--blocks", "4"));
        // one mode only (e.g. --only NOW) to compare the H2 file's growth of two runs
        List<Mode> modes = options.contains("--only")
                ? List.of(Mode.valueOf(option(options, "--only", "NOW")))
                : List.of(Mode.values());
        List<String> questions = questions();
        Path directory = Files.createTempDirectory("clinicfaq-commit-cost");
        EmbeddedPostgres postgres = null;
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--clinicfaq.outbox.path=" + directory.resolve("outbox.jsonl"),
                "--clinicfaq.knowledge-base.follow-folder=false",
                "--clinicfaq.chat.rate-limit.connection-burst=1000000",
                "--clinicfaq.chat.rate-limit.connection-interval=1ms",
                "--clinicfaq.chat.rate-limit.address-burst=1000000",
                "--clinicfaq.chat.rate-limit.address-interval=1ms",
                "--clinicfaq.chat.rate-limit.frame-burst=1000000",
                "--clinicfaq.chat.rate-limit.frame-interval=1ms",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN"));
        if (database.equals("postgres")) {
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory.resolve("postgres"))
                    .start();
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("create database clinicfaq");
            }
            arguments.addAll(List.of(
                    "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "clinicfaq"),
                    "--spring.datasource.username=postgres",
                    "--spring.datasource.password="));
        } else {
            // --h2-options ";WRITE_DELAY=0" e.g., to compare the file's growth
            arguments.add("--spring.datasource.url=jdbc:h2:file:" + directory.resolve("clinicfaq")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
                    + option(options, "--h2-options", ""));
        }
        System.out.printf(
                "%s, visitors %s, %d turns per visitor per block, %d blocks per mode (ABBA), %d cores, load average %s%n",
                database,
                visitorCounts,
                turnsPerVisitor,
                blocks,
                Runtime.getRuntime().availableProcessors(),
                loadAverage());

        ConfigurableApplicationContext app = new SpringApplicationBuilder(ClinicFaqApplication.class)
                .initializers(
                        context -> context.getBeanFactory().registerSingleton("testComponents", new NoTestComponents()))
                .run(arguments.toArray(String[]::new));
        int exit = 0;
        try {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            Map<String, Figures> results = new LinkedHashMap<>();
            ExecutorService visitors = Executors.newVirtualThreadPerTaskExecutor();
            for (int count : visitorCounts) {
                // warm-up (JIT, remembered question vectors), one block of each mode, not counted
                for (Mode mode : modes) {
                    set(app, database, mode);
                    block(visitors, port, count, turnsPerVisitor, questions, new Figures(), 7);
                }
                for (int b = 0; b < 2 * blocks; b++) {
                    Mode mode = modes.size() == 1
                            ? modes.getFirst()
                            : (b % 4 == 0 || b % 4 == 3) ? Mode.BEFORE : Mode.NOW; // A B B A
                    set(app, database, mode);
                    Figures figures = results.computeIfAbsent(mode + " " + count, k -> new Figures());
                    block(visitors, port, count, turnsPerVisitor, questions, figures, 1000L * b + count);
                    check(app, database, mode);
                }
            }
            System.out.println();
            System.out.println(
                    "mode (" + database
                            + ") visitors | turns | turns/s | send->ack p50 / p90 / p99 / max ms | send->reply p50 / p90 / p99 ms");
            for (Map.Entry<String, Figures> result : results.entrySet()) {
                Figures f = result.getValue();
                long[] ack = sorted(f.ack);
                long[] reply = sorted(f.reply);
                System.out.printf(
                        "%-12s | %6d | %7.0f | %.2f / %.2f / %.2f / %.1f | %.2f / %.2f / %.2f%n",
                        label(database, result.getKey()),
                        f.turns,
                        f.turns / (f.nanos / 1e9),
                        ms(ack, 50),
                        ms(ack, 90),
                        ms(ack, 99),
                        ack[ack.length - 1] / 1e6,
                        ms(reply, 50),
                        ms(reply, 90),
                        ms(reply, 99));
            }
            System.out.println("load average at the end: " + loadAverage());
            // --idle-seconds N: the service left idle, the H2 file's size every 10 s (does H2 give space back?)
            int idle = Integer.parseInt(option(options, "--idle-seconds", "0"));
            for (int waited = 0; waited < idle && !database.equals("postgres"); waited += 10) {
                System.out.printf(
                        "idle %d s: H2 file %.1f MB%n", waited, Files.size(directory.resolve("clinicfaq.mv.db")) / 1e6);
                Thread.sleep(10_000); // deliberate: the service left idle between two readings
            }
            if (!database.equals("postgres")) {
                System.out.printf(
                        "H2 file after the run: %.1f MB%n", Files.size(directory.resolve("clinicfaq.mv.db")) / 1e6);
            }
            visitors.shutdown();
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            exit = 1;
        } finally {
            app.close();
            if (postgres != null) {
                postgres.close();
            }
            // the H2 file can be gigabytes after a long run
            try (var paths = Files.walk(directory)) {
                paths.sorted(java.util.Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
        System.exit(exit);
    }

    /** Each visitor opens a conversation and asks {@code turns} questions one after another. */
    private static void block(
            ExecutorService executor,
            int port,
            int visitors,
            int turns,
            List<String> questions,
            Figures figures,
            long seed)
            throws Exception {
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int v = 0; v < visitors; v++) {
            long visitorSeed = seed * 1000 + v;
            running.add(executor.submit(() -> {
                visit(port, turns, questions, figures, visitorSeed);
                return null;
            }));
        }
        for (Future<?> visitor : running) {
            visitor.get(10, TimeUnit.MINUTES);
        }
        synchronized (figures) {
            figures.nanos += System.nanoTime() - start;
            figures.turns += (long) visitors * turns;
        }
    }

    private static void visit(int port, int turns, List<String> questions, Figures figures, long seed)
            throws Exception {
        Random pick = new Random(seed);
        List<CompletableFuture<Long>> acks = new ArrayList<>();
        List<CompletableFuture<Long>> replies = new ArrayList<>();
        for (int t = 0; t < turns; t++) {
            acks.add(new CompletableFuture<>());
            replies.add(new CompletableFuture<>());
        }
        // frames of a connection arrive in order, on one thread: a turn's ack, then its bot frames
        int[] awaitingReply = {-1};
        try (ChatClient chat = ChatClient.connect(port, null, frame -> {
            String type = frame.path("type").asString();
            if (type.equals("ack")) {
                int turn = Integer.parseInt(frame.path("id").asString().substring(2));
                acks.get(turn).complete(System.nanoTime());
                awaitingReply[0] = turn;
            } else if (type.equals("bot") && awaitingReply[0] >= 0) {
                replies.get(awaitingReply[0]).complete(System.nanoTime());
                awaitingReply[0] = -1;
            } else if (type.equals("error")) {
                acks.forEach(f -> f.completeExceptionally(new IllegalStateException("error frame " + frame)));
            }
        })) {
            chat.awaitBot("greeting");
            for (int t = 0; t < turns; t++) {
                String text = questions.get(pick.nextInt(questions.size()));
                long sent = System.nanoTime();
                chat.send("{\"v\":1,\"type\":\"message\",\"id\":\"q-" + t + "\",\"text\":"
                        + JSON.writeValueAsString(text) + "}");
                figures.ack.add(acks.get(t).get(30, TimeUnit.SECONDS) - sent);
                figures.reply.add(replies.get(t).get(30, TimeUnit.SECONDS) - sent);
            }
        }
    }

    /**
     * H2: adds or removes the checkpoint after each commit from the transaction manager. PostgreSQL: sets {@code
     * synchronous_commit} on every connection of the pool, by holding all of them at once.
     */
    private static void set(ConfigurableApplicationContext app, String database, Mode mode) throws SQLException {
        if (!database.equals("postgres")) {
            AbstractPlatformTransactionManager transactions = app.getBean(AbstractPlatformTransactionManager.class);
            List<TransactionExecutionListener> listeners =
                    new ArrayList<>(transactions.getTransactionExecutionListeners());
            if (checkpoints == null) {
                checkpoints = listeners.stream()
                        .filter(l -> l.getClass().getSimpleName().equals("H2Checkpoints"))
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("no checkpoint after commits in " + listeners));
            }
            if (mode == Mode.BEFORE) {
                listeners.remove(checkpoints);
            } else if (!listeners.contains(checkpoints)) {
                listeners.add(checkpoints);
            }
            transactions.setTransactionExecutionListeners(listeners);
            return;
        }
        HikariDataSource pool = (HikariDataSource) app.getBean(DataSource.class);
        List<Connection> all = new ArrayList<>();
        try {
            for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
                Connection connection = pool.getConnection();
                all.add(connection);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET synchronous_commit = " + (mode == Mode.BEFORE ? "off" : "on"));
                }
            }
        } finally {
            for (Connection connection : all) {
                connection.close();
            }
        }
    }

    /** PostgreSQL: the mode held through the block (no connection was opened meanwhile, which would have set it back). */
    private static void check(ConfigurableApplicationContext app, String database, Mode mode) throws SQLException {
        if (!database.equals("postgres")) {
            return;
        }
        HikariDataSource pool = (HikariDataSource) app.getBean(DataSource.class);
        String expected = mode == Mode.BEFORE ? "off" : "on";
        List<Connection> all = new ArrayList<>();
        try {
            for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
                Connection connection = pool.getConnection();
                all.add(connection);
                try (Statement statement = connection.createStatement();
                        ResultSet rows = statement.executeQuery("SHOW synchronous_commit")) {
                    rows.next();
                    if (!expected.equals(rows.getString(1))) {
                        throw new AssertionError(
                                "the mode changed during the block: " + rows.getString(1) + " instead of " + expected);
                    }
                }
            }
        } finally {
            for (Connection connection : all) {
                connection.close();
            }
        }
    }

    private static String loadAverage() {
        try {
            return String.join(
                    " ",
                    Arrays.asList(Files.readString(Path.of("/proc/loadavg")).split(" "))
                            .subList(0, 3));
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String label(String database, String key) {
        String[] parts = key.split(" ");
        String setting = database.equals("postgres")
                ? (parts[0].equals("BEFORE") ? "sync off" : "sync on")
                : (parts[0].equals("BEFORE") ? "no checkpoint" : "checkpoint");
        return setting + " x" + parts[1];
    }

    private static long[] sorted(ConcurrentLinkedQueue<Long> values) {
        return values.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    private static double ms(long[] sorted, int percentile) {
        return sorted[Math.min(sorted.length - 1, sorted.length * percentile / 100)] / 1e6;
    }

    private static List<String> questions() throws IOException {
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

    /** Leaves the test sources' own configurations (e.g. small socket buffers) out of the service this command starts. */
    private static final class NoTestComponents extends TypeExcludeFilter {
        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
            return reader.getAnnotationMetadata().isAnnotated(TestComponent.class.getName());
        }
    }
}
