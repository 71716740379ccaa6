/**
 * The staff console: login, roles, staff accounts (which administrators create, reset and deactivate), the
 * handoff queue with transcripts, the page of the audit log (module {@code audit}), the safety review (the
 * misses curation supplies, and the visitor messages staff flag as missed emergencies from a transcript); and who may
 * reach the actuator (health for anyone, Prometheus metrics for the metrics account and administrators).
 */
package com.clinicfaq.staff;
