package com.clinicfaq.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clinicfaq.TestPostgres;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Whatever URL an operator gives, a commit is written before it returns, and a setup that would not do so is
 * refused at start. (That an acknowledged turn survives a SIGKILL is {@code CrashSafetyIntegrationTests}.)
 */
class DurableCommitsTests {

    private static final String H2_SETTINGS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    @TempDir
    Path directory;

    @Test
    void concurrentCommitsShareWritesAndEachReturnsOnlyOnceAWriteStartedAfterIt() throws Exception {
        DurableCommits.GroupCommit group = new DurableCommits.GroupCommit();
        AtomicLong committed = new AtomicLong();
        AtomicLong durable = new AtomicLong(); // every commit up to this one is written
        int threads = 16;
        int commitsEach = 100;
        List<Long> notWrittenOnReturn = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < threads; t++) {
                pool.submit(() -> {
                    for (int i = 0; i < commitsEach; i++) {
                        long mine = committed.incrementAndGet();
                        group.awaitWritten(() -> {
                            long upTo = committed.get(); // what this write takes along
                            LockSupport.parkNanos(200_000); // a write takes time: commits pile up meanwhile
                            durable.accumulateAndGet(upTo, Math::max);
                        });
                        if (durable.get() < mine) {
                            notWrittenOnReturn.add(mine);
                        }
                    }
                    return null;
                });
            }
        }
        assertThat(notWrittenOnReturn).isEmpty();
        assertThat(group.writes()).isLessThan(threads * commitsEach / 2);
    }

    @Test
    void aFailedWriteFailsItsCommitAndTheNextCommitWritesAgain() throws Exception {
        DurableCommits.GroupCommit group = new DurableCommits.GroupCommit();
        assertThatThrownBy(() -> group.awaitWritten(() -> {
                    throw new SQLException("disk full");
                }))
                .hasMessage("disk full");
        AtomicLong writes = new AtomicLong();
        group.awaitWritten(writes::incrementAndGet);
        assertThat(writes).hasValue(1);
    }

    @Test
    void writesEachCommitToTheH2FileBeforeTheCommitReturns() throws Exception {
        // a write delay of a minute: nothing reaches the file in this test unless the commit writes it
        String url = "jdbc:h2:file:" + directory.resolve("clinicfaq") + H2_SETTINGS + ";WRITE_DELAY=60000";
        try (HikariDataSource pool = pool(url, "clinicfaq")) {
            JdbcClient jdbc = JdbcClient.create(pool);
            jdbc.sql("create table turn (id int primary key)").update();
            DurableCommits.H2Checkpoints checkpoints = new DurableCommits.H2Checkpoints(pool);
            JdbcTransactionManager durable = new JdbcTransactionManager(pool);
            durable.setTransactionExecutionListeners(List.of(checkpoints));

            long before = fileWrites(pool);
            new TransactionTemplate(new JdbcTransactionManager(pool))
                    .executeWithoutResult(
                            s -> jdbc.sql("insert into turn values (1)").update());
            assertThat(fileWrites(pool))
                    .as("without the checkpoint, the commit waits for the write delay")
                    .isEqualTo(before);

            new TransactionTemplate(durable)
                    .executeWithoutResult(
                            s -> jdbc.sql("insert into turn values (2)").update());
            assertThat(fileWrites(pool)).as("written when the commit returns").isGreaterThan(before);

            long afterWrite = fileWrites(pool);
            TransactionTemplate readOnly = new TransactionTemplate(durable);
            readOnly.setReadOnly(true);
            readOnly.executeWithoutResult(s ->
                    jdbc.sql("select count(*) from turn").query(Integer.class).single());
            assertThat(fileWrites(pool))
                    .as("a read-only transaction writes nothing")
                    .isEqualTo(afterWrite);
            DurableCommits.check(pool);
        }
    }

    @Test
    void leavesAnInMemoryH2Alone() throws Exception {
        try (HikariDataSource pool = pool("jdbc:h2:mem:durable-" + UUID.randomUUID() + H2_SETTINGS, "clinicfaq")) {
            assertThat(new DurableCommits.H2Checkpoints(pool).h2File(pool)).isFalse();
            DurableCommits.check(pool);
        }
    }

    @Test
    void refusesToStartWhenTheH2UserCannotCheckpoint() throws Exception {
        String url = "jdbc:h2:file:" + directory.resolve("clinicfaq") + H2_SETTINGS;
        try (HikariDataSource admin = pool(url, "clinicfaq")) {
            JdbcClient.create(admin).sql("create user visitor password 'x'").update();
            try (HikariDataSource pool = new HikariDataSource()) {
                pool.setJdbcUrl(url);
                pool.setUsername("visitor");
                pool.setPassword("x");
                assertThatThrownBy(() -> DurableCommits.check(pool)).hasMessageContaining("admin rights");
            }
        }
    }

    @Test
    void turnsSynchronousCommitOnWherePostgresHasItOff() throws Exception {
        String url = TestPostgres.newDatabase();
        String database = url.replaceAll(".*/([^/?]+).*", "$1");
        try (HikariDataSource pool = pool(url, "postgres")) {
            try (Connection connection = pool.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("ALTER DATABASE " + database + " SET synchronous_commit = off");
            }
            pool.getHikariPoolMXBean().softEvictConnections(); // connections opened from now on find it off
            assertThat(value(pool, "SHOW synchronous_commit")).isEqualTo("on");
            assertThat(value(pool, "SELECT reset_val FROM pg_settings WHERE name = 'synchronous_commit'"))
                    .isEqualTo("off");
            DurableCommits.check(pool);

            PGSimpleDataSource plain = new PGSimpleDataSource();
            plain.setURL(url);
            plain.setUser("postgres");
            assertThatThrownBy(() -> DurableCommits.check(plain)).hasMessageContaining("synchronous_commit = off");
        }
    }

    @Test
    void leavesOtherDurableSettingsOfPostgresAlone() throws Exception {
        String url = TestPostgres.newDatabase();
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl(url);
            pool.setUsername("postgres");
            pool.setConnectionInitSql("SET synchronous_commit = local");
            apply(pool);
            assertThat(value(pool, "SHOW synchronous_commit")).isEqualTo("local");
        }
    }

    @Test
    void putsTheOperatorsOwnInitSqlFirstOnPostgresAndSetsNoneElsewhere() {
        assertThat(DurableCommits.initSql("jdbc:postgresql://db/clinicfaq", "SET search_path = app;"))
                .contains("SET search_path = app;\n" + DurableCommits.POSTGRES_INIT);
        assertThat(DurableCommits.initSql("jdbc:h2:file:./data/x", null)).isEmpty();
        assertThat(DurableCommits.initSql("jdbc:hsqldb:mem:x", null)).isEmpty();
    }

    private static HikariDataSource pool(String url, String user) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername(user);
        return apply(pool);
    }

    /** What the service's bean post-processor does to the pool Spring Boot makes. */
    private static HikariDataSource apply(HikariDataSource pool) {
        return (HikariDataSource)
                DurableCommits.durableCommitsOnEveryConnection().postProcessAfterInitialization(pool, "dataSource");
    }

    private static long fileWrites(DataSource dataSource) throws SQLException {
        return Long.parseLong(value(
                dataSource,
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'info.FILE_WRITE'"));
    }

    private static String value(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }
}
