package com.clinicfaq.system;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;

/**
 * An acknowledgement means stored (issue #15): a transaction the chat acknowledges is on disk when its commit
 * returns, whatever JDBC URL the service is given.
 *
 * <ul>
 *   <li><b>H2</b> writes committed changes to its file only every {@code WRITE_DELAY} ms (500 by default), so a
 *       process killed right after an {@code ack} lost the turn. After each read-write transaction commits, the
 *       transaction manager runs {@code CHECKPOINT} on its connection, which writes everything committed to the
 *       file before the commit returns (to the operating system, which keeps it through a crash of the service;
 *       H2 does not fsync, so a power cut can still lose the last commits). The write delay itself is left as it
 *       is: H2's background writer also compacts the file, and with {@code WRITE_DELAY 0} it stops and the file
 *       grows by every commit (docs/benchmarks.md), which is warned about.</li>
 *   <li><b>PostgreSQL</b> with {@code synchronous_commit = off} (in {@code postgresql.conf}, for the database or the
 *       role) acknowledges a commit before its WAL is flushed, so a crash of PostgreSQL can lose it. Every
 *       connection of the pool turns it on for its own session when it finds it off, in its init SQL after the
 *       operator's own (other values, such as {@code remote_apply} for a synchronous standby, flush locally too and
 *       are left as they are).</li>
 * </ul>
 *
 * At start the service checks this and refuses to start if a commit could still be acknowledged before it is
 * written; it warns if PostgreSQL runs with {@code fsync = off}.
 */
@Configuration(proxyBeanMethods = false)
class DurableCommits {

    private static final Logger log = LoggerFactory.getLogger(DurableCommits.class);

    static final String POSTGRES_INIT =
            "SELECT set_config('synchronous_commit', 'on', false) WHERE current_setting('synchronous_commit') = 'off'";
    private static final String WRITE_DELAY_0 =
            "H2 runs with WRITE_DELAY 0: it then no longer compacts its file in the "
                    + "background, and the file grows with every commit. Leave the write delay out of the database URL: each "
                    + "transaction is written to the file when it commits all the same (docs/reliability.md)";

    enum Database {
        H2,
        POSTGRESQL,
        OTHER;

        static Database of(String jdbcUrl) {
            String url = jdbcUrl == null ? "" : jdbcUrl.toLowerCase(Locale.ROOT);
            return url.startsWith("jdbc:h2:") ? H2 : url.startsWith("jdbc:postgresql:") ? POSTGRESQL : OTHER;
        }
    }

    /** The init SQL a pooled connection runs: ours after the operator's own, so that theirs cannot undo it. */
    static Optional<String> initSql(String jdbcUrl, String operators) {
        if (Database.of(jdbcUrl) != Database.POSTGRESQL) {
            return Optional.empty();
        }
        String ours = POSTGRES_INIT;
        return Optional.of(
                operators == null || operators.isBlank()
                        ? ours
                        : operators.strip().replaceAll(";$", "") + ";\n" + ours);
    }

    @Bean
    static BeanPostProcessor durableCommitsOnEveryConnection() {
        return new DurableConnections();
    }

    @Bean
    H2Checkpoints h2CheckpointAfterEachCommit(DataSource dataSource) {
        return new H2Checkpoints(dataSource);
    }

    @Bean
    InitializingBean checkDurableCommits(
            DataSource dataSource, ObjectProvider<PlatformTransactionManager> transactions, H2Checkpoints checkpoints) {
        return () -> {
            check(dataSource);
            if (checkpoints.h2File(dataSource)) {
                transactions.orderedStream().forEach(manager -> {
                    if (!(manager instanceof AbstractPlatformTransactionManager listened)
                            || !listened.getTransactionExecutionListeners().contains(checkpoints)) {
                        throw new IllegalStateException(
                                "The transaction manager " + manager.getClass().getName() + " does not "
                                        + "write H2's commits to its file before they return: use the one Spring Boot configures");
                    }
                });
            }
        };
    }

    /**
     * After each read-write transaction on an H2 file commits, and before its commit returns, {@code CHECKPOINT}: H2
     * writes all committed changes to its file. Spring Boot registers it with the transaction manager. Concurrent
     * commits share a checkpoint (group commit): while one runs, the commits that return in the meantime wait
     * for the next one, which writes them all at once.
     */
    static final class H2Checkpoints implements TransactionExecutionListener {

        private final DataSource dataSource;
        private volatile Boolean h2File;
        private final GroupCommit group = new GroupCommit();

        H2Checkpoints(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        @Override
        public void afterCommit(TransactionExecution transaction, Throwable commitFailure) {
            if (commitFailure != null || !transaction.isNewTransaction() || transaction.isReadOnly()) {
                return;
            }
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try {
                if (h2File(connection)) {
                    group.awaitWritten(() -> {
                        try (Statement statement = connection.createStatement()) {
                            statement.execute("CHECKPOINT");
                        }
                    });
                }
            } catch (SQLException e) {
                throw new TransactionSystemException("Committed, but H2 could not write the commit to its file", e);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        }

        boolean h2File(DataSource source) throws SQLException {
            try (Connection connection = source.getConnection()) {
                return h2File(connection);
            }
        }

        private boolean h2File(Connection connection) throws SQLException {
            Boolean known = h2File;
            if (known == null) {
                String url = connection.getMetaData().getURL();
                known = url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:");
                h2File = known;
            }
            return known;
        }
    }

    /**
     * Group commit: each committed transaction waits for a write that started after its commit; one of the waiting
     * threads runs it for all of them, the others sleep meanwhile. A lock and a condition, not {@code synchronized}:
     * the chat runs on virtual threads.
     */
    static final class GroupCommit {

        interface Write {
            void run() throws SQLException;
        }

        private final ReentrantLock lock = new ReentrantLock();
        private final Condition written = lock.newCondition();
        /** Commits that have asked to be written, in the order they asked. */
        private long asked;
        /** All commits up to this one are written. */
        private long done;

        private boolean writing;
        /** How many writes ran: fewer than the commits when they share them. */
        private long writes;

        /** Returns once a write that started after this call has finished; runs it on this thread when none is running. */
        void awaitWritten(Write write) throws SQLException {
            lock.lock();
            try {
                long mine = ++asked;
                while (done < mine) {
                    if (writing) {
                        written.awaitUninterruptibly();
                        continue;
                    }
                    writing = true;
                    long covers = asked; // every commit that has asked so far committed before this write starts
                    boolean ok = false;
                    lock.unlock();
                    try {
                        write.run();
                        ok = true;
                    } finally {
                        lock.lock();
                        writing = false;
                        writes++;
                        if (ok) {
                            done = Math.max(done, covers);
                        }
                        written.signalAll(); // on failure another waiter tries again
                    }
                }
            } finally {
                lock.unlock();
            }
        }

        long writes() {
            lock.lock();
            try {
                return writes;
            } finally {
                lock.unlock();
            }
        }
    }

    /** Sets the init SQL of the pool once its properties are bound, before it opens its first connection. */
    private static final class DurableConnections implements BeanPostProcessor, Ordered {

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            if (bean instanceof HikariDataSource hikari && !hikari.isRunning()) {
                initSql(hikari.getJdbcUrl(), hikari.getConnectionInitSql()).ifPresent(hikari::setConnectionInitSql);
            }
            return bean;
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    /** Fails the start if a commit could be acknowledged before it is written. */
    static void check(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            String product = connection.getMetaData().getDatabaseProductName();
            if ("H2".equals(product)) {
                if (connection.getMetaData().getURL().startsWith("jdbc:h2:mem:")) {
                    return; // nothing to write to disk
                }
                // the checkpoint after each commit needs admin rights: refuse to start rather than fail every turn
                try {
                    statement.execute("CHECKPOINT");
                } catch (SQLException e) {
                    throw new IllegalStateException(
                            "H2 refuses CHECKPOINT to this database user (" + e.getMessage() + "): it needs "
                                    + "admin rights, so that each commit is written to the file before it returns",
                            e);
                }
                String delay = value(
                        statement,
                        "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'");
                if ("0".equals(delay)) {
                    log.warn(WRITE_DELAY_0);
                }
                log.info(
                        "Durable commits: H2 writes each transaction to its file before its commit returns (CHECKPOINT)");
            } else if ("PostgreSQL".equals(product)) {
                String synchronous = value(statement, "SHOW synchronous_commit");
                if ("off".equals(synchronous)) {
                    throw new IllegalStateException(
                            "PostgreSQL acknowledges commits before they are flushed (synchronous_commit = "
                                    + "off): an acknowledged message could be lost in a crash of the database. Use the connection pool the "
                                    + "service configures (HikariCP), which turns it on for each connection.");
                }
                String configured =
                        value(statement, "SELECT reset_val FROM pg_settings WHERE name = 'synchronous_commit'");
                if ("off".equals(configured)) {
                    log.warn(
                            "PostgreSQL is configured with synchronous_commit = off; the service turns it on for its own connections");
                }
                if ("off".equals(value(statement, "SHOW fsync"))) {
                    log.warn(
                            "PostgreSQL runs with fsync = off: commits are not durable, a crash of the machine can lose "
                                    + "acknowledged messages and handoff requests, or corrupt the database");
                }
                log.info(
                        "Durable commits: PostgreSQL flushes each commit before it returns (synchronous_commit = {})",
                        synchronous);
            } else {
                log.warn("Durable commits are not checked on {}: only H2 and PostgreSQL are", product);
            }
        }
    }

    private static String value(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }
}
