package com.clinicfaq.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Multinomial logistic regression over a text's meaning (the embedding model's vector) and its surface (hashed
 * features, unit length): what the policy's learned layers ({@link RedFlagClassifier}, {@link TurnClassifier}) are.
 */
final class Softmax {

    private Softmax() {}

    /** One training example: its features, its class (a row of the weights), and how much it counts. */
    record Sample(RedFlagClassifier.Features features, int label, double weight) {}

    /** The bucket of a hashed surface feature. */
    static int bucket(String feature, int buckets) {
        int h = feature.hashCode() * 0x9E3779B9;
        h ^= h >>> 15;
        return Math.floorMod(h, buckets);
    }

    static void add(Map<Integer, Float> counts, String feature, int buckets) {
        counts.merge(bucket(feature, buckets), 1f, Float::sum);
    }

    /**
     * The words of a text as features: each word, each pair of neighbours (with the text's start and end), and the pieces
     * of each word of three to {@code longestPiece} letters, so that a typo shares most features with the spelled word.
     */
    static void addWords(Map<Integer, Float> counts, List<String> words, int longestPiece, int buckets) {
        String previous = "<s>";
        for (String word : words) {
            add(counts, "w:" + word, buckets);
            add(counts, "b:" + previous + " " + word, buckets);
            previous = word;
            String bounded = "<" + word + ">";
            for (int n = 3; n <= longestPiece; n++) {
                for (int i = 0; i + n <= bounded.length(); i++) {
                    add(counts, "c" + n + ":" + bounded.substring(i, i + n), buckets);
                }
            }
        }
        add(counts, "b:" + previous + " </s>", buckets);
    }

    /** The surface features as unit-length sparse values, scaled by {@code weight}. */
    static RedFlagClassifier.Features features(float[] meaning, Map<Integer, Float> counts, float weight) {
        int[] indices = new int[counts.size()];
        float[] values = new float[counts.size()];
        double norm = 0;
        int k = 0;
        for (var entry : counts.entrySet()) {
            indices[k] = entry.getKey();
            values[k] = entry.getValue();
            norm += values[k] * values[k];
            k++;
        }
        float scale = norm == 0 ? 0 : (float) (weight / Math.sqrt(norm));
        for (int i = 0; i < values.length; i++) {
            values[i] *= scale;
        }
        return new RedFlagClassifier.Features(meaning, indices, values);
    }

    static double logit(float[] w, RedFlagClassifier.Features f, int dimensions) {
        double s = w[w.length - 1];
        float[] meaning = f.meaning();
        for (int i = 0; i < dimensions; i++) {
            s += w[i] * meaning[i];
        }
        int[] surface = f.surface();
        float[] values = f.surfaceValues();
        for (int i = 0; i < surface.length; i++) {
            s += w[dimensions + surface[i]] * values[i];
        }
        return s;
    }

    static double[] softmax(double[] logits) {
        double max = Arrays.stream(logits).max().orElse(0);
        double sum = 0;
        double[] p = new double[logits.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp(logits[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    /** The probability of each class. */
    static double[] probabilities(float[][] weights, RedFlagClassifier.Features features, int dimensions) {
        double[] logits = new double[weights.length];
        for (int c = 0; c < weights.length; c++) {
            logits[c] = logit(weights[c], features, dimensions);
        }
        return softmax(logits);
    }

    /**
     * Trains by stochastic gradient descent with AdaGrad steps and L2 regularisation, examples in a seeded order, so
     * the same examples give the same weights: [class][dimensions + buckets + 1] (meaning, surface, bias).
     */
    static float[][] train(
            List<Sample> samples, int classes, int dimensions, int buckets, int epochs, double l2, long seed) {
        int width = dimensions + buckets + 1;
        float[][] w = new float[classes][width];
        float[][] g2 = new float[classes][width];
        double rate = 0.5;
        List<Sample> order = new ArrayList<>(samples);
        Random random = new Random(seed);
        double[] logits = new double[classes];
        for (int epoch = 0; epoch < epochs; epoch++) {
            java.util.Collections.shuffle(order, random);
            for (Sample sample : order) {
                RedFlagClassifier.Features f = sample.features();
                for (int c = 0; c < classes; c++) {
                    logits[c] = logit(w[c], f, dimensions);
                }
                double[] p = softmax(logits);
                for (int c = 0; c < classes; c++) {
                    double gradient = sample.weight() * (p[c] - (sample.label() == c ? 1 : 0));
                    float[] wc = w[c];
                    float[] gc = g2[c];
                    for (int i = 0; i < dimensions; i++) {
                        double g = gradient * f.meaning()[i] + l2 * wc[i];
                        gc[i] += (float) (g * g);
                        wc[i] -= (float) (rate * g / Math.sqrt(gc[i] + 1e-8));
                    }
                    int[] surface = f.surface();
                    float[] values = f.surfaceValues();
                    for (int i = 0; i < surface.length; i++) {
                        int j = dimensions + surface[i];
                        double g = gradient * values[i] + l2 * wc[j];
                        gc[j] += (float) (g * g);
                        wc[j] -= (float) (rate * g / Math.sqrt(gc[j] + 1e-8));
                    }
                    int b = width - 1;
                    double g = gradient;
                    gc[b] += (float) (g * g);
                    wc[b] -= (float) (rate * g / Math.sqrt(gc[b] + 1e-8));
                }
            }
        }
        return w;
    }
}
