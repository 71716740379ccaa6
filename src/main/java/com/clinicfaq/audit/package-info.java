/**
 * The audit log: who viewed or changed which handoff request, changed the knowledge base or a staff account, when.
 * Public API: {@link com.clinicfaq.audit.AuditLog} (record an event; the most recent events and a handoff request's
 * own, for the console) and {@link com.clinicfaq.audit.AuditEvent}. Its table ({@code audit_event}) is read and
 * written here only; it depends on no other module, so any module may record what its staff do.
 */
package com.clinicfaq.audit;
