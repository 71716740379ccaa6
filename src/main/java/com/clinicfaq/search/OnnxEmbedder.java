package com.clinicfaq.search;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A sentence-embedding model run in-process by ONNX Runtime. The models ship inside LangChain4j's
 * jars on Maven Central, so nothing is downloaded at run time.
 *
 * <p>Each question is embedded on the thread that asks it, with one ONNX thread: a dozen tokens are
 * too little work to share between cores, and sharing costs the other conversations their core.
 * Batches (building the index) are spread over the cores, one text per thread.
 */
public final class OnnxEmbedder implements Embedder {

    private final Model model;
    private final String name;

    private OnnxEmbedder(String modelResource, String tokenizerResource, PoolingMode pooling) {
        this.model = new Model(load(modelResource, tokenizerResource, pooling));
        this.name = modelResource.replaceAll("^/|\\.onnx$", "");
    }

    /** all-MiniLM-L6-v2, quantized: 6 layers, 384 dimensions; the one the service uses. */
    public static OnnxEmbedder allMiniLmL6V2() {
        return new OnnxEmbedder("/all-minilm-l6-v2-q.onnx", "/all-minilm-l6-v2-q-tokenizer.json", PoolingMode.MEAN);
    }

    /**
     * BAAI bge-small-en-v1.5, quantized: 12 layers, a little more accurate here and twice as slow
     * (docs/evaluation.md); its jar is on the test classpath only.
     */
    public static OnnxEmbedder bgeSmallEnV15() {
        return new OnnxEmbedder("/bge-small-en-v1.5-q.onnx", "/bge-small-en-v1.5-q-tokenizer.json", PoolingMode.CLS);
    }

    @Override
    public String model() {
        return name;
    }

    @Override
    public float[] embed(String text) {
        return model.embed(text).content().vector();
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        return model.embedAll(texts.stream().map(TextSegment::from).toList()).content().stream()
                .map(e -> e.vector())
                .toList();
    }

    private static OnnxBertBiEncoder load(String modelResource, String tokenizerResource, PoolingMode pooling) {
        try (InputStream model = resource(modelResource);
                InputStream tokenizer = resource(tokenizerResource);
                OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession session = environment.createSession(model.readAllBytes(), options);
            return new OnnxBertBiEncoder(environment, session, tokenizer, pooling);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the embedding model " + modelResource, e);
        }
    }

    private static InputStream resource(String name) {
        InputStream stream = OnnxEmbedder.class.getResourceAsStream(name);
        if (stream == null) {
            throw new IllegalStateException(name + " is missing from the classpath");
        }
        return stream;
    }

    private static final class Model extends AbstractInProcessEmbeddingModel {

        private final OnnxBertBiEncoder encoder;

        Model(OnnxBertBiEncoder encoder) {
            super(null); // batches use LangChain4j's default pool of one thread per core
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }
    }
}
