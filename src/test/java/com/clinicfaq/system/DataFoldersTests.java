package com.clinicfaq.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/** Visitors' data on this machine (the H2 file, the outbox) is readable by the service's user only. */
class DataFoldersTests {

    @TempDir
    Path root;

    @BeforeEach
    void posixOnly() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
    }

    @Test
    void createsTheDatabasesAndTheOutboxsFoldersReadableByTheServicesUserOnly() throws Exception {
        DataFolders.of(environment(root.resolve("data/clinicfaq"), root.resolve("spool/outbox.jsonl")))
                .secure();

        assertThat(permissions(root.resolve("data"))).isEqualTo("rwx------");
        assertThat(permissions(root.resolve("spool"))).isEqualTo("rwx------");
    }

    /** As an installation from before this change has them: the folder and files readable by every user. */
    @Test
    void takesOtherUsersAccessAwayFromAnExistingFolderAndTheServicesFilesInIt() throws Exception {
        Path data = Files.createDirectory(
                root.resolve("data"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        for (String name : new String[] {"clinicfaq.mv.db", "clinicfaq.trace.db", "outbox.jsonl", "notes.txt"}) {
            Files.writeString(data.resolve(name), "x");
            Files.setPosixFilePermissions(data.resolve(name), PosixFilePermissions.fromString("rw-r--r--"));
        }

        DataFolders.of(environment(data.resolve("clinicfaq"), data.resolve("outbox.jsonl")))
                .secure();

        assertThat(permissions(data)).isEqualTo("rwx------");
        assertThat(permissions(data.resolve("clinicfaq.mv.db"))).isEqualTo("rw-------");
        assertThat(permissions(data.resolve("clinicfaq.trace.db"))).isEqualTo("rw-------");
        assertThat(permissions(data.resolve("outbox.jsonl"))).isEqualTo("rw-------");
        assertThat(permissions(data.resolve("notes.txt")))
                .as("not the service's")
                .isEqualTo("rw-r--r--");
    }

    @Test
    void leavesAFolderThatEveryoneMayWriteToAsItIs() throws Exception {
        Path shared = Files.createDirectory(root.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));

        DataFolders.of(environment(shared.resolve("clinicfaq"), root.resolve("data/outbox.jsonl")))
                .secure();

        assertThat(permissions(shared)).isEqualTo("rwxrwxrwx");
        assertThat(permissions(root.resolve("data"))).isEqualTo("rwx------");
    }

    @Test
    void findsTheFileOfAnEmbeddedH2DatabaseOnly() {
        assertThat(DataFolders.h2File("jdbc:h2:file:./data/clinicfaq;MODE=PostgreSQL;CIPHER=AES"))
                .hasValue(Path.of("./data/clinicfaq"));
        assertThat(DataFolders.h2File("jdbc:h2:/var/lib/clinicfaq/db")).hasValue(Path.of("/var/lib/clinicfaq/db"));
        assertThat(DataFolders.h2File("jdbc:h2:mem:clinicfaq;DB_CLOSE_DELAY=-1"))
                .isEmpty();
        assertThat(DataFolders.h2File("jdbc:h2:tcp://db.internal/clinicfaq")).isEmpty();
        assertThat(DataFolders.h2File("jdbc:postgresql://localhost:5432/clinicfaq"))
                .isEmpty();
    }

    private static MockEnvironment environment(Path database, Path outbox) {
        return new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:h2:file:" + database + ";MODE=PostgreSQL")
                .withProperty("clinicfaq.outbox.path", outbox.toString());
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
