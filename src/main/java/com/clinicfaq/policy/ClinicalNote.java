package com.clinicfaq.policy;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a message is written as a clinical note: "New L leg weakness 3/5, numb to groin. Worsening over hrs. s/p
 * kypho L1.", "Rxn to contrast? Lips swelling, wheeze, BP 80/50." A nurse, a caregiver or a retired engineer writes
 * so; the learned red-flag layer, trained on patients' words, reads such notes poorly, so it never overrules a rule's
 * words in one ({@link ConversationPolicy}).
 */
final class ClinicalNote {

    private ClinicalNote() {}

    /** The kinds of marks a note carries; a message with marks of two kinds or more is one. */
    private static final List<Pattern> MARKS = List.of(
            // a blood pressure
            Pattern.compile("\\b\\d{2,3}/\\d{2,3}\\b"),
            // a strength grade
            Pattern.compile("\\b[0-5]/5\\b"),
            // a duration written short
            Pattern.compile("\\b\\d+ ?(?:h|hr|hrs|d|min|mins)\\b", Pattern.CASE_INSENSITIVE),
            // a spinal level ("L1", "T11", "L4-5")
            Pattern.compile("\\b[CTLS]\\d{1,2}(?:-[CTLS]?\\d{1,2})?\\b"),
            // an abbreviation written with a slash
            Pattern.compile("(?i)(?<![\\p{L}\\d])(?:s/p|c/o|h/o|n/v|w/o|y/o|w/)"));

    /** Abbreviations of notes that no patient's or Spanish word spells ("le", "pt", "sat" are left out). */
    private static final Set<String> ABBREVIATIONS = Set.of(
            "bilat",
            "rxn",
            "hx",
            "bp",
            "rr",
            "sob",
            "cp",
            "loc",
            "prn",
            "afebrile",
            "febrile",
            "spo2",
            "o2",
            "abd",
            "wnl",
            "sx",
            "tx",
            "dx",
            "rx",
            "pmh",
            "postop",
            "bilateral");

    /** Whether the message carries marks of two kinds or more. */
    static boolean written(String message) {
        if (message == null) {
            return false;
        }
        int kinds = 0;
        for (Pattern mark : MARKS) {
            if (mark.matcher(message).find() && ++kinds >= 2) {
                return true;
            }
        }
        // the abbreviations are one kind of mark, however many stand in the message
        for (String word : message.split("[^\\p{L}\\p{N}]+")) {
            if (ABBREVIATIONS.contains(word.toLowerCase(java.util.Locale.ROOT))) {
                return kinds + 1 >= 2;
            }
        }
        return false;
    }
}
