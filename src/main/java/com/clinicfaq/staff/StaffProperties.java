package com.clinicfaq.staff;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The first administrator, created on first start when no staff account exists. There is no
 * default password: without one, no account is created and the console cannot be entered. A password
 * is given as {@code password} (e.g. from the environment, CLINICFAQ_STAFF_ADMIN_PASSWORD) or as
 * {@code password-file}, whose first line is read when the account is created, so that it need not be
 * on a command line, where {@code ps} shows it to every user of the machine.
 *
 * @param metrics the account Prometheus scrapes {@code /actuator/prometheus} with, created on start
 *     when it does not exist; none without a password
 * @param timeZone the practice's time zone, in which the console shows dates and times (an IANA name)
 * @param consoleUrl the console's address, for the links in the emails that tell staff of a handoff request
 */
@ConfigurationProperties("clinicfaq.staff")
public record StaffProperties(
        @DefaultValue Admin admin,
        @DefaultValue Metrics metrics,
        @DefaultValue("America/Los_Angeles") String timeZone,
        @DefaultValue("http://localhost:8080") String consoleUrl) {

    public record Admin(@DefaultValue("admin") String username, String password, Path passwordFile) {

        /** The password, or null when none is configured. */
        String secret() {
            return StaffProperties.secret(password, passwordFile, "clinicfaq.staff.admin");
        }
    }

    public record Metrics(@DefaultValue("metrics") String username, String password, Path passwordFile) {

        /** The password, or null when none is configured. */
        String secret() {
            return StaffProperties.secret(password, passwordFile, "clinicfaq.staff.metrics");
        }
    }

    private static String secret(String password, Path file, String prefix) {
        boolean given = password != null && !password.isBlank();
        if (file == null) {
            return given ? password : null;
        }
        if (given) {
            throw new IllegalStateException("Set " + prefix + ".password or " + prefix + ".password-file, not both");
        }
        try {
            String first = Files.readString(file).lines().findFirst().orElse("");
            return first.isBlank() ? null : first;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + prefix + ".password-file " + file + " ("
                    + e.getClass().getSimpleName() + ")");
        }
    }
}
