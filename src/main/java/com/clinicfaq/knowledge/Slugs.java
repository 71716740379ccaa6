package com.clinicfaq.knowledge;

import java.text.Normalizer;
import java.util.Locale;

/** Link anchors made from titles: "What Is Kyphoplasty?" becomes "what-is-kyphoplasty". */
public final class Slugs {

    private Slugs() {}

    public static String of(String title) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT)
                .replace("&", " and ")
                .replaceAll("['’]", "")
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        return slug.isEmpty() ? "section" : slug;
    }
}
