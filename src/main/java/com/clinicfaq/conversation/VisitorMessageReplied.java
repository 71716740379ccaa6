package com.clinicfaq.conversation;

import java.util.UUID;

/**
 * Published once a visitor's message and the bot's replies to it are stored, describing the first
 * reply, which is the message's outcome. Kinds and ids only, never the visitor's or the bot's text.
 *
 * @param confidence the answer engine's confidence behind the reply, when it came from the knowledge base
 * @param ruleId the knowledge item, out-of-scope topic or policy rule behind the reply ("" when none)
 * @param emergency whether the reply is urgent guidance
 */
public record VisitorMessageReplied(
        UUID conversationId, BotMessage.Kind reply, Double confidence, String ruleId, boolean emergency) {}
