package com.clinicfaq.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.clinicfaq.ClinicFaqApplication;
import com.clinicfaq.conversation.web.ChatClient;
import com.clinicfaq.staff.StaffHttp;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded database on disk: in a folder the service creates readable by its own user only, and, with the
 * {@code h2-encrypted} profile, encrypted with the key from the environment, so that a copy of the file without
 * the key shows no visitor's words. The first administrator's and the metrics account's passwords come from files,
 * not the command line (README, "Data at rest").
 */
class DataAtRestIntegrationTests {

    private static final String KEY = "9f2c4e6a8b0d1f3e5a7c9e1b3d5f7a9c";
    private static final String MARKER = "zebra-umbrella-4711";

    @TempDir
    Path root;

    @Test
    void keepsTheDatabaseEncryptedInAFolderForTheServicesUserOnlyAndTakesPasswordsFromFiles() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path data = root.resolve("data");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ClinicFaqApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.profiles.active=h2-encrypted",
                        "--CLINICFAQ_H2_FILE=" + data.resolve("clinicfaq"),
                        "--CLINICFAQ_DB_FILE_KEY=" + KEY,
                        "--clinicfaq.outbox.path=" + data.resolve("outbox.jsonl"),
                        "--clinicfaq.staff.admin.username=ada",
                        "--clinicfaq.staff.admin.password-file=" + secret("admin-password", "correct horse battery\n"),
                        "--clinicfaq.staff.metrics.password-file="
                                + secret("metrics-password", "scrape me if you can\n"))) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            StaffHttp staff = new StaffHttp(port);
            assertThat(staff.logIn(StaffHttp.client(), "ada", "correct horse battery"))
                    .doesNotContain("error");
            assertThat(StaffHttp.client()
                            .send(
                                    staff.getWithBasic("/actuator/prometheus", "metrics", "scrape me if you can"),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode())
                    .isEqualTo(200);

            try (ChatClient chat = ChatClient.connect(port)) {
                chat.awaitType("welcome");
                chat.say("How long does kyphoplasty take? " + MARKER);
                assertThat(chat.awaitBot("answer").path("text").asString()).contains("45 to 60 minutes");
            }

            assertThat(permissions(data)).isEqualTo("rwx------");
            assertThat(permissions(data.resolve("clinicfaq.mv.db"))).isEqualTo("rw-------");
        }

        String file = Files.readString(data.resolve("clinicfaq.mv.db"), StandardCharsets.ISO_8859_1);
        assertThat(file).as("the file without its key").doesNotContain(MARKER).doesNotContain("kyphoplasty");
        assertThat(data.resolve("clinicfaq.trace.db"))
                .as("no trace file in plain text")
                .doesNotExist();
        String url = "jdbc:h2:file:" + data.resolve("clinicfaq")
                + ";CIPHER=AES;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;TRACE_LEVEL_FILE=0";
        assertThatThrownBy(() -> DriverManager.getConnection(url, "clinicfaq", "another-key ")
                        .close())
                .isInstanceOf(SQLException.class);
        assertThat(visitorMessages(url, KEY + " ")).singleElement().asString().contains(MARKER);
    }

    /** A secret in a file readable by its owner only, as a container's secret or a systemd credential would be. */
    private Path secret(String name, String content) throws Exception {
        Path file = Files.writeString(root.resolve(name), content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private static List<String> visitorMessages(String url, String password) throws SQLException {
        List<String> texts = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, "clinicfaq", password);
                PreparedStatement query =
                        connection.prepareStatement("select text from message where sender = 'VISITOR'");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                texts.add(rows.getString(1));
            }
        }
        return texts;
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
