package com.clinicfaq.policy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Correctly spelled English and Spanish words (about 170,000, from Debian's wamerican and wspanish lists,
 * folded like messages: lower case, no accents, no apostrophes). A message word found here is taken as
 * written, never as a typo of a rule's word.
 */
final class KnownWords {

    private static final String RESOURCE = "known-words.txt.gz";

    private KnownWords() {}

    private static final class Holder {
        static final Set<String> WORDS = load();
    }

    static boolean contains(String word) {
        return Holder.WORDS.contains(word);
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>(400_000);
        try (InputStream raw = KnownWords.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                throw new IllegalStateException("the word list " + RESOURCE + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isEmpty() && line.charAt(0) != '#') {
                    words.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
