package com.clinicfaq.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * Replaces words that are not in the knowledge base's vocabulary with the nearest word that is
 * ("kyphoplasy" → "kyphoplasty"). Short words are left alone: too many are a letter from another.
 */
final class SpellingCorrector {

    private static final Pattern WORD = Pattern.compile("[\\p{L}']+");
    private static final int SHORTEST = 5;

    private final DirectSpellChecker oneEdit = checker(1);
    private final DirectSpellChecker twoEdits = checker(2);
    private final Set<String> extraVocabulary;
    /** Corrections found so far: building Levenshtein automata for every word of every question is costly. */
    private final Cache<String, String> corrections =
            Caffeine.newBuilder().maximumSize(10_000).executor(Runnable::run).build();

    SpellingCorrector(Set<String> extraVocabulary) {
        this.extraVocabulary = extraVocabulary;
    }

    private static DirectSpellChecker checker(int maxEdits) {
        DirectSpellChecker checker = new DirectSpellChecker();
        checker.setMaxEdits(maxEdits);
        checker.setMinPrefix(1);
        checker.setAccuracy(0.7f);
        return checker;
    }

    String correct(String text, IndexReader reader, String field) {
        Matcher matcher = WORD.matcher(text);
        StringBuilder corrected = new StringBuilder();
        while (matcher.find()) {
            String word = matcher.group().toLowerCase(Locale.ROOT);
            matcher.appendReplacement(corrected, Matcher.quoteReplacement(correctWord(word, reader, field)));
        }
        matcher.appendTail(corrected);
        return corrected.toString();
    }

    private String correctWord(String word, IndexReader reader, String field) {
        return corrections.get(word, w -> lookUp(w, reader, field));
    }

    private String lookUp(String word, IndexReader reader, String field) {
        if (word.length() < SHORTEST
                || word.contains("'")
                || extraVocabulary.contains(word)
                || Analysis.STOP_WORDS.contains(word)) {
            return word;
        }
        try {
            Term term = new Term(field, word);
            if (reader.docFreq(term) > 0) {
                return word;
            }
            DirectSpellChecker checker = word.length() >= 8 ? twoEdits : oneEdit;
            SuggestWord[] suggestions = checker.suggestSimilar(term, 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
            return suggestions.length == 0 ? word : suggestions[0].string;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
