package com.clinicfaq.search;

import com.clinicfaq.knowledge.KnowledgeBase;
import com.clinicfaq.knowledge.Translation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The words visitors use for the same thing in a language other than English, from the {@code synonyms:} line of its
 * translations' front matter ("herida, incisión, cortada; fiebre, calentura"): each word of a group is read as the
 * group's first, after the language's analysis, so a question's "calentura" matches a translation's "fiebre". A word
 * the analysis reads as several terms is left as it is. Immutable; thread-safe.
 */
final class TranslatedSynonyms {

    private static final TranslatedSynonyms NONE = new TranslatedSynonyms(Map.of());

    /** A term, and the term of its group's first word. */
    private final Map<String, String> first;

    private TranslatedSynonyms(Map<String, String> first) {
        this.first = first;
    }

    static TranslatedSynonyms none() {
        return NONE;
    }

    /** The groups of every translation into the language, reviewed or not (they are the practice's words, not a text said). */
    static TranslatedSynonyms of(KnowledgeBase knowledge, String language) {
        Map<String, String> first = new HashMap<>();
        for (Translation translation : knowledge.translations()) {
            if (!translation.language().equals(language)) {
                continue;
            }
            for (List<String> group : translation.synonyms()) {
                String head = null;
                for (String word : group) {
                    List<String> terms = TranslatedIndex.terms(word);
                    if (terms.size() != 1) {
                        continue;
                    }
                    if (head == null) {
                        head = first.getOrDefault(terms.getFirst(), terms.getFirst());
                    }
                    first.putIfAbsent(terms.getFirst(), head);
                }
            }
        }
        return first.isEmpty() ? NONE : new TranslatedSynonyms(Map.copyOf(first));
    }

    /** The terms with each read as its group's first. */
    List<String> apply(List<String> terms) {
        if (first.isEmpty()) {
            return terms;
        }
        List<String> read = new ArrayList<>(terms.size());
        for (String term : terms) {
            read.add(first.getOrDefault(term, term));
        }
        return read;
    }
}
