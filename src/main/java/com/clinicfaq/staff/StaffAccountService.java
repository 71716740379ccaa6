package com.clinicfaq.staff;

import com.clinicfaq.audit.AuditLog;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff accounts as administrators manage them in the console (issue #17): created with a role, deactivated and
 * reactivated, their password reset, their role changed, through Spring Security's {@link JdbcUserDetailsManager};
 * and a staff member's own password change. An account created or reset here gets a one-time password, which is
 * returned once to show to the administrator, stored only as its hash, and never logged; it must choose a password of
 * its own at its next login ({@code users.must_change_password}, which {@link AccountStandingFilter} enforces). An
 * administrator cannot deactivate, reset or change the role of their own account, and the last active administrator
 * stays one. Every change is written to the audit log, naming the account, never a password.
 */
@Service
class StaffAccountService {

    /** The roles an administrator gives, each with the roles it grants: an administrator's are all three, as the first's. */
    enum Role {
        REVIEWER("Reviewer", "handoff requests", StaffSecurityConfiguration.REVIEWER),
        EDITOR("Editor", "the knowledge base and analytics", StaffSecurityConfiguration.EDITOR),
        ADMIN(
                "Administrator",
                "everything, and staff accounts",
                StaffSecurityConfiguration.ADMIN,
                StaffSecurityConfiguration.REVIEWER,
                StaffSecurityConfiguration.EDITOR);

        private final String label;
        private final String opens;
        private final String[] roles;

        Role(String label, String opens, String... roles) {
            this.label = label;
            this.opens = opens;
            this.roles = roles;
        }

        public String label() {
            return label;
        }

        /** What the role opens in the console, for the form. */
        public String opens() {
            return opens;
        }

        /** The role an account with these roles ("ADMIN", ...) has in the console's terms, or null for none of them. */
        static Role of(Set<String> roles) {
            return roles.contains(StaffSecurityConfiguration.ADMIN)
                    ? ADMIN
                    : roles.contains(StaffSecurityConfiguration.EDITOR)
                            ? EDITOR
                            : roles.contains(StaffSecurityConfiguration.REVIEWER) ? REVIEWER : null;
        }
    }

    /** An account as the accounts page lists it; roles without the "ROLE_" prefix. */
    record Account(String username, Set<String> roles, boolean active, boolean mustChangePassword) {

        /** Its role in the console's terms; null for an account with none of the console's roles (the metrics account). */
        public Role role() {
            return Role.of(roles);
        }

        /** Its roles in words: "Administrator, Editor, Reviewer", "Metrics". */
        public String roleNames() {
            return roles.stream().map(Account::roleName).sorted().collect(Collectors.joining(", "));
        }

        private static String roleName(String role) {
            return Arrays.stream(Role.values())
                    .filter(r -> r.name().equals(role))
                    .map(Role::label)
                    .findFirst()
                    .orElse(role.charAt(0) + role.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** What every console request checks of its account: whether it may still log in, must choose a password, and its roles. */
    record Standing(boolean active, boolean mustChangePassword, Set<String> authorities) {}

    /** A one-time password, issued to the account: to be shown once, then forgotten. */
    record Issued(String username, String password) {
        @Override
        public String toString() {
            return "Issued[username=" + username + "]";
        }
    }

    /** A change that is not made, with the reason in words for the page. */
    static final class Refused extends RuntimeException {
        Refused(String reason) {
            super(reason);
        }
    }

    static final int PASSWORD_MIN = 12;
    static final int PASSWORD_MAX = 64;
    static final int USERNAME_MAX = 50;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    /** Lower-case letters and digits that cannot be taken for one another when read out (no i, l, o, 0, 1). */
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    private static final String ROLE_ADMIN = "ROLE_" + StaffSecurityConfiguration.ADMIN;

    private final JdbcUserDetailsManager accounts;
    private final PasswordEncoder encoder;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final SecureRandom random = new SecureRandom();

    StaffAccountService(JdbcUserDetailsManager accounts, PasswordEncoder encoder, JdbcClient jdbc, AuditLog audit) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Every account, by username. */
    List<Account> list() {
        Map<String, Account> byName = new LinkedHashMap<>();
        jdbc.sql("""
                select u.username, u.enabled, u.must_change_password, a.authority
                from users u left join authorities a on a.username = u.username
                order by u.username""").query(rs -> {
            String name = rs.getString("username");
            boolean active = rs.getBoolean("enabled");
            boolean mustChange = rs.getBoolean("must_change_password");
            Account account = byName.computeIfAbsent(name, n -> new Account(n, new TreeSet<>(), active, mustChange));
            String authority = rs.getString("authority");
            if (authority != null) {
                account.roles().add(authority.replaceFirst("^ROLE_", ""));
            }
        });
        return new ArrayList<>(byName.values());
    }

    /** The account's standing, read on every console request; empty when there is no such account any more. */
    Optional<Standing> standing(String username) {
        List<Object[]> rows = jdbc.sql("""
                select u.enabled, u.must_change_password, a.authority
                from users u left join authorities a on a.username = u.username
                where u.username = ?""")
                .param(username)
                .query((rs, n) -> new Object[] {rs.getBoolean(1), rs.getBoolean(2), rs.getString(3)})
                .list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Set<String> authorities = rows.stream()
                .map(row -> (String) row[2])
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.toCollection(TreeSet::new));
        return Optional.of(new Standing((Boolean) rows.getFirst()[0], (Boolean) rows.getFirst()[1], authorities));
    }

    /** Creates the account with a one-time password, which is returned to be shown once. */
    @Transactional
    Issued create(String admin, String requested, Role role) {
        String username = requested == null ? "" : requested.strip().toLowerCase(java.util.Locale.ROOT);
        if (username.isEmpty()) {
            throw new Refused("Give the account a username.");
        }
        if (username.length() > USERNAME_MAX || !USERNAME.matcher(username).matches()) {
            throw new Refused(
                    "A username has at most " + USERNAME_MAX + " characters: lower-case letters, digits, dots,"
                            + " hyphens and underscores, starting with a letter or a digit.");
        }
        if (role == null) {
            throw new Refused("Choose the account's role.");
        }
        if (accounts.userExists(username)) {
            throw new Refused("There is already an account named " + username + ".");
        }
        String password = oneTimePassword();
        try {
            accounts.createUser(User.withUsername(username)
                    .password(encoder.encode(password))
                    .roles(role.roles)
                    .build());
        } catch (DuplicateKeyException e) {
            throw new Refused("There is already an account named " + username + ".");
        }
        mustChangePassword(username, true);
        audit.record(admin, "ACCOUNT_CREATED", username + " (" + role.label() + ")");
        return new Issued(username, password);
    }

    /** Deactivates the account: it cannot log in, and its sessions end at their next request. */
    @Transactional
    void deactivate(String admin, String username) {
        refuseOwn(admin, username, "You cannot deactivate your own account.");
        keepAnActiveAdministrator(username, "deactivated");
        UserDetails account = existing(username);
        if (account.isEnabled()) {
            accounts.updateUser(User.withUserDetails(account).disabled(true).build());
            audit.record(admin, "ACCOUNT_DEACTIVATED", username);
        }
    }

    @Transactional
    void reactivate(String admin, String username) {
        UserDetails account = existing(username);
        if (!account.isEnabled()) {
            accounts.updateUser(User.withUserDetails(account).disabled(false).build());
            audit.record(admin, "ACCOUNT_REACTIVATED", username);
        }
    }

    /** A new one-time password for the account, returned to be shown once; it must choose its own at its next login. */
    @Transactional
    Issued reset(String admin, String username) {
        refuseOwn(admin, username, "You cannot reset your own password here: change it on the password page.");
        UserDetails account = consoleAccount(username);
        String password = oneTimePassword();
        accounts.updateUser(
                User.withUserDetails(account).password(encoder.encode(password)).build());
        mustChangePassword(username, true);
        audit.record(admin, "ACCOUNT_PASSWORD_RESET", username);
        return new Issued(username, password);
    }

    /** Gives the account another of the console's roles; it applies from the account's next request. */
    @Transactional
    void changeRole(String admin, String username, Role role) {
        refuseOwn(admin, username, "You cannot change your own role.");
        if (role == null) {
            throw new Refused("Choose the account's role.");
        }
        if (role != Role.ADMIN) {
            keepAnActiveAdministrator(username, "made " + role.label().toLowerCase(java.util.Locale.ROOT));
        }
        UserDetails account = consoleAccount(username);
        Set<String> was = roles(account);
        if (!was.equals(Set.of(role.roles))) {
            accounts.updateUser(User.withUserDetails(account).roles(role.roles).build());
            audit.record(
                    admin,
                    "ACCOUNT_ROLE_CHANGED",
                    username + ": " + role.label() + ", was " + Role.of(was).label());
        }
    }

    /**
     * The logged-in staff member's new password, in place of their current one (a one-time password or their own);
     * clears {@code must_change_password}.
     */
    @Transactional
    void changeOwnPassword(String username, String current, String chosen, String repeated) {
        UserDetails account = existing(username);
        if (current == null || !encoder.matches(current, account.getPassword())) {
            throw new Refused("The current password is not right.");
        }
        String problem = passwordProblem(chosen, repeated);
        if (problem != null) {
            throw new Refused(problem);
        }
        if (encoder.matches(chosen, account.getPassword())) {
            throw new Refused("The new password must not be the current one: choose another.");
        }
        boolean oneTime = standing(username).map(Standing::mustChangePassword).orElse(false);
        accounts.updateUser(
                User.withUserDetails(account).password(encoder.encode(chosen)).build());
        mustChangePassword(username, false);
        audit.record(username, "PASSWORD_CHANGED", oneTime ? "in place of a one-time password" : "own password");
    }

    /** What is wrong with a new password, or null: its length, and that it was typed the same twice. */
    static String passwordProblem(String chosen, String repeated) {
        if (chosen == null || chosen.length() < PASSWORD_MIN) {
            return "The new password must have at least " + PASSWORD_MIN + " characters.";
        }
        // BCrypt reads at most 72 bytes
        if (chosen.length() > PASSWORD_MAX || chosen.getBytes(StandardCharsets.UTF_8).length > 72) {
            return "The new password is too long: at most " + PASSWORD_MAX + " characters.";
        }
        if (!chosen.equals(repeated)) {
            return "The two new passwords are not the same.";
        }
        return null;
    }

    /** 20 letters and digits in groups of five ("k7m2q-..."), about 99 bits of chance. */
    String oneTimePassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            if (i > 0 && i % 5 == 0) {
                password.append('-');
            }
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    private void mustChangePassword(String username, boolean must) {
        jdbc.sql("update users set must_change_password = ? where username = ?")
                .params(must, username)
                .update();
    }

    private static void refuseOwn(String admin, String username, String reason) {
        if (admin.equals(username)) {
            throw new Refused(reason);
        }
    }

    /**
     * Refuses to take the last active administrator away. The active administrators' rows stay locked until the
     * change commits, so that two administrators deactivating each other at once cannot leave none.
     */
    private void keepAnActiveAdministrator(String username, String change) {
        List<String> active =
                jdbc.sql("""
                select username from users
                where enabled = true and username in (select username from authorities where authority = ?)
                for update""").param(ROLE_ADMIN).query(String.class).list();
        if (active.size() == 1 && active.contains(username)) {
            throw new Refused(username + " is the last active administrator and cannot be " + change + ".");
        }
    }

    private UserDetails existing(String username) {
        try {
            return accounts.loadUserByUsername(username);
        } catch (UsernameNotFoundException e) {
            throw new NoSuchAccount();
        }
    }

    /** An account with one of the console's roles: the metrics account is not reset or given a role here. */
    private UserDetails consoleAccount(String username) {
        UserDetails account = existing(username);
        if (Role.of(roles(account)) == null) {
            throw new Refused(username + " is not a console account: it is managed in the configuration.");
        }
        return account;
    }

    private static Set<String> roles(UserDetails account) {
        return account.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .map(a -> a.replaceFirst("^ROLE_", ""))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** There is no such account (or none with a role): the page answers 404. */
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
    static final class NoSuchAccount extends RuntimeException {
        NoSuchAccount() {
            super(null, null, false, false);
        }
    }
}
