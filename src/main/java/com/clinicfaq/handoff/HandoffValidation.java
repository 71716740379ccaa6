package com.clinicfaq.handoff;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** The checks a handoff form must pass, with messages a visitor can act on, by field. */
final class HandoffValidation {

    static final int NAME_MAX = 100;
    static final int PHONE_MAX = 40;
    static final int EMAIL_MAX = 200;
    static final int PREFERRED_TIME_MAX = 200;
    static final int REASON_MAX = 1000;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]{2,}");
    private static final Pattern PHONE_CHARACTERS = Pattern.compile("[0-9+()./\\s-]+");

    private HandoffValidation() {}

    static Map<String, String> errors(HandoffSubmission form) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = trim(form.name());
        String phone = trim(form.phone());
        String email = trim(form.email());
        if (name.isEmpty()) {
            errors.put("name", "Please tell us your name.");
        } else if (name.length() > NAME_MAX) {
            errors.put("name", "Please use at most " + NAME_MAX + " characters.");
        }
        if (phone.isEmpty() && email.isEmpty()) {
            errors.put("phone", "Please give a phone number or an email address.");
        }
        if (!phone.isEmpty() && !validPhone(phone)) {
            errors.put("phone", "Please enter a phone number with 7 to 15 digits.");
        }
        if (!email.isEmpty() && (email.length() > EMAIL_MAX || !EMAIL.matcher(email).matches())) {
            errors.put("email", "Please enter an email address like name@example.com.");
        }
        if (trim(form.preferredTime()).length() > PREFERRED_TIME_MAX) {
            errors.put("preferredTime", "Please use at most " + PREFERRED_TIME_MAX + " characters.");
        }
        if (trim(form.reason()).length() > REASON_MAX) {
            errors.put("reason", "Please use at most " + REASON_MAX + " characters.");
        }
        if (!form.consentContact()) {
            errors.put("consentContact", "Please tick this box so the practice may contact you.");
        }
        if (!form.consentShare()) {
            errors.put("consentShare", "Please tick this box so staff can read this conversation.");
        }
        return errors;
    }

    /** The messages of {@link #errors} in Spanish, for a visitor who writes Spanish (issue #16). */
    private static final Map<String, String> SPANISH = Map.of(
            "Please tell us your name.", "Por favor díganos su nombre.",
            "Please give a phone number or an email address.", "Por favor dé un número de teléfono o un correo electrónico.",
            "Please enter a phone number with 7 to 15 digits.", "Por favor escriba un número de teléfono de 7 a 15 dígitos.",
            "Please enter an email address like name@example.com.", "Por favor escriba un correo electrónico como nombre@ejemplo.com.",
            "Please tick this box so the practice may contact you.", "Por favor marque esta casilla para que la práctica pueda comunicarse con usted.",
            "Please tick this box so staff can read this conversation.", "Por favor marque esta casilla para que el personal pueda leer esta conversación.");

    /** The errors in Spanish: each message {@link #errors} gives has its Spanish; a length limit keeps its number. */
    static Map<String, String> inSpanish(Map<String, String> errors) {
        Map<String, String> spanish = new LinkedHashMap<>();
        errors.forEach((field, message) -> spanish.put(field, SPANISH.getOrDefault(message,
                message.startsWith("Please use at most ") ? "Por favor use como máximo " + message.replaceAll("\\D", "") + " caracteres."
                        : message)));
        return spanish;
    }

    private static boolean validPhone(String phone) {
        long digits = phone.chars().filter(Character::isDigit).count();
        return phone.length() <= PHONE_MAX && PHONE_CHARACTERS.matcher(phone).matches() && digits >= 7 && digits <= 15;
    }

    static String trim(String value) {
        return value == null ? "" : value.strip();
    }
}
