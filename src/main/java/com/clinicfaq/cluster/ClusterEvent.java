package com.clinicfaq.cluster;

/**
 * Something another instance did: a kind and the id of what it is about, never personal data.
 * Published as an application event on every other instance.
 */
public record ClusterEvent(String kind, String ref) {

    public static final String HANDOFF_REQUESTED = "handoff.requested";
    public static final String KNOWLEDGE_PUBLISHED = "knowledge.published";
}
