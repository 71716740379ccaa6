/**
 * Conversations: each visitor message goes through the safety policy and the answer engine, and
 * every message, the visitor's and the bot's, is stored before the visitor hears of it. Public API:
 * {@link com.clinicfaq.conversation.ConversationService} and the records it returns;
 * {@code conversation.web} carries it over the WebSocket protocol (docs/protocol.md). It also offers
 * {@link com.clinicfaq.conversation.VisitorTurns} (what visitors did right after an answer, the turns that failed with an
 * error) from its own tables, so that curation does not read them. It asks what is live through
 * {@code knowledge.CurrentKnowledge} and {@code policy.CurrentPolicy}, which curation supplies: it depends on nothing
 * of curation's.
 */
package com.clinicfaq.conversation;
