package com.clinicfaq.policy;

import com.clinicfaq.search.OnnxEmbedder;
import java.util.List;

/** The real embedding model as the policy's encoder, for tests that read meaning as the service does. */
final class Encoders {

    private Encoders() {}

    static SentenceEncoder of(OnnxEmbedder model) {
        return new SentenceEncoder() {
            @Override
            public List<float[]> encode(List<String> sentences) {
                return model.embedAll(sentences);
            }

            @Override
            public String model() {
                return model.model();
            }
        };
    }
}
