/**
 * Analytics: how visitors' questions fared, conversations, handoff requests and emergencies, by day,
 * for the staff console's analytics page. It reads the conversation and handoff tables (read-only);
 * no other module depends on it. Public API: {@link com.clinicfaq.analytics.Analytics} and its
 * {@link com.clinicfaq.analytics.Analytics.Report}.
 */
package com.clinicfaq.analytics;
