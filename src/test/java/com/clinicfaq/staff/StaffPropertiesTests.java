package com.clinicfaq.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A staff password comes from configuration (e.g. the environment) or from the first line of a file. */
class StaffPropertiesTests {

    @TempDir
    Path root;

    @Test
    void readsThePasswordFromTheFirstLineOfItsFile() throws Exception {
        Path file = Files.writeString(root.resolve("password"), "correct horse battery\r\nignored\n");

        assertThat(new StaffProperties.Admin("ada", null, file).secret()).isEqualTo("correct horse battery");
        assertThat(new StaffProperties.Metrics("metrics", "from the environment", null).secret())
                .isEqualTo("from the environment");
        assertThat(new StaffProperties.Admin("ada", " ", null).secret()).isNull();
    }

    @Test
    void refusesTwoPasswordsOrAFileThatCannotBeReadWithoutShowingAPassword() throws Exception {
        Path file = Files.writeString(root.resolve("password"), "correct horse battery\n");

        assertThatThrownBy(() -> new StaffProperties.Admin("ada", "another", file).secret())
                .hasMessage("Set clinicfaq.staff.admin.password or clinicfaq.staff.admin.password-file, not both");
        assertThatThrownBy(() -> new StaffProperties.Metrics("metrics", null, root.resolve("missing")).secret())
                .hasMessageContaining("clinicfaq.staff.metrics.password-file")
                .hasMessageNotContaining("correct horse");
    }
}
