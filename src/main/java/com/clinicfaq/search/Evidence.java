package com.clinicfaq.search;

import java.util.List;

/**
 * Everything the engine knows about a question before deciding how to answer it.
 *
 * @param corrected the question after spelling correction
 * @param unknownShare the share of its meaningful words the knowledge base never uses
 * @param candidates the items that might answer it, in no particular order
 */
record Evidence(String corrected, double unknownShare, List<Candidate> candidates) {}
