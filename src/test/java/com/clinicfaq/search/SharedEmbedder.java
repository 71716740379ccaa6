package com.clinicfaq.search;

/** One embedding model for all tests in a JVM: loading it takes about a second. */
final class SharedEmbedder {

    static final Embedder INSTANCE = OnnxEmbedder.allMiniLmL6V2();

    private SharedEmbedder() {}
}
