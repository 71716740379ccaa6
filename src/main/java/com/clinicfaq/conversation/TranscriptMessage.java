package com.clinicfaq.conversation;

import java.time.Instant;

/**
 * One stored message of a conversation: the visitor's ({@code bot} null) or the bot's.
 *
 * @param seq its place in the conversation, from 1
 */
public record TranscriptMessage(int seq, String visitorText, BotMessage bot, Instant sentAt) {

    public boolean fromVisitor() {
        return bot == null;
    }
}
