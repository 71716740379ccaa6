package com.clinicfaq.conversation;

/** Where a conversation stands with the staff follow-up; {@link Dialogue} has every move between these. */
public enum Stage {
    /** Questions and answers. */
    CHATTING,
    /** The bot has offered a staff follow-up and waits for yes or no. */
    OFFERED,
    /** The visitor accepted; the contact form is open. */
    FORM_OPEN
}
