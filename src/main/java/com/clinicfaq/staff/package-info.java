/**
 * The staff console: login, roles, staff accounts (which administrators create, reset and deactivate), the
 * handoff queue with transcripts, and the audit log of who looked at or changed which request; and who may
 * reach the actuator (health for anyone, Prometheus metrics for the metrics account and administrators).
 */
package com.clinicfaq.staff;
