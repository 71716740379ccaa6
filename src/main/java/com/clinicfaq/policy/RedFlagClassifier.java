package com.clinicfaq.policy;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The policy's learned layer: a multinomial logistic regression that reads a sentence as calm, an emergency for
 * 911 or suicidal thinking for 988. It reads two things at once: the sentence's meaning (the embedding model's
 * vector) and its surface (word pairs, words and pieces of words of three to five letters, accents and case
 * folded, so "no puedo respirar", "no pueod respirar" and "cant breath" share most of their features with the
 * correctly spelled forms), plus whether {@link Context} finds the sentence denied, hypothetical, general or past;
 * and the same of the whole message, so that a sentence is read within it ("last month I had the worst headache of my
 * life. they did a blood patch and it's gone" is calm, though its first sentence alone is not). Trained on messages written blind by people who never saw the rules ({@code RedFlagTrainer}); its threshold is
 * chosen for recall on a dev half it was not trained on. Immutable once trained; thread-safe.
 */
public final class RedFlagClassifier {

    /** The classes, in the order of the model's rows. */
    public enum Label {
        CALM,
        URGENT_911,
        URGENT_988
    }

    private static final int MAGIC = 0x52464c32; // "RFL2": sentences read alone
    private static final int MAGIC_IN_MESSAGE = 0x52464c33; // "RFL3": sentences read within their message
    /** The model the policy ships with, trained by {@code RedFlagTrainer}: next to this class. */
    static final String RESOURCE = "red-flag-model.bin.gz";

    /**
     * The model of messages that speak of a medicine ({@link Medicines}), trained by {@code RedFlagTrainer --medicine}
     * on such messages alone: its veto is the urgency below which it reads one as calm.
     */
    static final String MEDICINE_RESOURCE = "medicine-model.bin.gz";

    private static final int BUCKETS = 1 << 17;
    /** How much the surface counts beside the meaning (both are unit length). */
    private static final float SURFACE_WEIGHT = 1.0f;

    /** The embedding model whose vectors it was trained on. */
    private final String encoder;

    private final int dimensions;
    /** [class][dimensions + BUCKETS + 1]: meaning, surface, bias. */
    private final float[][] weights;

    private final double threshold;
    /** Whether it reads a sentence within its message ({@link #features(String, float[], String, float[])}). */
    private final boolean inMessage;
    /** Below this urgency in every sentence, a message is calm beyond doubt: it overrules a keyword pattern. */
    private final double veto;
    /** At this probability of suicidal thinking or above, a sentence is an emergency whatever its urgency (recall first). */
    private final double suicideThreshold;

    private RedFlagClassifier(
            String encoder,
            int dimensions,
            float[][] weights,
            double threshold,
            boolean inMessage,
            double veto,
            double suicideThreshold) {
        this.encoder = encoder;
        this.dimensions = dimensions;
        this.weights = weights;
        this.threshold = threshold;
        this.inMessage = inMessage;
        this.veto = veto;
        this.suicideThreshold = suicideThreshold;
    }

    /**
     * The probability of suicidal thinking at which a sentence is an emergency even below {@link #threshold()}: chosen by
     * the trainer as the highest that misses no suicidal message out of fold it can catch at all (above 1: never).
     */
    double suicideThreshold() {
        return suicideThreshold;
    }

    RedFlagClassifier withSuicideThreshold(double suicideThreshold) {
        return new RedFlagClassifier(encoder, dimensions, weights, threshold, inMessage, veto, suicideThreshold);
    }

    /** Whether these probabilities (of {@link #probabilities}) make the sentence an emergency. */
    boolean urgent(double[] p) {
        return 1 - p[Label.CALM.ordinal()] >= threshold || p[Label.URGENT_988.ordinal()] >= suicideThreshold;
    }

    /**
     * The urgency below which the message is calm beyond doubt and a keyword pattern's alarm is overruled (0: never);
     * chosen by the trainer as the highest that loses no urgent message out of fold.
     */
    double veto() {
        return veto;
    }

    RedFlagClassifier withVeto(double veto) {
        return new RedFlagClassifier(encoder, dimensions, weights, threshold, inMessage, veto, suicideThreshold);
    }

    /** Whether it reads a sentence within its message, so that the message's meaning is to be given beside the sentence's. */
    boolean readsInMessage() {
        return inMessage;
    }

    /** A sentence as the model reads it. */
    record Features(float[] meaning, int[] surface, float[] surfaceValues) {}

    /** The features of a sentence whose meaning the encoder gave. */
    static Features features(String sentence, float[] meaning) {
        java.util.Map<Integer, Float> counts = new java.util.HashMap<>();
        Softmax.addWords(counts, Words.of(sentence), 5, BUCKETS);
        Context context = Context.of(sentence);
        if (context.anyTrigger()) {
            add(counts, "ctx:any");
        }
        if (context.anyTriggerButHypothesis()) {
            add(counts, "ctx:not-hypothesis");
        }
        if (context.framed()) {
            add(counts, "ctx:framed");
        }
        return Softmax.features(meaning, counts, SURFACE_WEIGHT);
    }

    /**
     * The features of a sentence read within its message: the sentence's own, beside the whole message's meaning and
     * frames (a sentence that alarms alone may be calm in its message: "last month I had the worst headache of my life.
     * they did a blood patch and it's gone").
     */
    static Features features(String sentence, float[] meaning, String message, float[] messageMeaning) {
        return features(sentence, meaning, Message.of(message, messageMeaning));
    }

    /** What a message adds to each of its sentences' features: read once for all of them. */
    record Message(float[] meaning, Map<Integer, Float> surface) {

        static Message of(String message, float[] messageMeaning) {
            Context context = Context.of(message);
            List<String> flags = new ArrayList<>();
            if (context.anyTrigger()) {
                flags.add("m:any");
            }
            if (context.anyTriggerButHypothesis()) {
                flags.add("m:not-hypothesis");
            }
            if (context.framed()) {
                flags.add("m:framed");
            }
            for (String word : Words.of(message)) {
                flags.add("mw:" + word);
            }
            Map<Integer, Float> extra = new HashMap<>();
            flags.forEach(flag -> add(extra, flag));
            double norm = 0;
            for (float v : extra.values()) {
                norm += v * v;
            }
            float scale = norm == 0 ? 0 : (float) (CONTEXT_WEIGHT / Math.sqrt(norm));
            extra.replaceAll((k, v) -> v * scale);
            float[] meaning = new float[messageMeaning.length];
            for (int i = 0; i < meaning.length; i++) {
                meaning[i] = messageMeaning[i] * CONTEXT_WEIGHT;
            }
            return new Message(meaning, Map.copyOf(extra));
        }
    }

    /** The features of a sentence within its message. */
    static Features features(String sentence, float[] meaning, Message message) {
        Features own = features(sentence, meaning);
        float[] both = Arrays.copyOf(meaning, meaning.length + message.meaning().length);
        System.arraycopy(message.meaning(), 0, both, meaning.length, message.meaning().length);
        Map<Integer, Float> counts = new HashMap<>(message.surface());
        for (int i = 0; i < own.surface().length; i++) {
            counts.merge(own.surface()[i], own.surfaceValues()[i], Float::sum);
        }
        int[] indices = new int[counts.size()];
        float[] values = new float[counts.size()];
        int k = 0;
        for (var entry : counts.entrySet()) {
            indices[k] = entry.getKey();
            values[k] = entry.getValue();
            k++;
        }
        return new Features(both, indices, values);
    }

    /** How much the message counts beside the sentence, in meaning and in words. */
    private static final float CONTEXT_WEIGHT = 1.0f;

    private static void add(java.util.Map<Integer, Float> counts, String feature) {
        Softmax.add(counts, feature, BUCKETS);
    }

    /** The probability of each {@link Label} for the sentence. */
    double[] probabilities(Features features) {
        return Softmax.probabilities(weights, features, dimensions);
    }

    /** The probability that the sentence is an emergency of either kind. */
    double urgency(Features features) {
        double[] p = probabilities(features);
        return 1 - p[Label.CALM.ordinal()];
    }

    double threshold() {
        return threshold;
    }

    RedFlagClassifier withThreshold(double threshold) {
        return new RedFlagClassifier(encoder, dimensions, weights, threshold, inMessage, veto, suicideThreshold);
    }

    /** Whether it reads vectors of this embedding model (it means nothing with another's). */
    boolean readsVectorsOf(String model) {
        return encoder.equals(model);
    }

    /** The shipped model; null when there is none (the policy then reads meaning by closeness alone). */
    static RedFlagClassifier shipped() {
        return Shipped.RED_FLAGS.orElse(null);
    }

    /** The shipped model of messages that speak of a medicine; null when there is none. */
    static RedFlagClassifier shippedMedicine() {
        return Shipped.MEDICINES.orElse(null);
    }

    /** The shipped models, read when first asked for. */
    private static final class Shipped {
        static final java.util.Optional<RedFlagClassifier> RED_FLAGS = resource(RESOURCE);
        static final java.util.Optional<RedFlagClassifier> MEDICINES = resource(MEDICINE_RESOURCE);
    }

    /** A model shipped next to this class, if there is one. */
    private static java.util.Optional<RedFlagClassifier> resource(String name) {
        try (InputStream in = RedFlagClassifier.class.getResourceAsStream(name)) {
            return java.util.Optional.ofNullable(in == null ? null : read(in));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("the shipped model " + name + " cannot be read", e);
        }
    }

    /** One training example: a sentence's features and its class, with how much it counts. */
    record Example(Features features, Label label, double weight) {}

    /**
     * Trains by stochastic gradient descent with AdaGrad steps and L2 regularisation, examples in a seeded order, so
     * the same examples give the same model. Classes are weighted so that each counts as much as the calm one.
     */
    static RedFlagClassifier train(
            String encoder,
            List<Example> examples,
            int dimensions,
            int epochs,
            double l2,
            long seed,
            boolean inMessage) {
        List<Softmax.Sample> samples = examples.stream()
                .map(example ->
                        new Softmax.Sample(example.features(), example.label().ordinal(), example.weight()))
                .toList();
        float[][] w = Softmax.train(samples, Label.values().length, dimensions, BUCKETS, epochs, l2, seed);
        return new RedFlagClassifier(encoder, dimensions, w, 0.5, inMessage, 0, 2);
    }

    /** Writes the model (gzip): a few hundred kilobytes. */
    void write(OutputStream out) throws IOException {
        GZIPOutputStream zip = new GZIPOutputStream(out);
        DataOutputStream data = new DataOutputStream(new java.io.BufferedOutputStream(zip));
        data.writeInt(inMessage ? MAGIC_IN_MESSAGE : MAGIC);
        data.writeUTF(encoder);
        data.writeInt(dimensions);
        data.writeInt(BUCKETS);
        data.writeInt(weights.length);
        data.writeDouble(threshold);
        if (inMessage) {
            data.writeDouble(veto);
            data.writeDouble(suicideThreshold);
        }
        for (float[] row : weights) {
            for (float value : row) {
                data.writeFloat(value);
            }
        }
        data.flush();
        zip.finish();
    }

    /** Reads a model {@link #write} wrote. */
    public static RedFlagClassifier read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(new java.io.BufferedInputStream(new GZIPInputStream(in)));
        int magic = data.readInt();
        if (magic != MAGIC && magic != MAGIC_IN_MESSAGE) {
            throw new IOException("not a red-flag model");
        }
        String encoder = data.readUTF();
        int dimensions = data.readInt();
        int buckets = data.readInt();
        int classes = data.readInt();
        if (buckets != BUCKETS || classes != Label.values().length || dimensions <= 0 || dimensions > 4096) {
            throw new IOException("a red-flag model of another shape");
        }
        double threshold = data.readDouble();
        double veto = magic == MAGIC_IN_MESSAGE ? data.readDouble() : 0;
        double suicideThreshold = magic == MAGIC_IN_MESSAGE ? data.readDouble() : 2;
        float[][] weights = new float[classes][dimensions + BUCKETS + 1];
        for (float[] row : weights) {
            for (int i = 0; i < row.length; i++) {
                row[i] = data.readFloat();
            }
        }
        return new RedFlagClassifier(
                encoder, dimensions, weights, threshold, magic == MAGIC_IN_MESSAGE, veto, suicideThreshold);
    }
}
