package com.clinicfaq.staff;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The first administrator, created on first start when no staff account exists. There is no
 * default password: without one, no account is created and the console cannot be entered.
 *
 * @param metrics the account Prometheus scrapes {@code /actuator/prometheus} with, created on start
 *     when it does not exist; none without a password
 */
@ConfigurationProperties("clinicfaq.staff")
public record StaffProperties(@DefaultValue Admin admin, @DefaultValue Metrics metrics) {

    public record Admin(@DefaultValue("admin") String username, String password) {}

    public record Metrics(@DefaultValue("metrics") String username, String password) {}
}
