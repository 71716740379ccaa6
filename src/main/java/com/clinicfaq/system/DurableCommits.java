package com.clinicfaq.system;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * An acknowledgement means stored (issue #15): a transaction the chat acknowledges is on disk when its commit
 * returns, whatever JDBC URL the service is given.
 *
 * <ul>
 *   <li><b>H2</b> writes committed changes to its file only every {@code WRITE_DELAY} ms (500 by default, and again
 *       each time the database is opened), so a process killed right after an {@code ack} lost the turn. Every
 *       connection of the pool sets {@code WRITE_DELAY 0}: each commit then writes the file before it returns
 *       (to the operating system, which keeps it through a crash of the service; H2 does not fsync each
 *       commit, so a power cut can still lose the last ones).</li>
 *   <li><b>PostgreSQL</b> with {@code synchronous_commit = off} (in {@code postgresql.conf}, for the database or the
 *       role) acknowledges a commit before its WAL is flushed, so a crash of PostgreSQL can lose it. Every
 *       connection of the pool turns it on for its own session when it finds it off (other values, such as
 *       {@code remote_apply} for a synchronous standby, flush locally too and are left as they are).</li>
 * </ul>
 *
 * The settings go into each pooled connection's init SQL (before the operator's own, if any); at start the
 * service then reads them back and refuses to start if a commit could still be acknowledged before it is written,
 * and warns if PostgreSQL runs with {@code fsync = off}.
 */
@Configuration(proxyBeanMethods = false)
class DurableCommits {

    private static final Logger log = LoggerFactory.getLogger(DurableCommits.class);

    static final String H2_INIT = "SET WRITE_DELAY 0";
    static final String POSTGRES_INIT =
            "SELECT set_config('synchronous_commit', 'on', false) WHERE current_setting('synchronous_commit') = 'off'";
    private static final Pattern H2_WRITE_DELAY = Pattern.compile("(?i);\\s*WRITE_DELAY\\s*=\\s*(\\d+)");

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
        String ours = switch (Database.of(jdbcUrl)) {
            case H2 -> H2_INIT;
            case POSTGRESQL -> POSTGRES_INIT;
            case OTHER -> null;
        };
        if (ours == null) {
            return Optional.empty();
        }
        return Optional.of(operators == null || operators.isBlank() ? ours : operators.strip().replaceAll(";$", "") + ";\n" + ours);
    }

    /** The write delay an H2 URL asks for, if it names one. */
    static Optional<Integer> h2WriteDelay(String jdbcUrl) {
        Matcher delay = H2_WRITE_DELAY.matcher(jdbcUrl == null ? "" : jdbcUrl);
        return delay.find() ? Optional.of(Integer.parseInt(delay.group(1))) : Optional.empty();
    }

    @Bean
    static BeanPostProcessor durableCommitsOnEveryConnection() {
        return new DurableConnections();
    }

    @Bean
    InitializingBean checkDurableCommits(DataSource dataSource) {
        return () -> check(dataSource);
    }

    /** Sets the init SQL of the pool once its properties are bound, before it opens its first connection. */
    private static final class DurableConnections implements BeanPostProcessor, Ordered {

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            if (bean instanceof HikariDataSource hikari && !hikari.isRunning()) {
                String url = hikari.getJdbcUrl();
                h2WriteDelay(url).filter(delay -> delay > 0).ifPresent(delay -> log.warn(
                        "The database URL sets WRITE_DELAY={}: ignored, every connection sets it to 0 so that an acknowledged "
                                + "message is on disk before it is acknowledged (docs/reliability.md)", delay));
                initSql(url, hikari.getConnectionInitSql()).ifPresent(hikari::setConnectionInitSql);
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
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            String product = connection.getMetaData().getDatabaseProductName();
            if ("H2".equals(product)) {
                String delay = value(statement, "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'");
                if (!"0".equals(delay)) {
                    throw new IllegalStateException("H2 writes commits to its file only every " + delay + " ms (WRITE_DELAY): "
                            + "an acknowledged message could be lost in a crash. Use the connection pool the service configures "
                            + "(HikariCP), or a database user with admin rights, so that each connection sets WRITE_DELAY 0.");
                }
                log.info("Durable commits: H2 writes every commit to its file before it returns (WRITE_DELAY 0)");
            } else if ("PostgreSQL".equals(product)) {
                String synchronous = value(statement, "SHOW synchronous_commit");
                if ("off".equals(synchronous)) {
                    throw new IllegalStateException("PostgreSQL acknowledges commits before they are flushed (synchronous_commit = "
                            + "off): an acknowledged message could be lost in a crash of the database. Use the connection pool the "
                            + "service configures (HikariCP), which turns it on for each connection.");
                }
                String configured = value(statement, "SELECT reset_val FROM pg_settings WHERE name = 'synchronous_commit'");
                if ("off".equals(configured)) {
                    log.warn("PostgreSQL is configured with synchronous_commit = off; the service turns it on for its own connections");
                }
                if ("off".equals(value(statement, "SHOW fsync"))) {
                    log.warn("PostgreSQL runs with fsync = off: commits are not durable, a crash of the machine can lose "
                            + "acknowledged messages and handoff requests, or corrupt the database");
                }
                log.info("Durable commits: PostgreSQL flushes each commit before it returns (synchronous_commit = {})", synchronous);
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
