package com.clinicfaq.search;

import com.clinicfaq.knowledge.KnowledgeBase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.QueryBuilder;

/**
 * Answers a visitor's question with text copied from the knowledge base, or says it does not know.
 * Lexical (BM25 with synonyms and spelling correction) and semantic (sentence embeddings in
 * Lucene's vector field) candidates are fused; the best one is answered when it clears the
 * calibrated threshold.
 *
 * <p>Thread-safe. {@link #rebuild} builds a new index off to the side and swaps it in atomically:
 * questions in flight finish on the index they started with.
 */
public final class AnswerEngine implements AutoCloseable {

    private static final int CANDIDATES = 20;

    private final Embedder embedder;
    private final Scoring scoring;
    private final AtomicReference<KnowledgeIndex> current = new AtomicReference<>();

    public AnswerEngine(KnowledgeBase knowledge, Embedder embedder, Scoring scoring) {
        this.embedder = embedder;
        this.scoring = scoring;
        rebuild(knowledge);
    }

    /** What a rebuild produced: counts to log and report. */
    public record IndexStats(int items, int documents, long buildMillis) {}

    public IndexStats rebuild(KnowledgeBase knowledge) {
        long start = System.nanoTime();
        KnowledgeIndex fresh = KnowledgeIndex.build(knowledge, embedder);
        KnowledgeIndex old = current.getAndSet(fresh);
        if (old != null) {
            old.decRef();
        }
        return new IndexStats(fresh.items.size(), fresh.itemOfDoc.length, (System.nanoTime() - start) / 1_000_000);
    }

    public Answer answer(String question) {
        KnowledgeIndex index = acquire();
        try {
            return decide(evidence(index, question), scoring);
        } finally {
            index.decRef();
        }
    }

    static Answer decide(Evidence evidence, Scoring scoring) {
        return scoring.best(evidence)
                .<Answer>map(best -> best.score() < scoring.threshold()
                        ? new Answer.Unknown(best.score())
                        : found(best.candidate().item(), best.score()))
                .orElseGet(() -> new Answer.Unknown(0));
    }

    private static Answer found(IndexedItem item, double score) {
        return switch (item.kind()) {
            case FAQ, PASSAGE -> new Answer.Found(item.text(), item.source(), item.id(), score);
            case OUT_OF_SCOPE -> new Answer.OutOfScope(item.id(), item.text(), score);
        };
    }

    /** What the engine found for a question, before it decides; for calibration and for staff. */
    Evidence evidence(String question) {
        KnowledgeIndex index = acquire();
        try {
            return evidence(index, question);
        } finally {
            index.decRef();
        }
    }

    private Evidence evidence(KnowledgeIndex index, String question) {
        String corrected = index.speller.correct(question, index.reader, KnowledgeIndex.WORDS);
        return new Evidence(corrected, index.unknownShare(corrected), candidates(index, corrected));
    }

    private List<Candidate> candidates(KnowledgeIndex index, String corrected) {
        float[] vector = embedder.embed(corrected);
        Map<Integer, Double> bm25ByDoc = new HashMap<>();
        try {
            Query lexical = new QueryBuilder(index.queryAnalyzer).createBooleanQuery(KnowledgeIndex.TEXT, corrected);
            if (lexical != null) {
                for (ScoreDoc hit : index.searcher.search(lexical, CANDIDATES).scoreDocs) {
                    bm25ByDoc.put(hit.doc, (double) hit.score);
                }
            }
            Query semantic = new KnnFloatVectorQuery(KnowledgeIndex.VECTOR, vector, CANDIDATES);
            for (ScoreDoc hit : index.searcher.search(semantic, CANDIDATES).scoreDocs) {
                bm25ByDoc.putIfAbsent(hit.doc, 0.0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<Integer, Candidate> byItem = new HashMap<>();
        bm25ByDoc.forEach((doc, bm25) -> {
            int item = index.itemOfDoc[doc];
            double cosine = cosine(vector, index.vectors[doc]);
            byItem.merge(item, new Candidate(index.items.get(item), bm25, cosine), (a, b) -> new Candidate(
                    a.item(), Math.max(a.bm25(), b.bm25()), Math.max(a.cosine(), b.cosine())));
        });
        return List.copyOf(byItem.values());
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0, normA = 0, normB = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            normA += a[i] * a[i];
            normB += b[i] * b[i];
        }
        return dot / Math.sqrt(normA * normB);
    }

    private KnowledgeIndex acquire() {
        while (true) {
            KnowledgeIndex index = current.get();
            if (index.tryIncRef()) {
                return index;
            }
        }
    }

    @Override
    public void close() {
        KnowledgeIndex index = current.getAndSet(null);
        if (index != null) {
            index.decRef();
        }
    }
}
