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
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Whatever URL an operator gives, the pool's connections commit durably, and a data source that would not is
 * refused at start. (That an acknowledged turn survives a SIGKILL is {@code CrashSafetyIntegrationTests}.)
 */
class DurableCommitsTests {

    private static final String H2_SETTINGS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    @TempDir
    Path directory;

    @Test
    void turnsOffH2sWriteDelayEvenWhenTheUrlAsksForOne() throws Exception {
        String url = "jdbc:h2:file:" + directory.resolve("clinicfaq") + H2_SETTINGS + ";WRITE_DELAY=500";
        try (HikariDataSource pool = pool(url, "clinicfaq")) {
            assertThat(value(pool, "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'"))
                    .isEqualTo("0");
            DurableCommits.check(pool);
        }
    }

    @Test
    void refusesAnH2DataSourceThatLeavesTheWriteDelay() {
        JdbcDataSource plain = new JdbcDataSource();
        plain.setURL("jdbc:h2:file:" + directory.resolve("clinicfaq") + H2_SETTINGS);
        plain.setUser("clinicfaq");
        assertThatThrownBy(() -> DurableCommits.check(plain)).hasMessageContaining("every 500 ms (WRITE_DELAY)");
    }

    @Test
    void keepsTheOperatorsOwnInitSqlAndRunsItFirst() throws Exception {
        String url = "jdbc:h2:file:" + directory.resolve("clinicfaq") + H2_SETTINGS;
        assertThat(DurableCommits.initSql(url, "SET WRITE_DELAY 1000;")).contains("SET WRITE_DELAY 1000;\nSET WRITE_DELAY 0");
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl(url);
            pool.setUsername("clinicfaq");
            pool.setConnectionInitSql("SET WRITE_DELAY 1000");
            apply(pool);
            assertThat(value(pool, "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'"))
                    .isEqualTo("0");
        }
    }

    @Test
    void turnsSynchronousCommitOnWherePostgresHasItOff() throws Exception {
        String url = TestPostgres.newDatabase();
        String database = url.replaceAll(".*/([^/?]+).*", "$1");
        try (HikariDataSource pool = pool(url, "postgres")) {
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("ALTER DATABASE " + database + " SET synchronous_commit = off");
            }
            pool.getHikariPoolMXBean().softEvictConnections(); // connections opened from now on find it off
            assertThat(value(pool, "SHOW synchronous_commit")).isEqualTo("on");
            assertThat(value(pool, "SELECT reset_val FROM pg_settings WHERE name = 'synchronous_commit'")).isEqualTo("off");
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
    void readsTheWriteDelayAnH2UrlAsksFor() {
        assertThat(DurableCommits.h2WriteDelay("jdbc:h2:file:./data/x;MODE=PostgreSQL;write_delay = 500")).contains(500);
        assertThat(DurableCommits.h2WriteDelay("jdbc:h2:file:./data/x;MODE=PostgreSQL")).isEmpty();
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
        return (HikariDataSource) DurableCommits.durableCommitsOnEveryConnection().postProcessAfterInitialization(pool, "dataSource");
    }

    private static String value(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }
}
