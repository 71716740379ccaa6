/**
 * Conversations: each visitor message goes through the safety policy and the answer engine, and
 * every message, the visitor's and the bot's, is stored before the visitor hears of it. Public API:
 * {@link com.clinicfaq.conversation.ConversationService} and the records it returns;
 * {@code conversation.web} carries it over the WebSocket protocol (docs/protocol.md). It also supplies curation's
 * {@link com.clinicfaq.curation.VisitorTurns} (what visitors did right after an answer, the turns that failed with an
 * error) from its own tables, so that curation does not read them.
 */
package com.clinicfaq.conversation;
