package com.clinicfaq.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The handoff form's constraints and what a visitor is told of each, in English and in Spanish. */
class HandoffValidationTests {

    private static final HandoffSubmission VALID = new HandoffSubmission(
            "Ada Lovelace", "(707) 555-0100", "ada@example.com", "mornings", "a follow-up", true, true);

    @Test
    void aCompleteFormHasNoErrors() {
        assertThat(HandoffValidation.errors(VALID)).isEmpty();
        assertThat(HandoffValidation.errors(new HandoffSubmission(" Ada ", "7075550100", null, null, null, true, true)))
                .isEmpty();
        assertThat(HandoffValidation.errors(new HandoffSubmission("Ada", "", "ada@example.com", "", " ", true, true)))
                .isEmpty();
    }

    @Test
    void anEmptyFormNamesEveryFieldToFixInTheFormsOrder() {
        HandoffSubmission empty = new HandoffSubmission(null, null, null, null, null, false, false);

        assertSays(
                empty,
                "name",
                "Please tell us your name.",
                "Por favor díganos su nombre.",
                "phone",
                "Please give a phone number or an email address.",
                "Por favor dé un número de teléfono o un correo electrónico.",
                "consentContact",
                "Please tick this box so the practice may contact you.",
                "Por favor marque esta casilla para que la práctica pueda comunicarse con usted.",
                "consentShare",
                "Please tick this box so staff can read this conversation.",
                "Por favor marque esta casilla para que el personal pueda leer esta conversación.");
    }

    @Test
    void blankTextsAreNoTexts() {
        HandoffSubmission blank = new HandoffSubmission("  ", " ", "\t", null, null, true, true);

        assertThat(HandoffValidation.errors(blank))
                .containsExactly(
                        Map.entry("name", "Please tell us your name."),
                        Map.entry("phone", "Please give a phone number or an email address."));
    }

    @Test
    void eachTextTakesUpToItsLimitAfterSurroundingSpaces() {
        assertThat(HandoffValidation.errors(with("x".repeat(HandoffSubmission.NAME_MAX), null, null)))
                .isEmpty();
        assertThat(HandoffValidation.errors(with(" " + "x".repeat(HandoffSubmission.NAME_MAX) + " ", null, null)))
                .isEmpty();
        assertThat(HandoffValidation.errors(with(
                        null,
                        "t".repeat(HandoffSubmission.PREFERRED_TIME_MAX),
                        "r".repeat(HandoffSubmission.REASON_MAX))))
                .isEmpty();

        HandoffSubmission tooLong = with(
                "x".repeat(HandoffSubmission.NAME_MAX + 1),
                "t".repeat(HandoffSubmission.PREFERRED_TIME_MAX + 1),
                "r".repeat(HandoffSubmission.REASON_MAX + 1));
        assertSays(
                tooLong,
                "name",
                "Please use at most 100 characters.",
                "Por favor use como máximo 100 caracteres.",
                "preferredTime",
                "Please use at most 200 characters.",
                "Por favor use como máximo 200 caracteres.",
                "reason",
                "Please use at most 1000 characters.",
                "Por favor use como máximo 1000 caracteres.");
    }

    @Test
    void aPhoneNumberHasSevenToFifteenDigitsAndTheSeparatorsNumbersAreWrittenWith() {
        for (String phone : new String[] {
            "1234567",
            "123456789012345",
            "+1 (707) 555.0100",
            "707/555-0100",
            "\t7075550100\n",
            "1234567" + " ".repeat(HandoffSubmission.PHONE_MAX - 7)
        }) {
            assertThat(HandoffValidation.errors(phone(phone))).as(phone).isEmpty();
        }
        for (String phone : new String[] {
            "123456",
            "1234567890123456",
            "707 555 0100 ext 2",
            "٣٣٣٣٣٣٣٣",
            "1234567" + " ".repeat(HandoffSubmission.PHONE_MAX - 7) + "8"
        }) {
            assertSays(
                    phone(phone),
                    "phone",
                    "Please enter a phone number with 7 to 15 digits.",
                    "Por favor escriba un número de teléfono de 7 a 15 dígitos.");
        }
    }

    @Test
    void anEmailAddressHasAnAtSignAndADomain() {
        String longest = "x".repeat(HandoffSubmission.EMAIL_MAX - "@b.com".length()) + "@b.com";
        for (String email : new String[] {"a@b.co", " a@b.co ", longest}) {
            assertThat(HandoffValidation.errors(email(email))).as(email).isEmpty();
        }
        for (String email : new String[] {"a@b.c", "ab.co", "a b@c.de", "a@b@c.de", "x" + longest}) {
            assertSays(
                    email(email),
                    "email",
                    "Please enter an email address like name@example.com.",
                    "Por favor escriba un correo electrónico como nombre@ejemplo.com.");
        }
    }

    @Test
    void aBadPhoneNumberIsSaidEvenWithAGoodEmailAddress() {
        HandoffSubmission form = new HandoffSubmission("Ada", "call me", "ada@example.com", null, null, true, true);

        assertThat(HandoffValidation.errors(form)).containsOnlyKeys("phone");
    }

    @Test
    void theLanguageOfTheMessagesDoesNotDependOnTheMachines() {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("es"));
            assertThat(HandoffValidation.errors(phone("123")))
                    .containsEntry("phone", "Please enter a phone number with 7 to 15 digits.");
            java.util.Locale.setDefault(java.util.Locale.GERMAN);
            assertThat(HandoffValidation.errors(phone("123"), true))
                    .containsEntry("phone", "Por favor escriba un número de teléfono de 7 a 15 dígitos.");
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    /** What the visitor is told of the form, in English and in Spanish: field, English, Spanish, and so on, in order. */
    private static void assertSays(HandoffSubmission form, String... fieldEnglishSpanish) {
        Map<String, String> english = new LinkedHashMap<>();
        Map<String, String> spanish = new LinkedHashMap<>();
        for (int i = 0; i < fieldEnglishSpanish.length; i += 3) {
            english.put(fieldEnglishSpanish[i], fieldEnglishSpanish[i + 1]);
            spanish.put(fieldEnglishSpanish[i], fieldEnglishSpanish[i + 2]);
        }
        assertThat(HandoffValidation.errors(form)).as(form.toString()).containsExactlyEntriesOf(english);
        assertThat(HandoffValidation.errors(form, true)).as(form.toString()).containsExactlyEntriesOf(spanish);
    }

    private static HandoffSubmission with(String name, String preferredTime, String reason) {
        return new HandoffSubmission(
                name == null ? "Ada" : name, "7075550100", null, preferredTime, reason, true, true);
    }

    private static HandoffSubmission phone(String phone) {
        return new HandoffSubmission("Ada", phone, null, null, null, true, true);
    }

    private static HandoffSubmission email(String email) {
        return new HandoffSubmission("Ada", null, email, null, null, true, true);
    }
}
