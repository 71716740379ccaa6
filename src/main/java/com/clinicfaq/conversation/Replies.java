package com.clinicfaq.conversation;

import java.util.Locale;
import java.util.Set;

/** Short typed answers to the bot's own questions: "yes" to an offer, "cancel" in the form. */
final class Replies {

    private static final Set<String> YES = Set.of(
            "yes",
            "y",
            "yes please",
            "yeah",
            "yep",
            "sure",
            "ok",
            "okay",
            "please",
            "please do",
            "yes contact me",
            "ok please",
            "sure please");
    private static final Set<String> NO =
            Set.of("no", "n", "no thanks", "no thank you", "nope", "not now", "maybe later");
    private static final Set<String> CANCEL = Set.of(
            "cancel",
            "stop",
            "never mind",
            "nevermind",
            "forget it",
            "quit",
            "exit",
            "no",
            "no thanks",
            "cancel please");

    private Replies() {}

    static boolean isYes(String text) {
        return YES.contains(normalise(text));
    }

    static boolean isNo(String text) {
        return NO.contains(normalise(text));
    }

    static boolean isCancel(String text) {
        return CANCEL.contains(normalise(text));
    }

    /**
     * Not {@code knowledge.Folding.words}: punctuation inside a word is dropped, not read as a space ("o.k." is "ok",
     * "yes-please" one word), and digits with it, so that a reply typed in haste is still the short answer it is.
     */
    private static String normalise(String text) {
        return text.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\s]", "")
                .replaceAll("\\s+", " ")
                .strip();
    }
}
