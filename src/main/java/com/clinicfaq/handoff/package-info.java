/**
 * Handoff requests: a visitor's contact details and consent, validated and stored with a link to the
 * conversation, for staff to follow up. Public API: {@link com.clinicfaq.handoff.HandoffService},
 * {@link com.clinicfaq.handoff.HandoffSubmission} and the {@link com.clinicfaq.handoff.HandoffRequested}
 * event.
 */
package com.clinicfaq.handoff;
