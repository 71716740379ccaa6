package com.clinicfaq.search;

import java.util.List;

/**
 * Everything the engine knows about a question before deciding how to answer it.
 *
 * @param corrected the question after spelling correction
 * @param unknownShare the share of its meaningful words the knowledge base never uses
 * @param candidates the items that might answer it, in no particular order
 * @param generic the vector of the question without its procedure's names, when it names the one article it is
 *     scoped to (embedded once, read by the ranking and by the out-of-scope topics); null otherwise
 * @param vector the vector of {@code corrected}, for reading the same question again within one article without
 *     embedding it again; null when not known
 */
record Evidence(String corrected, double unknownShare, List<Candidate> candidates, float[] generic, float[] vector) {

    Evidence(String corrected, double unknownShare, List<Candidate> candidates) {
        this(corrected, unknownShare, candidates, null, null);
    }
}
