package com.clinicfaq.policy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The vectors of the message being decided, reused within the policy: the learned red-flag layer and the reading of
 * turns both read the whole message, and it is embedded once. Kept per thread, for the last few sentences only, by a
 * digest of their text (never the text). Whatever the encoder remembers besides (the engine's question memory) is its
 * own affair.
 */
final class MessageVectors implements SentenceEncoder {

    /** A message's sentences, its stretches and itself: plenty for one decision. */
    private static final int KEEP = 16;

    private final SentenceEncoder delegate;
    private final ThreadLocal<Map<Key, float[]>> recent =
            ThreadLocal.withInitial(() -> new LinkedHashMap<>(32, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Key, float[]> eldest) {
                    return size() > KEEP;
                }
            });

    MessageVectors(SentenceEncoder delegate) {
        this.delegate = delegate;
    }

    private record Key(long high, long low) {}

    private static Key key(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            long high = 0;
            long low = 0;
            for (int i = 0; i < 8; i++) {
                high = high << 8 | (d[i] & 0xff);
                low = low << 8 | (d[i + 8] & 0xff);
            }
            return new Key(high, low);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<float[]> encode(List<String> sentences) {
        Map<Key, float[]> known = recent.get();
        List<Key> keys = sentences.stream().map(MessageVectors::key).toList();
        // this call's vectors are taken from here, not from the memory: a message of more than KEEP sentences
        // would push its own first ones out of it
        Map<Key, float[]> found = new HashMap<>();
        List<String> missing = new ArrayList<>();
        List<Key> missingKeys = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            Key key = keys.get(i);
            float[] vector = known.get(key);
            if (vector != null) {
                found.put(key, vector);
            } else if (!found.containsKey(key) && !missingKeys.contains(key)) {
                missing.add(sentences.get(i));
                missingKeys.add(key);
            }
        }
        if (!missing.isEmpty()) {
            List<float[]> vectors = delegate.encode(missing);
            for (int i = 0; i < missing.size(); i++) {
                found.put(missingKeys.get(i), vectors.get(i));
                known.put(missingKeys.get(i), vectors.get(i));
            }
        }
        List<float[]> out = new ArrayList<>(sentences.size());
        for (Key key : keys) {
            out.add(found.get(key));
        }
        return out;
    }

    @Override
    public String model() {
        return delegate.model();
    }

    @Override
    public List<float[]> encodeCurated(List<String> texts) {
        return delegate.encodeCurated(texts);
    }

    @Override
    public double dot(float[] a, float[] b) {
        return delegate.dot(a, b);
    }
}
