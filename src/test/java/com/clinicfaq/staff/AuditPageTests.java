package com.clinicfaq.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.clinicfaq.ApplicationTest;
import com.clinicfaq.audit.AuditLog;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureJdbc;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureDataSourceInitialization;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The audit log's page in a web slice: its controller and template behind the console's own security rules
 * ({@link StaffSecurityConfiguration}), on the accounts and audit tables in H2, without the chat, the knowledge base or
 * its search index. For administrators only: an editor is refused, someone not logged in is sent to log in.
 */
@WebMvcTest(AuditController.class)
@AutoConfigureJdbc
@AutoConfigureDataSourceInitialization
@Import({StaffSecurityConfiguration.class, StaffAccountService.class, AuditLog.class, AuditPageTests.Slice.class})
@TestPropertySource(
        properties = {
            "clinicfaq.staff.admin.username=" + ApplicationTest.ADMIN,
            "clinicfaq.staff.admin.password=" + ApplicationTest.ADMIN_PASSWORD
        })
class AuditPageTests {

    static final String PAGE = "/staff/admin/audit";
    static final String EDITOR = "edith";

    @TestConfiguration(proxyBeanMethods = false)
    @EnableConfigurationProperties(StaffProperties.class)
    static class Slice {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    /** The navigation's count of messages waiting for clinical review: none here. */
    @MockitoBean
    SafetyReviewList safetyReview;

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditLog audit;

    @BeforeEach
    void accounts(@Autowired JdbcUserDetailsManager accounts, @Autowired PasswordEncoder encoder) {
        // the first administrator comes from configuration; the console checks every request against the account
        if (!accounts.userExists(ApplicationTest.ADMIN)) {
            accounts.createUser(User.withUsername(ApplicationTest.ADMIN)
                    .password(encoder.encode(ApplicationTest.ADMIN_PASSWORD))
                    .roles("ADMIN", "REVIEWER", "EDITOR")
                    .build());
        }
        if (!accounts.userExists(EDITOR)) {
            accounts.createUser(User.withUsername(EDITOR)
                    .password(encoder.encode("an editor's own password"))
                    .roles("EDITOR")
                    .build());
        }
    }

    @Test
    void showsAnAdministratorTheEventsWithALinkToEachHandoffRequest() throws Exception {
        UUID handoff = UUID.randomUUID();
        audit.record("ada", "ACCOUNT_CREATED", "rory (Reviewer)");
        audit.record("rory", "STATUS_CHANGED", handoff, "IN_PROGRESS");

        String page = mvc.perform(get(PAGE).with(user(ApplicationTest.ADMIN).roles("ADMIN", "REVIEWER", "EDITOR")))
                .andExpect(status().isOk())
                .andExpect(
                        header().string("Content-Security-Policy", StaffSecurityConfiguration.CONTENT_SECURITY_POLICY))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page)
                .contains(
                        "<h1>Audit log</h1>",
                        "ACCOUNT_CREATED",
                        "rory (Reviewer)",
                        "STATUS_CHANGED",
                        "href=\"/staff/handoffs/" + handoff + "\"");
    }

    @Test
    void refusesAnEditor() throws Exception {
        mvc.perform(get(PAGE).with(user(EDITOR).roles("EDITOR"))).andExpect(status().isForbidden());
    }

    @Test
    void sendsSomeoneNotLoggedInToTheLoginPage() throws Exception {
        mvc.perform(get(PAGE)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
    }
}
