package com.clinicfaq.conversation;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dialogue around the staff follow-up: where a conversation stands ({@link Stage}) and every move from one stage to
 * another, each allowed or refused here and nowhere else. A move is made by an {@link Event}: what the visitor answers
 * to the bot's offer or form ({@link Visitor}: a button, or the same answer typed, read by {@link #typed}), or what the
 * bot's reply to a message does ({@link Bot}). Pure Java: no Spring, no storage.
 */
final class Dialogue {

    /** Where a new conversation starts. */
    static final Stage START = Stage.CHATTING;

    private Dialogue() {}

    /** What moves a conversation from one stage to another. */
    sealed interface Event permits Visitor, Bot {}

    /** What the visitor answers to the bot's offer or form: a button, or the same answer typed ({@link #typed}). */
    enum Visitor implements Event {
        /** Yes to the offer of a staff follow-up: the contact form opens. */
        ACCEPTS,
        /** No to the offer (nothing is requested), or the open form cancelled. */
        DECLINES,
        /** The contact form, sent and stored: the request is made. */
        SENDS_FORM
    }

    /** What the bot's reply does to the follow-up. */
    enum Bot implements Event {
        /** An answer, or "which procedure?": an offer left unanswered lapses. */
        ANSWERS,
        /** Small talk that offers nothing: nothing moves. */
        CHATS,
        /** The offer of a staff follow-up (urgent guidance, a clinician's question, a question it could not answer). */
        OFFERS,
        /** The contact form at once, for a visitor who asked for a person or an appointment. */
        OPENS_FORM,
        /** The contact form again, with the fields to fix. */
        ASKS_TO_FIX_FORM
    }

    /** One allowed move. */
    record Move(Stage from, Event event, Stage to) {}

    /**
     * Every allowed move; any other pair of stage and event is refused. An open form stays open whatever the bot says,
     * until the visitor sends or cancels it.
     */
    static final List<Move> MOVES = List.of(
            new Move(Stage.CHATTING, Bot.ANSWERS, Stage.CHATTING),
            new Move(Stage.CHATTING, Bot.CHATS, Stage.CHATTING),
            new Move(Stage.CHATTING, Bot.OFFERS, Stage.OFFERED),
            new Move(Stage.CHATTING, Bot.OPENS_FORM, Stage.FORM_OPEN),
            new Move(Stage.OFFERED, Visitor.ACCEPTS, Stage.FORM_OPEN),
            new Move(Stage.OFFERED, Visitor.DECLINES, Stage.CHATTING),
            new Move(Stage.OFFERED, Bot.ANSWERS, Stage.CHATTING),
            new Move(Stage.OFFERED, Bot.CHATS, Stage.OFFERED),
            new Move(Stage.OFFERED, Bot.OFFERS, Stage.OFFERED),
            new Move(Stage.OFFERED, Bot.OPENS_FORM, Stage.FORM_OPEN),
            new Move(Stage.FORM_OPEN, Visitor.DECLINES, Stage.CHATTING),
            new Move(Stage.FORM_OPEN, Visitor.SENDS_FORM, Stage.CHATTING),
            new Move(Stage.FORM_OPEN, Bot.ANSWERS, Stage.FORM_OPEN),
            new Move(Stage.FORM_OPEN, Bot.CHATS, Stage.FORM_OPEN),
            new Move(Stage.FORM_OPEN, Bot.OFFERS, Stage.FORM_OPEN),
            new Move(Stage.FORM_OPEN, Bot.OPENS_FORM, Stage.FORM_OPEN),
            new Move(Stage.FORM_OPEN, Bot.ASKS_TO_FIX_FORM, Stage.FORM_OPEN));

    private static final Map<Stage, Map<Event, Stage>> TABLE = table();

    /** The stage {@code event} leads to from {@code from}; empty when the move is refused. */
    static Optional<Stage> next(Stage from, Event event) {
        return Optional.ofNullable(TABLE.get(from).get(event));
    }

    static boolean allows(Stage from, Event event) {
        return next(from, event).isPresent();
    }

    /**
     * The stage a move the conversation's code makes leads to.
     *
     * @throws IllegalStateException when it is refused: a mistake in that code, never the visitor's
     */
    static Stage after(Stage from, Event event) {
        return next(from, event).orElseThrow(() -> new IllegalStateException("no move on " + event + " from " + from));
    }

    /**
     * A visitor's message read as an answer to the bot's open question: "yes" or "no" to the offer, "cancel" (or "no")
     * in the form. Empty when it answers nothing (it is then a message like any other), so that the typed answer and
     * the button make the same move, allowed in this stage.
     */
    static Optional<Visitor> typed(Stage stage, String text) {
        return Optional.ofNullable(
                switch (stage) {
                    case OFFERED ->
                        Replies.isYes(text) ? Visitor.ACCEPTS : Replies.isNo(text) ? Visitor.DECLINES : null;
                    case FORM_OPEN -> Replies.isCancel(text) ? Visitor.DECLINES : null;
                    case CHATTING -> null;
                });
    }

    private static Map<Stage, Map<Event, Stage>> table() {
        Map<Stage, Map<Event, Stage>> table = new EnumMap<>(Stage.class);
        for (Stage stage : Stage.values()) {
            table.put(stage, new java.util.HashMap<>());
        }
        for (Move move : MOVES) {
            if (table.get(move.from()).put(move.event(), move.to()) != null) {
                throw new IllegalStateException("two moves on " + move.event() + " from " + move.from());
            }
        }
        table.replaceAll((stage, moves) -> Map.copyOf(moves));
        return Map.copyOf(table);
    }
}
