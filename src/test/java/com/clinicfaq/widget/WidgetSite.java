package com.clinicfaq.widget;

import com.clinicfaq.ApplicationTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The app on a random port with the shipped knowledge base, as the widget's browser tests use it: every test's browser
 * talks from 127.0.0.1, so the chat's limits are kept out of the way (the context the other unthrottled tests share).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ApplicationTest.Unthrottled
@interface WidgetSite {}
