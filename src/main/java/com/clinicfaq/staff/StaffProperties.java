package com.clinicfaq.staff;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The first administrator, created on first start when no staff account exists. There is no
 * default password: without one, no account is created and the console cannot be entered.
 */
@ConfigurationProperties("clinicfaq.staff")
public record StaffProperties(@DefaultValue Admin admin) {

    public record Admin(@DefaultValue("admin") String username, String password) {}
}
