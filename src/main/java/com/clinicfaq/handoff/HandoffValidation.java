package com.clinicfaq.handoff;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Payload;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.hibernate.validator.messageinterpolation.ResourceBundleMessageInterpolator;

/**
 * The checks a handoff form must pass (the Bean Validation constraints of {@link HandoffSubmission}), with messages a
 * visitor can act on, by field, in the form's order; in English, or in Spanish for a visitor who writes Spanish
 * (issue #16).
 */
final class HandoffValidation {

    private static final String MESSAGES = "com.clinicfaq.handoff.HandoffMessages";
    private static final Validator ENGLISH = validator(Locale.ENGLISH);
    private static final Validator SPANISH = validator(Locale.forLanguageTag("es"));
    private static final List<String> FIELDS = Arrays.stream(HandoffSubmission.class.getRecordComponents())
            .map(RecordComponent::getName)
            .toList();

    private HandoffValidation() {}

    static Map<String, String> errors(HandoffSubmission form) {
        return errors(form, false);
    }

    /** The same checks, with each message in Spanish when {@code spanish}. */
    static Map<String, String> errors(HandoffSubmission form, boolean spanish) {
        Map<String, String> errors = new LinkedHashMap<>();
        (spanish ? SPANISH : ENGLISH)
                .validate(stripped(form)).stream()
                        .sorted(Comparator.comparingInt(HandoffValidation::place))
                        .forEach(violation -> errors.putIfAbsent(field(violation), violation.getMessage()));
        return errors;
    }

    /** The form as it would be stored: each text stripped of surrounding spaces, a blank one null. */
    private static HandoffSubmission stripped(HandoffSubmission form) {
        return new HandoffSubmission(
                strippedOrNull(form.name()),
                strippedOrNull(form.phone()),
                strippedOrNull(form.email()),
                strippedOrNull(form.preferredTime()),
                strippedOrNull(form.reason()),
                form.consentContact(),
                form.consentShare());
    }

    /** A text as it is stored: stripped of surrounding spaces, null when blank. */
    static String strippedOrNull(String value) {
        String stripped = trim(value);
        return stripped.isEmpty() ? null : stripped;
    }

    private static String field(ConstraintViolation<?> violation) {
        return violation.getPropertyPath().iterator().next().getName();
    }

    private static int place(ConstraintViolation<?> violation) {
        return FIELDS.indexOf(field(violation));
    }

    static String trim(String value) {
        return value == null ? "" : value.strip();
    }

    /**
     * Messages from {@code HandoffMessages*.properties} in this one language, whatever the machine's own: the English
     * ones are the base bundle, and no other language is looked for in its place.
     */
    private static Validator validator(Locale locale) {
        MessageInterpolator messages = new ResourceBundleMessageInterpolator(language -> ResourceBundle.getBundle(
                MESSAGES,
                language,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
        // the factory lives as long as the class: a validator must not outlive its factory
        return Validation.byDefaultProvider()
                .configure()
                .messageInterpolator(new MessageInterpolator() {
                    @Override
                    public String interpolate(String template, Context context) {
                        return messages.interpolate(template, context, locale);
                    }

                    @Override
                    public String interpolate(String template, Context context, Locale ignored) {
                        return messages.interpolate(template, context, locale);
                    }
                })
                .buildValidatorFactory()
                .getValidator();
    }

    /** A phone number or an email address, or both: without either, the phone field says so. */
    @Target(TYPE)
    @Retention(RUNTIME)
    @Constraint(validatedBy = PhoneOrEmailValidator.class)
    @interface PhoneOrEmail {
        String message();

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    public static final class PhoneOrEmailValidator implements ConstraintValidator<PhoneOrEmail, HandoffSubmission> {

        @Override
        public boolean isValid(HandoffSubmission form, ConstraintValidatorContext context) {
            if (!trim(form.phone()).isEmpty() || !trim(form.email()).isEmpty()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("phone")
                    .addConstraintViolation();
            return false;
        }
    }
}
