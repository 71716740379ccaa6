package com.clinicfaq.policy;

/**
 * The safety rules the bot applies now; they change when staff publish a new version. Owned here, below the
 * conversation module that asks it and the curation module that supplies it, as {@code knowledge.CurrentKnowledge} is.
 */
public interface CurrentPolicy {

    ConversationPolicy policy();
}
