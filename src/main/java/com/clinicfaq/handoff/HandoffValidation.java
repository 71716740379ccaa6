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
        return errors(form, false);
    }

    /** The same checks, with each message in Spanish when {@code spanish} (a visitor who writes Spanish, issue #16). */
    static Map<String, String> errors(HandoffSubmission form, boolean spanish) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = trim(form.name());
        String phone = trim(form.phone());
        String email = trim(form.email());
        if (name.isEmpty()) {
            errors.put("name", say(spanish, "Please tell us your name.", "Por favor díganos su nombre."));
        } else if (name.length() > NAME_MAX) {
            errors.put("name", atMost(spanish, NAME_MAX));
        }
        if (phone.isEmpty() && email.isEmpty()) {
            errors.put("phone", say(spanish, "Please give a phone number or an email address.",
                    "Por favor dé un número de teléfono o un correo electrónico."));
        }
        if (!phone.isEmpty() && !validPhone(phone)) {
            errors.put("phone", say(spanish, "Please enter a phone number with 7 to 15 digits.",
                    "Por favor escriba un número de teléfono de 7 a 15 dígitos."));
        }
        if (!email.isEmpty() && (email.length() > EMAIL_MAX || !EMAIL.matcher(email).matches())) {
            errors.put("email", say(spanish, "Please enter an email address like name@example.com.",
                    "Por favor escriba un correo electrónico como nombre@ejemplo.com."));
        }
        if (trim(form.preferredTime()).length() > PREFERRED_TIME_MAX) {
            errors.put("preferredTime", atMost(spanish, PREFERRED_TIME_MAX));
        }
        if (trim(form.reason()).length() > REASON_MAX) {
            errors.put("reason", atMost(spanish, REASON_MAX));
        }
        if (!form.consentContact()) {
            errors.put("consentContact", say(spanish, "Please tick this box so the practice may contact you.",
                    "Por favor marque esta casilla para que la práctica pueda comunicarse con usted."));
        }
        if (!form.consentShare()) {
            errors.put("consentShare", say(spanish, "Please tick this box so staff can read this conversation.",
                    "Por favor marque esta casilla para que el personal pueda leer esta conversación."));
        }
        return errors;
    }

    private static String say(boolean spanish, String english, String inSpanish) {
        return spanish ? inSpanish : english;
    }

    private static String atMost(boolean spanish, int characters) {
        return say(spanish, "Please use at most " + characters + " characters.", "Por favor use como máximo " + characters + " caracteres.");
    }

    private static boolean validPhone(String phone) {
        long digits = phone.chars().filter(Character::isDigit).count();
        return phone.length() <= PHONE_MAX && PHONE_CHARACTERS.matcher(phone).matches() && digits >= 7 && digits <= 15;
    }

    static String trim(String value) {
        return value == null ? "" : value.strip();
    }
}
