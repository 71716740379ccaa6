package com.clinicfaq.conversation;

import java.util.UUID;

/** Published once a new conversation is stored (not when one is resumed): its id only. */
public record ConversationStarted(UUID conversationId) {}
