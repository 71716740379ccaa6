/**
 * Conversations: each visitor message goes through the safety policy and the answer engine, and
 * every message, the visitor's and the bot's, is stored before the visitor hears of it. Public API:
 * {@link com.clinicfaq.conversation.ConversationService} and the records it returns;
 * {@code conversation.web} carries it over the WebSocket protocol (docs/protocol.md).
 */
package com.clinicfaq.conversation;
