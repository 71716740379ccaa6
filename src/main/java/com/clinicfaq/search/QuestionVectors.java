package com.clinicfaq.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Remembers the vectors of recently asked questions. Visitors ask the same questions again and tap the
 * same suggestions, and embedding a question costs more than everything else in answering it
 * (docs/benchmarks.md). At most {@code capacity} are kept, the often asked before the rarely asked
 * (Caffeine's eviction); a capacity of 0 remembers nothing. Questions are known by a SHA-256 digest of
 * their text, so no visitor's words are kept here. Texts embedded together (building the index) pass
 * straight through.
 */
final class QuestionVectors implements Embedder {

    private final Embedder embedder;
    /** By digest; null when nothing is to be remembered. */
    private final Cache<Digest, float[]> recent;

    private record Digest(long high, long low) {}

    QuestionVectors(Embedder embedder, int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative: " + capacity);
        }
        this.embedder = embedder;
        // evictions run on the asking thread: they are quick, and no pool thread is needed for them
        this.recent = capacity == 0
                ? null
                : Caffeine.newBuilder()
                        .maximumSize(capacity)
                        .executor(Runnable::run)
                        .build();
    }

    /** The question's vector; callers must not change it, as it is shared with whoever asks next. */
    @Override
    public float[] embed(String question) {
        if (recent == null) {
            return embedder.embed(question);
        }
        String asRead = asTheModelReadsIt(question);
        return recent.get(digest(asRead), digest -> embedder.embed(asRead));
    }

    /**
     * The models are uncased (their tokenizers lower-case and ignore surrounding space), so "What is it? " and "what
     * is it?" have one vector: the policy's red-flag check, which reads the message as typed, and the answer engine,
     * which reads it lower-cased and spell-checked, then share one embedding for a question without typos.
     */
    static String asTheModelReadsIt(String question) {
        return question.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public String model() {
        return embedder.model();
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        return embedder.embedAll(texts);
    }

    @Override
    public List<float[]> embedMessage(List<String> texts, int whole) {
        if (recent == null) {
            return embedder.embedAll(texts);
        }
        Digest digest = digest(asTheModelReadsIt(texts.get(whole)));
        float[] known = recent.getIfPresent(digest);
        if (known == null) {
            List<float[]> vectors = embedder.embedAll(texts);
            recent.put(digest, vectors.get(whole));
            return vectors;
        }
        List<String> others = new ArrayList<>(texts);
        others.remove(whole);
        List<float[]> vectors = new ArrayList<>(others.isEmpty() ? List.of() : embedder.embedAll(others));
        vectors.add(whole, known);
        return vectors;
    }

    /** How many questions are remembered now. */
    long size() {
        if (recent == null) {
            return 0;
        }
        recent.cleanUp();
        return recent.estimatedSize();
    }

    private static Digest digest(String text) {
        try {
            ByteBuffer bytes =
                    ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
            return new Digest(bytes.getLong(), bytes.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
