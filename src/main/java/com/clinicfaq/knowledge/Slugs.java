package com.clinicfaq.knowledge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Link anchors and ids made from titles: "What Is Kyphoplasty?" becomes "what-is-kyphoplasty". They are plain
 * ASCII (they name files and go in URLs) and at most {@value #LONGEST} characters. A title in another script, or a
 * longer one, keeps what it can and ends with a short digest of the whole title, so that two titles never share
 * a slug because of what was left out ("Τι είναι η κυφοπλαστική;" becomes "section-" and six hex digits).
 */
public final class Slugs {

    /** Longer slugs are cut at a word and given the digest. */
    static final int LONGEST = 80;

    private Slugs() {}

    public static String of(String title) {
        String ascii = Folding.withoutAccents(title);
        String slug = ascii.toLowerCase(Locale.ROOT)
                .replace("&", " and ")
                .replaceAll("['’]", "")
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        // letters and digits of other scripts (and ß, ø, ...) have no ASCII form here: they are left out
        boolean leftOut = ascii.codePoints().anyMatch(c -> c >= 128 && Character.isLetterOrDigit(c));
        if (slug.length() > LONGEST) {
            int cut = slug.lastIndexOf('-', LONGEST);
            slug = slug.substring(0, cut > 0 ? cut : LONGEST);
            leftOut = true;
        }
        if (leftOut) {
            return (slug.isEmpty() ? "section" : slug) + "-" + digest(title);
        }
        return slug.isEmpty() ? "section" : slug;
    }

    private static String digest(String title) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(title.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 3);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
