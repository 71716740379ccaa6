package com.clinicfaq.conversation.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicfaq.handoff.HandoffSubmission;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The handoff form on the wire takes what the handoff module accepts: its limits are {@link HandoffSubmission}'s. */
class HandoffFormLimitsTests {

    @Test
    void theFormsLimitsAreTheValidations() {
        Map<String, Integer> limits = new LinkedHashMap<>();
        limits.put("name", HandoffSubmission.NAME_MAX);
        limits.put("phone", HandoffSubmission.PHONE_MAX);
        limits.put("email", HandoffSubmission.EMAIL_MAX);
        limits.put("preferredTime", HandoffSubmission.PREFERRED_TIME_MAX);
        limits.put("reason", HandoffSubmission.REASON_MAX);
        limits.put("consentContact", null);
        limits.put("consentShare", null);
        for (Frames.Form form : new Frames.Form[] {Frames.Form.HANDOFF, Frames.Form.HANDOFF_ES}) {
            Map<String, Integer> onTheWire = new LinkedHashMap<>();
            form.fields().forEach(field -> onTheWire.put(field.name(), field.maxLength()));
            assertThat(onTheWire).containsExactlyEntriesOf(limits);
        }
    }
}
