/**
 * The staff console: login, roles, the handoff queue with transcripts, and the audit log of who
 * looked at or changed which request.
 */
package com.clinicfaq.staff;
