package com.clinicfaq.widget;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The app on a random port with the shipped knowledge base, as the widget's browser tests use it (one Spring context
 * for all of them).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            // every test's browser talks from 127.0.0.1: keep the per-address limits out of the way
            "clinicfaq.chat.rate-limit.address-burst=1000",
            "clinicfaq.chat.rate-limit.connections-per-address=200",
            "clinicfaq.staff.admin.username=ada",
            "clinicfaq.staff.admin.password=correct horse battery"
        })
@interface WidgetSite {}
