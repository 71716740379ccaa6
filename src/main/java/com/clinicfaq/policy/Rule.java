package com.clinicfaq.policy;

import java.util.List;

/**
 * One curated rule of {@code policy.yml}.
 *
 * @param reply the guidance of an emergency rule or the reply of a small-talk rule; "" otherwise
 * @param patterns when the rule applies (syntax: the comment at the top of {@code policy.yml})
 * @param examples visitor messages the rule must catch; checked when the file is read
 */
public record Rule(String id, String title, String reply, List<String> patterns, List<String> examples) {

    public Rule {
        reply = reply == null ? "" : reply;
        patterns = List.copyOf(patterns);
        examples = List.copyOf(examples);
    }
}
