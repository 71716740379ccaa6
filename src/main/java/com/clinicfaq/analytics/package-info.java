/**
 * Analytics: how visitors' questions fared, conversations, handoff requests and emergencies, by day,
 * for the staff console's analytics page and as Prometheus metrics. It reads the stored conversations through
 * {@link com.clinicfaq.conversation.ConversationRecords} and the handoff requests through
 * {@link com.clinicfaq.handoff.HandoffService} (no table of theirs), takes the missed questions from
 * {@link com.clinicfaq.curation.MissedQuestions} (shared with the unanswered-questions page) and listens to the events
 * of {@code conversation} and {@code handoff}; no other module depends on it. Public API: {@link com.clinicfaq.analytics.Analytics} and its
 * {@link com.clinicfaq.analytics.Analytics.Report}.
 */
package com.clinicfaq.analytics;
