/**
 * Handoff requests: a visitor's contact details and consent, validated and stored with a link to the
 * conversation, for staff to follow up. Public API: {@link com.clinicfaq.handoff.HandoffService},
 * {@link com.clinicfaq.handoff.HandoffSubmission}, {@link com.clinicfaq.handoff.HandoffNotifications} (whether staff
 * were told of a request) and the {@link com.clinicfaq.handoff.HandoffRequested} event. Its tables
 * ({@code handoff_request}, {@code handoff_note}) are read and written here only.
 */
package com.clinicfaq.handoff;
