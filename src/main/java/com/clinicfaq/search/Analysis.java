package com.clinicfaq.search;

import com.clinicfaq.knowledge.KnowledgeBaseFormatException;
import com.clinicfaq.knowledge.KnowledgeBaseReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.ParseException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * Every text-analysis decision in one place. Documents and queries share tokenising, folding,
 * stop words and stemming; only queries expand the curated synonyms, so editing synonyms never
 * needs the documents re-analysed.
 */
final class Analysis {

    /**
     * English stop words plus the words every visitor question is made of ("can I", "will my",
     * "how do you"): left in, they pull first-person questions towards first-person prose.
     */
    static final CharArraySet STOP_WORDS;

    static {
        CharArraySet stop = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        // "who should not have it" asks the opposite of "who should have it".
        stop.removeAll(List.of("not", "no"));
        stop.addAll(List.of(
                "i", "im", "i'm", "me", "my", "mine", "myself", "we", "us", "our", "you", "your", "yours", "he", "she",
                "her", "his", "him", "its", "it's", "can", "could", "will", "would", "should", "shall", "may", "might",
                "do", "does", "did", "done", "doing", "how", "what", "whats", "what's", "when", "where", "which", "who",
                "whom", "why", "am", "is", "are", "was", "were", "been", "being", "have", "has", "had", "get", "gets",
                "got", "getting", "there", "here", "any", "some", "much", "many", "lot", "just", "also", "really",
                "very", "so", "im", "ive", "i've", "id", "i'd", "dont", "don't", "please", "tell", "know", "want",
                "need", "thing", "things", "like", "hi", "hello", "ok", "okay", "well", "one"));
        STOP_WORDS = CharArraySet.unmodifiableSet(stop);
    }

    private Analysis() {}

    /** For document fields: passages and curated questions. */
    static Analyzer documents() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                StandardTokenizer tokenizer = new StandardTokenizer();
                return new TokenStreamComponents(tokenizer, stem(normalise(tokenizer)));
            }
        };
    }

    /** For visitor questions: the document chain with the curated synonyms expanded. */
    static Analyzer queries(SynonymMap synonyms) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                StandardTokenizer tokenizer = new StandardTokenizer();
                TokenStream stream = normalise(tokenizer);
                if (synonyms.fst != null) {
                    stream = new SynonymGraphFilter(stream, synonyms, true);
                }
                return new TokenStreamComponents(tokenizer, stem(stream));
            }
        };
    }

    /** Lower-cased, folded, unstemmed words: the vocabulary that spelling correction draws on. */
    static Analyzer words() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                StandardTokenizer tokenizer = new StandardTokenizer();
                return new TokenStreamComponents(tokenizer, normalise(tokenizer));
            }
        };
    }

    private static TokenStream normalise(TokenStream stream) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(new EnglishPossessiveFilter(stream)));
    }

    private static TokenStream stem(TokenStream stream) {
        return new PorterStemFilter(new StopFilter(stream, STOP_WORDS));
    }

    static SynonymMap synonyms(List<String> rules) {
        SolrSynonymParser parser = new SolrSynonymParser(true, true, words());
        try {
            parser.parse(new StringReader(String.join("\n", rules)));
            return parser.build();
        } catch (ParseException e) {
            throw new KnowledgeBaseFormatException(
                    KnowledgeBaseReader.SYNONYMS,
                    e.getErrorOffset(),
                    "cannot read the synonym rule: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
