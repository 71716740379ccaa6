package com.clinicfaq.policy;

import java.util.List;

/**
 * Everything {@code policy.yml} holds: the texts and the rules of each branch, in the order they are tried.
 *
 * @param notEmergencies calm messages with alarming words ("what are the signs of a stroke?", "this pain is killing
 *     me"): a message closer in meaning to one of them than to an emergency rule's similar messages is not taken
 *     for an emergency by meaning alone
 */
public record PolicyRules(
        Texts texts,
        List<Rule> emergency,
        List<Rule> clinician,
        List<Rule> booking,
        List<Rule> smallTalk,
        List<String> notEmergencies) {

    public PolicyRules {
        emergency = List.copyOf(emergency);
        clinician = List.copyOf(clinician);
        booking = List.copyOf(booking);
        smallTalk = List.copyOf(smallTalk);
        notEmergencies = List.copyOf(notEmergencies);
    }

    public PolicyRules(
            Texts texts, List<Rule> emergency, List<Rule> clinician, List<Rule> booking, List<Rule> smallTalk) {
        this(texts, emergency, clinician, booking, smallTalk, List.of());
    }
}
