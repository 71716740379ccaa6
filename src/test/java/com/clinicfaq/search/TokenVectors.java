package com.clinicfaq.search;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * An experiment (issue #14): the MiniLM model's vector of each word piece in its context, before they are averaged into
 * the sentence's vector, so that each word of a question can be matched with the closest word of a candidate ("soft"
 * word matching, as BERTScore does). Test scope only.
 */
final class TokenVectors implements AutoCloseable {

    private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final Map<String, float[][]> known = new HashMap<>();
    private static final Set<?> STOP = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;

    TokenVectors() throws Exception {
        try (InputStream model = OnnxEmbedder.class.getResourceAsStream("/all-minilm-l6-v2-q.onnx");
                InputStream tokens = OnnxEmbedder.class.getResourceAsStream("/all-minilm-l6-v2-q-tokenizer.json")) {
            var options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            session = environment.createSession(model.readAllBytes(), options);
            tokenizer = HuggingFaceTokenizer.newInstance(tokens, Map.of("padding", "false", "truncation", "true"));
        }
    }

    /** The normalised vectors of the text's content word pieces (no stop words, punctuation or special tokens). */
    synchronized float[][] of(String text) {
        return known.computeIfAbsent(text, this::compute);
    }

    private float[][] compute(String text) {
        try {
            Encoding encoding = tokenizer.encode(text);
            long[] ids = encoding.getIds();
            long[][] shape = {ids};
            Map<String, OnnxTensor> inputs = new HashMap<>();
            inputs.put("input_ids", OnnxTensor.createTensor(environment, shape));
            inputs.put(
                    "attention_mask", OnnxTensor.createTensor(environment, new long[][] {encoding.getAttentionMask()}));
            if (session.getInputNames().contains("token_type_ids")) {
                inputs.put(
                        "token_type_ids", OnnxTensor.createTensor(environment, new long[][] {encoding.getTypeIds()}));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                float[][] hidden = ((float[][][]) result.get(0).getValue())[0];
                String[] tokens = encoding.getTokens();
                List<float[]> kept = new ArrayList<>();
                for (int i = 0; i < tokens.length; i++) {
                    String t = tokens[i];
                    if (t.startsWith("[") || !t.matches("(##)?[a-z0-9]+") || STOP.contains(t.toCharArray())) {
                        continue;
                    }
                    kept.add(normalise(hidden[i]));
                }
                return kept.toArray(float[][]::new);
            } finally {
                inputs.values().forEach(OnnxTensor::close);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static float[] normalise(float[] v) {
        double n = 0;
        for (float f : v) {
            n += f * f;
        }
        float[] out = new float[v.length];
        double s = Math.sqrt(n);
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / s);
        }
        return out;
    }

    /** The mean over the question's pieces of its closest piece in the candidate (BERTScore's recall). */
    static double recall(float[][] question, float[][] candidate) {
        if (question.length == 0 || candidate.length == 0) {
            return 0;
        }
        double sum = 0;
        for (float[] q : question) {
            double best = -1;
            for (float[] p : candidate) {
                best = Math.max(best, Vectors.dot(q, p));
            }
            sum += best;
        }
        return sum / question.length;
    }

    @Override
    public void close() throws Exception {
        session.close();
    }
}
