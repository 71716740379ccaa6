package com.clinicfaq.staff;

import com.clinicfaq.TestPostgres;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every staff-account test again, on a real PostgreSQL, as in production: the migration that adds
 * {@code must_change_password}, and the row locks that keep an active administrator. The context is closed after the
 * class, while the database is still up (it is stopped when the test JVM exits).
 */
@DirtiesContext
class StaffAccountsPostgresIntegrationTests extends StaffAccountsIntegrationTests {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestPostgres.useNewDatabase(registry);
    }
}
