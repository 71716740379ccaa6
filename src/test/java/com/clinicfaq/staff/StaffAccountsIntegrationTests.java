package com.clinicfaq.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clinicfaq.ApplicationTest;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Staff accounts as an administrator manages them in the console, over real HTTP (issue #17): an account created or
 * reset gets a one-time password shown once, must choose its own before any other console page opens, and can then
 * use the console; a deactivated account cannot log in and its open session ends at its next request; only
 * administrators open the accounts page; no administrator deactivates or demotes themself, nor the last active one;
 * and every change is in the audit log, without a password. Accounts are named afresh in each test, since the
 * application (and its database) is shared with the other console tests.
 */
@ApplicationTest
@ExtendWith(OutputCaptureExtension.class)
class StaffAccountsIntegrationTests {

    static final String ADMIN = "ada";
    static final String ADMIN_PASSWORD = "correct horse battery";
    static final String ACCOUNTS = "/staff/admin/accounts";
    static final String OWN_PASSWORD = "a password of my very own";
    private static final Pattern ONE_TIME_PASSWORD = Pattern.compile("id=\"one-time-password\">([^<]+)<");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StaffAccountService accounts;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void anAdministratorCreatesAnEditorWhoChoosesAPasswordBeforeTheKnowledgeBaseOpens(CapturedOutput output)
            throws Exception {
        HttpClient admin = loggedIn(ADMIN, ADMIN_PASSWORD);
        String editor = unique("editor");

        HttpResponse<String> created = create(admin, editor, "EDITOR");

        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.body()).contains("Account " + editor + " created", "shown only now");
        String oneTime = oneTimePassword(created.body());
        assertThat(oneTime).as("20 letters and digits in groups of five").matches("[a-z2-9]{5}(-[a-z2-9]{5}){3}");
        assertThat(jdbc.sql("select password from users where username = ?")
                        .param(editor)
                        .query(String.class)
                        .single())
                .as("stored as a hash")
                .startsWith("{bcrypt}")
                .doesNotContain(oneTime);
        assertThat(admin.send(get(ACCOUNTS), HttpResponse.BodyHandlers.ofString())
                        .body())
                .as("the list, which never shows it again")
                .contains(editor, "Active, must choose a password at next login")
                .doesNotContain(oneTime);

        HttpClient staff = StaffHttp.client();
        assertThat(http().logIn(staff, editor, oneTime)).endsWith("/staff");
        assertThat(redirect(staff, "/staff")).endsWith("/staff/password");
        assertThat(redirect(staff, "/staff/knowledge"))
                .as("the knowledge base waits")
                .endsWith("/staff/password");
        String page = staff.send(get("/staff/password"), HttpResponse.BodyHandlers.ofString())
                .body();
        assertThat(page).contains("Choose your password", "One-time password").doesNotContain("Knowledge base");

        assertThat(choose(staff, oneTime, "too short"))
                .as("under 12 characters")
                .satisfies(r -> assertThat(r.statusCode()).isEqualTo(400))
                .satisfies(r -> assertThat(r.body()).contains("at least 12 characters"));
        assertThat(choose(staff, oneTime, oneTime).body())
                .as("the one-time password again")
                .contains("must not be the current one");
        assertThat(choose(staff, "not the one-time password", OWN_PASSWORD).body())
                .contains("current password is not right");
        assertThat(redirect(staff, "/staff/knowledge")).as("still waits").endsWith("/staff/password");

        HttpResponse<String> chosen = choose(staff, oneTime, OWN_PASSWORD);

        assertThat(chosen.statusCode()).isEqualTo(302);
        assertThat(chosen.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/staff"));
        assertThat(redirect(staff, "/staff")).endsWith("/staff/knowledge");
        assertThat(staff.send(get("/staff/knowledge"), HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(200);
        assertThat(http().logIn(StaffHttp.client(), editor, oneTime))
                .as("the one-time password, used")
                .endsWith("/login?error");
        assertThat(http().logIn(StaffHttp.client(), editor, OWN_PASSWORD)).endsWith("/staff");

        String audit = admin.send(get("/staff/admin/audit"), HttpResponse.BodyHandlers.ofString())
                .body();
        assertThat(audit)
                .contains(
                        "ACCOUNT_CREATED", editor + " (Editor)", "PASSWORD_CHANGED", "in place of a one-time password");
        assertThat(auditFor(editor))
                .containsExactly(
                        ADMIN + " ACCOUNT_CREATED " + editor + " (Editor)",
                        editor + " PASSWORD_CHANGED in place of a one-time password");
        assertNeverWritten(output, oneTime, OWN_PASSWORD);
    }

    @Test
    void aReviewerCannotOpenTheAccountsPageNorCreateAnAccount() throws Exception {
        String reviewer = account("REVIEWER");
        HttpClient staff = loggedIn(reviewer, OWN_PASSWORD);
        String csrf = StaffHttp.csrf(staff.send(get("/staff/handoffs"), HttpResponse.BodyHandlers.ofString())
                .body());

        assertThat(staff.send(get(ACCOUNTS), HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(403);
        assertThat(staff.send(
                                post(ACCOUNTS, "username=mallory&role=ADMIN&_csrf=" + csrf),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(403);
        assertThat(staff.send(
                                post(ACCOUNTS + "/reset", "username=" + ADMIN + "&_csrf=" + csrf),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from users where username = 'mallory'")
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(staff.send(get("/staff/handoffs"), HttpResponse.BodyHandlers.ofString())
                        .body())
                .as("no link to it either")
                .doesNotContain("Staff accounts")
                .contains("Change password");
        assertThat(redirect(staff, "/.well-known/change-password"))
                .as("where password managers look")
                .endsWith("/staff/password");
    }

    @Test
    void refusesACreateWithoutTheCsrfToken() throws Exception {
        HttpClient admin = loggedIn(ADMIN, ADMIN_PASSWORD);

        HttpResponse<String> response =
                admin.send(post(ACCOUNTS, "username=no-token&role=EDITOR"), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from users where username = 'no-token'")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void aDeactivatedAccountCannotLogInAndItsOpenSessionEndsAtItsNextRequest() throws Exception {
        String reviewer = account("REVIEWER");
        HttpClient session = loggedIn(reviewer, OWN_PASSWORD);
        assertThat(session.send(get("/staff/handoffs"), HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(200);
        HttpClient admin = loggedIn(ADMIN, ADMIN_PASSWORD);

        String page = act(admin, "deactivate", reviewer);

        assertThat(page).contains(reviewer + " is deactivated");
        assertThat(row(page, reviewer)).contains("Deactivated", "Reactivate");
        int sessions = sessionsOf(reviewer);
        assertThat(redirect(session, "/staff/handoffs"))
                .as("the open session's next request")
                .endsWith("/login?error=inactive");
        assertThat(sessionsOf(reviewer))
                .as("that session, gone from the shared store")
                .isEqualTo(sessions - 1);
        assertThat(redirect(session, "/staff/handoffs")).endsWith("/login");
        assertThat(StaffHttp.client()
                        .send(get("/login?error=inactive"), HttpResponse.BodyHandlers.ofString())
                        .body())
                .contains("this account has been deactivated");
        assertThat(http().logIn(StaffHttp.client(), reviewer, OWN_PASSWORD))
                .as("a new login")
                .endsWith("/login?error");

        assertThat(act(admin, "reactivate", reviewer)).contains(reviewer + " can log in again");

        assertThat(http().logIn(StaffHttp.client(), reviewer, OWN_PASSWORD)).endsWith("/staff");
        assertThat(auditFor(reviewer))
                .contains(ADMIN + " ACCOUNT_DEACTIVATED " + reviewer, ADMIN + " ACCOUNT_REACTIVATED " + reviewer);
    }

    @Test
    void aResetIssuesANewOneTimePasswordAndTheAccountMustChooseItsOwnAgain(CapturedOutput output) throws Exception {
        String editor = account("EDITOR");
        HttpClient admin = loggedIn(ADMIN, ADMIN_PASSWORD);

        HttpResponse<String> reset = admin.send(
                post(ACCOUNTS + "/reset", "username=" + editor + "&_csrf=" + csrf(admin)),
                HttpResponse.BodyHandlers.ofString());

        assertThat(reset.statusCode()).isEqualTo(200);
        assertThat(reset.body()).contains("New one-time password for " + editor);
        String oneTime = oneTimePassword(reset.body());
        assertThat(http().logIn(StaffHttp.client(), editor, OWN_PASSWORD))
                .as("the old password")
                .endsWith("/login?error");
        HttpClient staff = StaffHttp.client();
        assertThat(http().logIn(staff, editor, oneTime)).endsWith("/staff");
        assertThat(redirect(staff, "/staff/knowledge")).endsWith("/staff/password");

        assertThat(choose(staff, oneTime, "another password of mine").statusCode())
                .isEqualTo(302);

        assertThat(staff.send(get("/staff/knowledge"), HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(200);
        assertThat(auditFor(editor))
                .endsWith(
                        ADMIN + " ACCOUNT_PASSWORD_RESET " + editor,
                        editor + " PASSWORD_CHANGED in place of a one-time password");
        assertNeverWritten(output, oneTime, "another password of mine");
    }

    @Test
    void aChangedRoleAppliesToAnOpenSessionFromItsNextRequest() throws Exception {
        String reviewer = account("REVIEWER");
        HttpClient session = loggedIn(reviewer, OWN_PASSWORD);
        assertThat(session.send(get("/staff/knowledge"), HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(403);

        assertThat(act(loggedIn(ADMIN, ADMIN_PASSWORD), "role", reviewer, "role=EDITOR"))
                .contains(reviewer + " is now editor");

        assertThat(session.send(get("/staff/knowledge"), HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(200);
        assertThat(session.send(get("/staff/handoffs"), HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(403);
        assertThat(auditFor(reviewer)).contains(ADMIN + " ACCOUNT_ROLE_CHANGED " + reviewer + ": Editor, was Reviewer");
    }

    @Test
    void anAdministratorCannotDeactivateDemoteOrResetThemself() throws Exception {
        HttpClient admin = loggedIn(ADMIN, ADMIN_PASSWORD);

        assertThat(act(admin, "deactivate", ADMIN)).contains("You cannot deactivate your own account.");
        assertThat(act(admin, "role", ADMIN, "role=REVIEWER")).contains("You cannot change your own role.");
        assertThat(act(admin, "reset", ADMIN)).contains("You cannot reset your own password here");

        assertThat(jdbc.sql("select enabled from users where username = ?")
                        .param(ADMIN)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(jdbc.sql("select authority from authorities where username = ?")
                        .param(ADMIN)
                        .query(String.class)
                        .list())
                .contains("ROLE_ADMIN");
        assertThat(row(
                        admin.send(get(ACCOUNTS), HttpResponse.BodyHandlers.ofString())
                                .body(),
                        ADMIN))
                .as("no such buttons on their own row")
                .doesNotContain("Deactivate", "Reset password", "Change role");
    }

    /** Only reachable by two administrators acting at once; here, the others deactivated in a transaction rolled back. */
    @Test
    void theLastActiveAdministratorIsNeitherDeactivatedNorDemoted() {
        transaction.executeWithoutResult(status -> {
            status.setRollbackOnly();
            jdbc.sql("""
                    update users set enabled = false where username <> ?
                      and username in (select username from authorities where authority = 'ROLE_ADMIN')""").param(ADMIN).update();

            assertThatThrownBy(() -> accounts.deactivate("someone else", ADMIN))
                    .isInstanceOf(StaffAccountService.Refused.class)
                    .hasMessage("ada is the last active administrator and cannot be deactivated.");
            assertThatThrownBy(() -> accounts.changeRole("someone else", ADMIN, StaffAccountService.Role.EDITOR))
                    .isInstanceOf(StaffAccountService.Refused.class)
                    .hasMessageContaining("last active administrator");
        });
        assertThat(jdbc.sql("select enabled from users where username = ?")
                        .param(ADMIN)
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void anotherAdministratorMayBeDeactivatedWhileOneStaysActive() throws Exception {
        String other = account("ADMIN");
        HttpClient admin = loggedIn(ADMIN, ADMIN_PASSWORD);

        assertThat(act(admin, "deactivate", other)).contains(other + " is deactivated");

        assertThat(jdbc.sql("select enabled from users where username = ?")
                        .param(other)
                        .query(Boolean.class)
                        .single())
                .isFalse();
    }

    @Test
    void refusesAUsernameThatIsTakenOrMalformedAndKeepsWhatWasTyped() throws Exception {
        HttpClient admin = loggedIn(ADMIN, ADMIN_PASSWORD);

        HttpResponse<String> taken = create(admin, ADMIN, "REVIEWER");
        HttpResponse<String> malformed = create(admin, "Bad Name!", "REVIEWER");

        assertThat(taken.statusCode()).isEqualTo(400);
        assertThat(taken.body())
                .contains("There is already an account named ada.")
                .doesNotContain("one-time-password");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("lower-case letters", "value=\"Bad Name!\"");
    }

    // ---- helpers ----

    /** A new account with the role, which has chosen {@link #OWN_PASSWORD} in place of its one-time password. */
    String account(String role) throws Exception {
        String username = unique(role.toLowerCase(java.util.Locale.ROOT));
        String oneTime = oneTimePassword(
                create(loggedIn(ADMIN, ADMIN_PASSWORD), username, role).body());
        HttpClient staff = StaffHttp.client();
        assertThat(http().logIn(staff, username, oneTime)).endsWith("/staff");
        assertThat(choose(staff, oneTime, OWN_PASSWORD).statusCode()).isEqualTo(302);
        return username;
    }

    HttpResponse<String> create(HttpClient admin, String username, String role) throws Exception {
        return admin.send(
                post(ACCOUNTS, "username=" + StaffHttp.encode(username) + "&role=" + role + "&_csrf=" + csrf(admin)),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Submits an action of the accounts page for the account; returns the accounts page it leads back to. */
    String act(HttpClient admin, String action, String username, String... more) throws Exception {
        String form = "username=" + StaffHttp.encode(username) + "&_csrf=" + csrf(admin)
                + (more.length > 0 ? "&" + String.join("&", more) : "");
        HttpResponse<String> response =
                admin.send(post(ACCOUNTS + "/" + action, form), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(302);
        return admin.send(get(ACCOUNTS), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Submits the password page: the current password, and the new one twice. */
    HttpResponse<String> choose(HttpClient staff, String current, String chosen) throws Exception {
        String csrf = StaffHttp.csrf(staff.send(get("/staff/password"), HttpResponse.BodyHandlers.ofString())
                .body());
        return staff.send(
                post(
                        "/staff/password",
                        "current=" + StaffHttp.encode(current) + "&chosen=" + StaffHttp.encode(chosen) + "&repeated="
                                + StaffHttp.encode(chosen) + "&_csrf=" + csrf),
                HttpResponse.BodyHandlers.ofString());
    }

    String csrf(HttpClient admin) throws Exception {
        return StaffHttp.csrf(
                admin.send(get(ACCOUNTS), HttpResponse.BodyHandlers.ofString()).body());
    }

    /** Where a GET of the path redirects to ("" when it does not). */
    String redirect(HttpClient client, String path) throws Exception {
        HttpResponse<String> response = client.send(get(path), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(302);
        return response.headers().firstValue("Location").orElse("");
    }

    static String oneTimePassword(String page) {
        Matcher matcher = ONE_TIME_PASSWORD.matcher(page);
        assertThat(matcher.find()).as("a one-time password on the page").isTrue();
        return matcher.group(1);
    }

    /** The accounts page's row of the account, as HTML. */
    static String row(String page, String username) {
        int start = page.indexOf("data-username=\"" + username + "\"");
        assertThat(start).as("a row for " + username).isNotNegative();
        return page.substring(start, page.indexOf("</tr>", start));
    }

    /** The audit events that name the account, oldest first: "who ACTION detail". */
    List<String> auditFor(String username) {
        return jdbc.sql(
                        "select username || ' ' || action || ' ' || detail from audit_event"
                                + " where (detail = ? or detail like ?) or (username = ? and action = 'PASSWORD_CHANGED') order by at")
                .params(username, username + "%", username)
                .query(String.class)
                .list();
    }

    /** The account's sessions in the store every instance shares. */
    int sessionsOf(String username) {
        return jdbc.sql("select count(*) from spring_session where principal_name = ?")
                .param(username)
                .query(Integer.class)
                .single();
    }

    /** Neither in the audit log nor in the application's output. */
    void assertNeverWritten(CapturedOutput output, String... passwords) {
        List<String> details = jdbc.sql("select coalesce(detail, '') from audit_event")
                .query(String.class)
                .list();
        for (String password : passwords) {
            assertThat(details).noneMatch(d -> d.contains(password));
            assertThat(output.getAll()).doesNotContain(password);
        }
    }

    static String unique(String prefix) {
        return prefix + "-" + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36);
    }

    HttpClient loggedIn(String username, String password) throws Exception {
        return http().loggedIn(username, password);
    }

    StaffHttp http() {
        return new StaffHttp(port);
    }

    HttpRequest get(String path) {
        return http().get(path);
    }

    HttpRequest post(String path, String form) {
        return http().post(path, form);
    }
}
