package com.clinicfaq.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;

/**
 * The words patients write for what articles call by its clinical name ("knock me out" for "sedation", "a ride home"
 * for "a driver", "sew me up" for "stitches"), one meaning a line: a general glossary of a spine and pain practice's
 * visitors, written without any article or question in view, so that it carries to the next article. The learned
 * ranking counts a question's entry as found in a candidate when the candidate holds any entry of its line.
 * Immutable and thread-safe.
 */
final class LayWords {

    static final String RESOURCE = "lay-words.txt";

    private static final LayWords SHIPPED = read(Analysis.documents());

    /** Each entry with its line, by one of its words: a text is checked for the entries of its own words only. */
    private final Map<String, List<Entry>> byWord = new HashMap<>();

    private record Entry(int line, Set<String> words) {}

    /** @param lines each line's entries, each entry as the documents' analyzer reads its words */
    private LayWords(List<List<Set<String>>> lines) {
        for (int i = 0; i < lines.size(); i++) {
            for (Set<String> entry : lines.get(i)) {
                byWord.computeIfAbsent(entry.iterator().next(), w -> new ArrayList<>())
                        .add(new Entry(i, entry));
            }
        }
    }

    /** The entries a text of these words holds. */
    private List<Entry> held(Set<String> words) {
        List<Entry> held = new ArrayList<>();
        for (String word : words) {
            for (Entry entry : byWord.getOrDefault(word, List.of())) {
                if (words.containsAll(entry.words())) {
                    held.add(entry);
                }
            }
        }
        return held;
    }

    static LayWords shipped() {
        return SHIPPED;
    }

    /** What stands for a line among a text's words. */
    private static String key(int line) {
        return "#lay" + line;
    }

    /** The words of an article's text, with the key of every line one of whose entries it holds. */
    Set<String> ofText(Set<String> words) {
        Set<String> read = new HashSet<>(words);
        held(words).forEach(entry -> read.add(key(entry.line())));
        return read;
    }

    /** The words of a question, each entry of a line it holds read as the line's key instead of its words. */
    Set<String> ofQuestion(Set<String> words) {
        Set<String> read = new HashSet<>(words);
        for (Entry entry : held(words)) {
            read.removeAll(entry.words());
            read.add(key(entry.line()));
        }
        return read;
    }

    private static LayWords read(Analyzer analyzer) {
        List<List<Set<String>>> lines = new ArrayList<>();
        try (InputStream in = LayWords.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return new LayWords(List.of());
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                List<Set<String>> entries = new ArrayList<>();
                for (String entry : line.split(",")) {
                    Set<String> stems = new HashSet<>(KnowledgeIndex.tokens(analyzer, entry.trim()));
                    if (!stems.isEmpty() && !entries.contains(stems)) {
                        entries.add(Set.copyOf(stems));
                    }
                }
                if (entries.size() > 1) {
                    lines.add(List.copyOf(entries));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new LayWords(List.copyOf(lines));
    }
}
