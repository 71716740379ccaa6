package com.clinicfaq.policy;

import java.util.List;

/** Everything {@code policy.yml} holds: the texts and the rules of each branch, in the order they are tried. */
public record PolicyRules(Texts texts, List<Rule> emergency, List<Rule> clinician, List<Rule> booking, List<Rule> smallTalk) {

    public PolicyRules {
        emergency = List.copyOf(emergency);
        clinician = List.copyOf(clinician);
        booking = List.copyOf(booking);
        smallTalk = List.copyOf(smallTalk);
    }
}
