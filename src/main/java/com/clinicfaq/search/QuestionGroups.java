package com.clinicfaq.search;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Groups visitors' questions by meaning, so that "how soon am i back on my feet" and "when will i be back on
 * my feet" count as one question to answer. Greedy, in the order given (most asked first): each text joins
 * the group whose first text, its representative, is closest in meaning, if at least {@code threshold}
 * close; otherwise it starts a group of its own. The texts are embedded for the call and not kept.
 */
@Component
public final class QuestionGroups {

    /**
     * Close enough to be the same question, for all-MiniLM-L6-v2: rewordings of one question score 0.9 and
     * more ("how soon am i back on my feet", "when can i get back on my feet"), neighbouring topics up to
     * about 0.75 ("is kyphoplasty covered by insurance", "what does kyphoplasty cost"), so two questions
     * are grouped only when an editor would answer them with one FAQ.
     */
    public static final double SAME_QUESTION = 0.8;

    private final Embedder embedder;

    public QuestionGroups(Embedder embedder) {
        this.embedder = embedder;
    }

    /**
     * @param threshold the least cosine similarity (0 to 1) with a group's representative to join it
     * @return the groups as indexes into {@code texts}, each group's representative first, in the order their
     *     representatives come
     */
    public List<List<Integer>> group(List<String> texts, double threshold) {
        List<float[]> vectors = texts.isEmpty() ? List.of() : embedder.embedAll(texts);
        List<List<Integer>> groups = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            List<Integer> closest = null;
            double best = threshold;
            for (List<Integer> group : groups) {
                double similarity = similarity(vectors.get(group.getFirst()), vectors.get(i));
                if (similarity >= best) {
                    best = similarity;
                    closest = group;
                }
            }
            if (closest == null) {
                closest = new ArrayList<>();
                groups.add(closest);
            }
            closest.add(i);
        }
        return groups.stream().map(List::copyOf).toList();
    }

    /**
     * How close in meaning each pair of texts is: the cosine similarity (0 to 1) of {@code firsts.get(i)} and
     * {@code seconds.get(i)}. Each distinct text is embedded once for the call and not kept.
     */
    public double[] similarities(List<String> firsts, List<String> seconds) {
        if (firsts.size() != seconds.size()) {
            throw new IllegalArgumentException("pairs need as many first as second texts");
        }
        List<String> distinct = java.util.stream.Stream.concat(firsts.stream(), seconds.stream())
                .distinct()
                .toList();
        java.util.Map<String, float[]> vectors = new java.util.HashMap<>();
        List<float[]> embedded = distinct.isEmpty() ? List.of() : embedder.embedAll(distinct);
        for (int i = 0; i < distinct.size(); i++) {
            vectors.put(distinct.get(i), embedded.get(i));
        }
        double[] similarities = new double[firsts.size()];
        for (int i = 0; i < similarities.length; i++) {
            similarities[i] = similarity(vectors.get(firsts.get(i)), vectors.get(seconds.get(i)));
        }
        return similarities;
    }

    /** The embedder's vectors are unit length: their dot product is the cosine. */
    static double similarity(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }
}
