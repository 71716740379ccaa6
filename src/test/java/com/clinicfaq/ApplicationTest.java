package com.clinicfaq;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole application on a random port, with the shipped knowledge base and the console's first administrator
 * ({@value #ADMIN}): what most integration tests need. Every test class so annotated shares one application context
 * (Spring's test context cache keeps it from class to class), so a class puts back what it changes that others read
 * (the knowledge base, accounts), and gives its own properties only where it is about them: each different set of
 * properties is an application of its own, started again.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "clinicfaq.staff.admin.username=" + ApplicationTest.ADMIN,
            "clinicfaq.staff.admin.password=" + ApplicationTest.ADMIN_PASSWORD
        })
public @interface ApplicationTest {

    String ADMIN = "ada";
    String ADMIN_PASSWORD = "correct horse battery";

    /**
     * The same application with the chat's rate limits out of the way, for tests that open many connections and send
     * many messages from 127.0.0.1 (browsers, protocol checks, evaluation sets) and are not about the limits; these
     * share one context too. The limits themselves are tested with their defaults or with limits small enough to reach.
     */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Inherited
    @ApplicationTest
    @TestPropertySource(
            properties = {
                "clinicfaq.chat.rate-limit.connection-burst=100000",
                        "clinicfaq.chat.rate-limit.connection-interval=1ms",
                "clinicfaq.chat.rate-limit.address-burst=100000", "clinicfaq.chat.rate-limit.address-interval=1ms",
                "clinicfaq.chat.rate-limit.frame-burst=100000", "clinicfaq.chat.rate-limit.frame-interval=1ms",
                "clinicfaq.chat.rate-limit.connections-per-address=1000",
                        "clinicfaq.chat.rate-limit.new-connection-burst=1000"
            })
    @interface Unthrottled {}
}
