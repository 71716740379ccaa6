package com.clinicfaq.policy;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Reads what a visitor's turn is, however it is worded: a question for the knowledge base, or a conversational turn
 * (thanks, an acknowledgement, a question about the assistant itself, a complaint that the answer missed, a goodbye, a
 * greeting), each the id of the small-talk rule that answers it. "got it, so no heavy lifting for 2 weeks" is an
 * acknowledgement though it holds an article's words; "thanks. and how long is recovery?" is a question. A multinomial
 * logistic regression ({@link Softmax}) over the message's meaning and its surface: words, word pairs, pieces of words,
 * the first and last word, its length, whether it asks ("?"), and emoji ("👍"). Trained on conversations written blind
 * ({@code TurnTrainer}), with a threshold chosen on a dev half for few questions taken for small talk (issue #19).
 * Immutable; thread-safe.
 */
public final class TurnClassifier {

    /** The class of a turn for the knowledge base: every other class is a small-talk rule's id. */
    public static final String QUESTION = "question";

    private static final int MAGIC = 0x54524e32; // "TRN2": with the classes that may be quieted
    static final String RESOURCE = "turn-model.bin.gz";
    /**
     * The learned reading of requests ({@link #BOOKING} or {@link #QUESTION}): a model of the same kind, trained apart
     * (BookingTrainer), so that the reading of conversational turns is not retrained for it.
     */
    static final String BOOKING_RESOURCE = "booking-model.bin.gz";
    /** The class of a request for an appointment, a call back or a person, in the model of requests. */
    static final String BOOKING = "booking";
    /**
     * The reading of ordinary messages ({@link #QUESTION}) against emergencies ({@link #URGENT}), trained apart
     * (OrdinaryTrainer): where it is sure a message is an ordinary one, an alarm by meaning alone is not raised.
     */
    static final String ORDINARY_RESOURCE = "ordinary-model.bin.gz";
    /** The class of an emergency, in the model of ordinary messages. */
    static final String URGENT = "urgent";

    static final int BUCKETS = 1 << 16;
    private static final Map<String, Optional<TurnClassifier>> SHIPPED = new java.util.concurrent.ConcurrentHashMap<>();

    private final String encoder;
    private final int dimensions;
    private final List<String> labels;
    private final float[][] weights;
    private final double threshold;
    /**
     * Below this urgency of the learned red-flag layer, a message the patterns do not alarm on and that reads as a
     * conversational turn ("thank you very much", "ok makes sense now") is no emergency (0: never); chosen by the trainer as
     * the highest that loses no urgent message of the red-flag sets it may read.
     */
    private final double quietBelow;
    /**
     * The classes whose turns may be quieted: never a farewell ("thanks. i'm done. bye" may be one written in danger;
     * saying goodbye is a sign of suicidal thinking), as the trainer chooses.
     */
    private final java.util.Set<String> quietable;

    TurnClassifier(
            String encoder,
            int dimensions,
            List<String> labels,
            float[][] weights,
            double threshold,
            double quietBelow,
            java.util.Set<String> quietable) {
        this.encoder = encoder;
        this.dimensions = dimensions;
        this.labels = List.copyOf(labels);
        this.weights = weights;
        this.threshold = threshold;
        this.quietBelow = quietBelow;
        this.quietable = java.util.Set.copyOf(quietable);
    }

    /** The classes, {@link #QUESTION} first. */
    List<String> labels() {
        return labels;
    }

    double threshold() {
        return threshold;
    }

    TurnClassifier withThreshold(double threshold) {
        return new TurnClassifier(encoder, dimensions, labels, weights, threshold, quietBelow, quietable);
    }

    double quietBelow() {
        return quietBelow;
    }

    TurnClassifier withQuietBelow(double quietBelow) {
        return new TurnClassifier(encoder, dimensions, labels, weights, threshold, quietBelow, quietable);
    }

    /** Whether an alarm by meaning alone on a turn of this class may be quieted ({@link #quietBelow()}). */
    boolean quietable(String label) {
        return quietable.contains(label);
    }

    TurnClassifier withQuietable(java.util.Set<String> quietable) {
        return new TurnClassifier(encoder, dimensions, labels, weights, threshold, quietBelow, quietable);
    }

    /** Whether it reads vectors of this embedding model (it means nothing with another's). */
    boolean readsVectorsOf(String model) {
        return encoder.equals(model);
    }

    /** A conversational turn as read, with how sure the model is. */
    public record Reading(String label, double probability) {

        boolean conversational() {
            return !label.equals(QUESTION);
        }
    }

    /** The most likely class of the message. */
    Reading read(String message, float[] meaning) {
        double[] p = probabilities(features(message, meaning));
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        return new Reading(labels.get(best), p[best]);
    }

    /** The small-talk rule the message is, when the model is sure enough it is no question; empty otherwise. */
    Optional<String> conversational(String message, float[] meaning) {
        Reading reading = read(message, meaning);
        return reading.conversational() && reading.probability() >= threshold
                ? Optional.of(reading.label())
                : Optional.empty();
    }

    /** The probability of this class for the message, whichever class is the most likely. */
    double probability(String label, String message, float[] meaning) {
        int c = labels.indexOf(label);
        return c < 0 ? 0 : probabilities(features(message, meaning))[c];
    }

    double[] probabilities(RedFlagClassifier.Features features) {
        return Softmax.probabilities(weights, features, dimensions);
    }

    /** The features of a message whose meaning the encoder gave. */
    static RedFlagClassifier.Features features(String message, float[] meaning) {
        String raw = message == null ? "" : message.strip();
        List<String> words = Words.of(raw);
        Map<Integer, Float> counts = new HashMap<>();
        Softmax.addWords(counts, words, 4, BUCKETS);
        if (!words.isEmpty()) {
            Softmax.add(counts, "first:" + words.getFirst(), BUCKETS);
            Softmax.add(counts, "last:" + words.getLast(), BUCKETS);
        }
        int n = words.size();
        Softmax.add(
                counts, "len:" + (n <= 3 ? Integer.toString(n) : n <= 6 ? "4-6" : n <= 12 ? "7-12" : "13+"), BUCKETS);
        if (raw.indexOf('?') >= 0 || raw.indexOf('\u00bf') >= 0) {
            Softmax.add(counts, "asks", BUCKETS);
        }
        if (raw.indexOf('!') >= 0) {
            Softmax.add(counts, "exclaims", BUCKETS);
        }
        raw.codePoints()
                .filter(TurnClassifier::isPictograph)
                .distinct()
                .forEach(cp -> Softmax.add(counts, "emoji:" + Integer.toHexString(cp), BUCKETS));
        return Softmax.features(meaning, counts, 1f);
    }

    /** An emoji or another pictograph ("👍", "🙏", "☺"): a turn of only these still says something. */
    static boolean isPictograph(int cp) {
        return cp >= 0x1F000 && cp <= 0x1FAFF || cp >= 0x2600 && cp <= 0x27BF;
    }

    /** One training example. */
    record Example(String text, float[] meaning, String label, double weight) {}

    /** Trains on the examples; every class appears in {@code labels}, {@link #QUESTION} first. */
    static TurnClassifier train(
            String encoder,
            int dimensions,
            List<String> labels,
            List<Example> examples,
            int epochs,
            double l2,
            long seed) {
        List<Softmax.Sample> samples = new ArrayList<>();
        for (Example example : examples) {
            int label = labels.indexOf(example.label());
            if (label < 0) {
                throw new IllegalArgumentException("no class " + example.label());
            }
            samples.add(new Softmax.Sample(features(example.text(), example.meaning()), label, example.weight()));
        }
        return new TurnClassifier(
                encoder,
                dimensions,
                labels,
                Softmax.train(samples, labels.size(), dimensions, BUCKETS, epochs, l2, seed),
                0.5,
                0,
                java.util.Set.of());
    }

    /** The shipped model; empty when there is none (then only the small-talk patterns recognise conversational turns). */
    static Optional<TurnClassifier> shipped() {
        return shipped(RESOURCE);
    }

    /** The shipped model of this name beside this class; empty when there is none. */
    static Optional<TurnClassifier> shipped(String resource) {
        return SHIPPED.computeIfAbsent(resource, name -> {
            try (InputStream in = TurnClassifier.class.getResourceAsStream(name)) {
                return Optional.ofNullable(in == null ? null : read(in));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("the shipped model " + name + " cannot be read", e);
            }
        });
    }

    /** Writes the model (gzip); only the weights that are not zero of the surface. */
    void write(OutputStream out) throws IOException {
        GZIPOutputStream zip = new GZIPOutputStream(out);
        DataOutputStream data = new DataOutputStream(new java.io.BufferedOutputStream(zip));
        data.writeInt(MAGIC);
        data.writeUTF(encoder);
        data.writeInt(dimensions);
        data.writeDouble(threshold);
        data.writeDouble(quietBelow);
        data.writeInt(labels.size());
        for (String label : labels) {
            data.writeUTF(label);
            data.writeBoolean(quietable.contains(label));
        }
        for (float[] row : weights) {
            int nonZero = 0;
            for (float v : row) {
                nonZero += v != 0 ? 1 : 0;
            }
            data.writeInt(nonZero);
            for (int i = 0; i < row.length; i++) {
                if (row[i] != 0) {
                    data.writeInt(i);
                    data.writeFloat(row[i]);
                }
            }
        }
        data.flush();
        zip.finish();
    }

    static TurnClassifier read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(new java.io.BufferedInputStream(new GZIPInputStream(in)));
        if (data.readInt() != MAGIC) {
            throw new IOException("not a turn model");
        }
        String encoder = data.readUTF();
        int dimensions = data.readInt();
        double threshold = data.readDouble();
        double quietBelow = data.readDouble();
        int classes = data.readInt();
        List<String> labels = new ArrayList<>();
        java.util.Set<String> quietable = new java.util.HashSet<>();
        for (int c = 0; c < classes; c++) {
            labels.add(data.readUTF());
            if (data.readBoolean()) {
                quietable.add(labels.getLast());
            }
        }
        float[][] weights = new float[classes][dimensions + BUCKETS + 1];
        for (int c = 0; c < classes; c++) {
            int nonZero = data.readInt();
            for (int k = 0; k < nonZero; k++) {
                weights[c][data.readInt()] = data.readFloat();
            }
        }
        return new TurnClassifier(encoder, dimensions, labels, weights, threshold, quietBelow, quietable);
    }
}
