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

    /**
     * Whether the word is a Spanish form the main list lacks: a conjugation, a plural, a pronoun attached ("tenga",
     * "dígamelo" folded). Asked only of a message written in Spanish, where "tenga" must not be read as "tengo"; an
     * English message's "helo" is still a typo of "hello" though Spanish has the form.
     */
    static boolean containsSpanishForm(String word) {
        return SpanishForms.FORMS.contains(word);
    }

    private static final class SpanishForms {
        static final SortedWords FORMS = SortedWords.load(SPANISH_RESOURCE);
    }

    private static final String SPANISH_RESOURCE = "spanish-forms.txt.gz";

    /**
     * About 860,000 words in one array of ASCII bytes, sorted, searched by bisection: a tenth of the memory of a set of
     * strings.
     */
    private record SortedWords(byte[] bytes, int[] starts) {

        static SortedWords load(String resource) {
            java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream(8 << 20);
            int[] starts = new int[1 << 20];
            int n = 0;
            try (InputStream raw = KnownWords.class.getResourceAsStream(resource)) {
                if (raw == null) {
                    throw new IllegalStateException("the word list " + resource + " is missing from the classpath");
                }
                BufferedReader reader =
                        new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.US_ASCII));
                String previous = "";
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.isEmpty() || line.charAt(0) == '#') {
                        continue;
                    }
                    if (line.compareTo(previous) <= 0) {
                        throw new IllegalStateException(resource + " is not sorted at '" + line + "'");
                    }
                    previous = line;
                    if (n == starts.length - 1) {
                        starts = java.util.Arrays.copyOf(starts, starts.length * 2);
                    }
                    starts[n++] = all.size();
                    all.writeBytes(line.getBytes(StandardCharsets.US_ASCII));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            starts[n] = all.size();
            return new SortedWords(all.toByteArray(), java.util.Arrays.copyOf(starts, n + 1));
        }

        boolean contains(String word) {
            int low = 0;
            int high = starts.length - 2;
            while (low <= high) {
                int middle = (low + high) >>> 1;
                int c = compare(middle, word);
                if (c == 0) {
                    return true;
                }
                if (c < 0) {
                    low = middle + 1;
                } else {
                    high = middle - 1;
                }
            }
            return false;
        }

        /** The stored word at {@code index} against {@code word}, as String.compareTo would (ASCII). */
        private int compare(int index, String word) {
            int from = starts[index];
            int length = starts[index + 1] - from;
            int shared = Math.min(length, word.length());
            for (int i = 0; i < shared; i++) {
                int d = (bytes[from + i] & 0xff) - word.charAt(i);
                if (d != 0) {
                    return d;
                }
            }
            return length - word.length();
        }
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>(400_000);
        try (InputStream raw = KnownWords.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                throw new IllegalStateException("the word list " + RESOURCE + " is missing from the classpath");
            }
            BufferedReader reader =
                    new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8));
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
