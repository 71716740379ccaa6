package com.clinicfaq.staff;

import com.clinicfaq.TestPostgres;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every console test again, on a real PostgreSQL, as in production. The context is closed after the class,
 * while the database is still up (it is stopped when the test JVM exits).
 */
@DirtiesContext
class StaffConsolePostgresIntegrationTests extends StaffConsoleIntegrationTests {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestPostgres.useNewDatabase(registry);
    }
}
