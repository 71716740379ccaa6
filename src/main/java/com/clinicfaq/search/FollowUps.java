package com.clinicfaq.search;

import com.clinicfaq.knowledge.Folding;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises questions that lean on the conversation so far: short ones ("recovery time?"), ones
 * that start with "and" or "what about", or that say "it" for the procedure just discussed.
 */
final class FollowUps {

    private static final Pattern LEAD = Pattern.compile("^(and|also|what about|how about|plus)\\b");
    private static final Set<String> PRONOUNS = Set.of("it", "its", "that", "this", "they", "them", "those", "one");
    private static final int SHORT = 5;

    private FollowUps() {}

    static boolean isElliptical(String text) {
        String normalised = Folding.words(text);
        String[] words = normalised.split(" ");
        if (words.length <= SHORT || LEAD.matcher(normalised).find()) {
            return true;
        }
        for (String word : words) {
            if (PRONOUNS.contains(word)) {
                return true;
            }
        }
        return false;
    }
}
