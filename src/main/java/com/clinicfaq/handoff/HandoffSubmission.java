package com.clinicfaq.handoff;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What the visitor filled in; any field may be null or nonsense until validated. The constraints are what the form
 * must be once each text is stripped of surrounding spaces (a blank one is left out), and their limits are the
 * form's on the wire too: the longest text each field takes, as the handoff form tells the widget (docs/protocol.md)
 * and as its column holds it. Their messages are in {@code HandoffMessages.properties} (English) and
 * {@code HandoffMessages_es.properties} (Spanish), read by {@link HandoffValidation}.
 */
@HandoffValidation.PhoneOrEmail(message = "{handoff.phone-or-email}")
public record HandoffSubmission(
        @NotBlank(message = "{handoff.name.required}") @Size(max = NAME_MAX, message = "{handoff.too-long}")
        String name,

        @Size(max = PHONE_MAX, message = "{handoff.phone.invalid}")
        @Pattern(regexp = PHONE, message = "{handoff.phone.invalid}")
        String phone,

        @Size(max = EMAIL_MAX, message = "{handoff.email.invalid}")
        @Pattern(regexp = EMAIL, message = "{handoff.email.invalid}")
        String email,

        @Size(max = PREFERRED_TIME_MAX, message = "{handoff.too-long}")
        String preferredTime,

        @Size(max = REASON_MAX, message = "{handoff.too-long}")
        String reason,

        @AssertTrue(message = "{handoff.consent-contact.required}")
        boolean consentContact,

        @AssertTrue(message = "{handoff.consent-share.required}")
        boolean consentShare) {

    /** The longest name, in characters. */
    public static final int NAME_MAX = 100;
    /** The longest phone number, in characters. */
    public static final int PHONE_MAX = 40;
    /** The longest email address, in characters. */
    public static final int EMAIL_MAX = 200;
    /** The longest answer to "when is a good time to reach you?", in characters. */
    public static final int PREFERRED_TIME_MAX = 200;
    /** The longest reason, in characters. */
    public static final int REASON_MAX = 1000;

    /** A phone number: digits and the separators numbers are written with, 7 to 15 digits. */
    static final String PHONE = "(?=(?:[^0-9]*[0-9]){7,15}[^0-9]*\\z)[0-9+()./\\s-]+";
    /** An email address: something, an at sign, a domain with a dot and at least two characters after it. */
    static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s]{2,}";
}
