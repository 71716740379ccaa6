package com.clinicfaq.search;

import org.apache.lucene.util.VectorUtil;

/** Vector arithmetic in the processor's vector instructions (Lucene's), for others that compare embeddings. */
public final class Vectors {

    private Vectors() {}

    /** The dot product of two vectors of the same length: for unit-length embeddings, their cosine similarity. */
    public static double dot(float[] a, float[] b) {
        return VectorUtil.dotProduct(a, b);
    }
}
