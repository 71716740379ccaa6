package com.clinicfaq.staff;

import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Staff pages need a login; visitors' pages, the widget and the chat stay public. Accounts live in
 * Spring Security's JDBC schema with hashed passwords; CSRF protection is on. Of the actuator, health
 * and info are public; Prometheus scrapes its metrics with HTTP Basic as a metrics or admin account.
 */
@Configuration(proxyBeanMethods = false)
class StaffSecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StaffSecurityConfiguration.class);

    static final String REVIEWER = "REVIEWER";
    static final String EDITOR = "EDITOR";
    static final String ADMIN = "ADMIN";
    /** May read /actuator/prometheus and nothing else: the account Prometheus scrapes with. */
    static final String METRICS = "METRICS";

    /**
     * The actuator, before the console's chain: stateless, HTTP Basic (what Prometheus speaks), guarded
     * by the same throttle as the login form; endpoints not named here are refused.
     */
    @Bean
    @Order(1)
    SecurityFilterChain actuatorSecurity(HttpSecurity http, LoginThrottle throttle) throws Exception {
        return http.securityMatcher("/actuator", "/actuator/**")
                .addFilterBefore(throttle, BasicAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/actuator", "/actuator/health", "/actuator/health/**", "/actuator/info")
                        .permitAll()
                        .requestMatchers("/actuator/prometheus")
                        .hasAnyRole(METRICS, ADMIN)
                        .anyRequest()
                        .denyAll())
                .httpBasic(Customizer.withDefaults())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    /**
     * Every page of this service: scripts only from here (no inline script, so markup that slipped into a page
     * could not run one), no framing by other sites, forms only to here. Styles may be inline (the widget styles
     * its own shadow root). HSTS is sent on HTTPS requests (Spring Security's default), including those a
     * TLS-terminating proxy forwards, when it is named in server.tomcat.remoteip.internal-proxies (README).
     */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                    + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; "
                    + "object-src 'none'";

    /**
     * The console: each part for its roles, administrators' pages (the audit log, staff accounts) for administrators
     * only. Every console request is checked against its account as it is now ({@link AccountStandingFilter}): a
     * deactivated account is logged out, changed roles apply, and an account with a one-time password must choose its
     * own first, at {@code /staff/password} (where {@code /.well-known/change-password} leads too).
     */
    @Bean
    SecurityFilterChain staffSecurity(HttpSecurity http, LoginThrottle throttle, StaffAccountService accounts)
            throws Exception {
        return http.addFilterBefore(throttle, UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new AccountStandingFilter(accounts), AuthorizationFilter.class)
                .authorizeHttpRequests(requests -> requests.requestMatchers("/staff/admin/**")
                        .hasRole(ADMIN)
                        .requestMatchers("/staff/handoffs/**")
                        .hasRole(REVIEWER)
                        .requestMatchers("/staff/analytics/**")
                        .hasAnyRole(EDITOR, ADMIN)
                        .requestMatchers("/staff/knowledge/**")
                        .hasRole(EDITOR)
                        .requestMatchers("/staff/**")
                        .authenticated()
                        .anyRequest()
                        .permitAll())
                .formLogin(login -> login.loginPage("/login").permitAll().defaultSuccessUrl("/staff", false))
                .passwordManagement(password -> password.changePasswordPage(AccountStandingFilter.PASSWORD_PAGE))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                // Logout as by default, to /login?logout, which the console's login page (LoginController) answers.
                .build();
    }

    /** The throttle runs inside the security chain only, not as a filter of its own on every request. */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<LoginThrottle> loginThrottleOutsideTheChain(
            LoginThrottle throttle) {
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(throttle);
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    JdbcUserDetailsManager staffAccounts(DataSource dataSource) {
        return new JdbcUserDetailsManager(dataSource);
    }

    /** The first administrator, from configuration, when there is no account yet (so before any other account). */
    @Bean
    @Order(1)
    ApplicationRunner firstAdministrator(
            JdbcUserDetailsManager accounts,
            PasswordEncoder encoder,
            StaffProperties properties,
            org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        return args -> {
            boolean anyAccount =
                    jdbc.sql("select count(*) from users").query(Integer.class).single() > 0;
            if (anyAccount) {
                return;
            }
            String password = properties.admin().secret();
            if (password == null) {
                log.warn(
                        "No staff account yet: set clinicfaq.staff.admin.password or .password-file (and .username) to create"
                                + " the first administrator");
                return;
            }
            accounts.createUser(User.withUsername(properties.admin().username())
                    .password(encoder.encode(password))
                    .roles(ADMIN, REVIEWER, EDITOR)
                    .build());
            log.info(
                    "Created the first administrator account '{}'",
                    properties.admin().username());
        };
    }

    /** The account Prometheus scrapes with, from configuration, when it does not exist yet. */
    @Bean
    @Order(2)
    ApplicationRunner metricsAccount(
            JdbcUserDetailsManager accounts, PasswordEncoder encoder, StaffProperties properties) {
        return args -> {
            StaffProperties.Metrics metrics = properties.metrics();
            String password = metrics.secret();
            if (password == null || accounts.userExists(metrics.username())) {
                return;
            }
            accounts.createUser(User.withUsername(metrics.username())
                    .password(encoder.encode(password))
                    .roles(METRICS)
                    .build());
            log.info("Created the metrics account '{}'", metrics.username());
        };
    }
}
