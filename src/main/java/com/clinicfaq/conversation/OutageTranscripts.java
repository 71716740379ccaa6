package com.clinicfaq.conversation;

import com.clinicfaq.handoff.HandoffService;
import com.clinicfaq.handoff.HandoffSubmission;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Conversations while the database cannot be reached: their state from memory (each conversation's
 * last known state is remembered as it is stored), their turns and handoff requests to the {@link Outbox}.
 * Numbers continue from the last stored message, so the widget and the database agree once the entries
 * are written.
 */
@Component
class OutageTranscripts implements TranscriptStore {

    /** A conversation this instance has not seen before the outage gets numbers that cannot clash with its history. */
    static final int UNKNOWN_HISTORY = 1_000_000;

    private static final int REMEMBERED = 10_000;

    private record Known(Conversation conversation, int lastSeq, Map<String, Integer> clientSeqs) {}

    private final Outbox outbox;
    private final HandoffService handoffs;
    private final Clock clock;
    private final Map<UUID, Known> known = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Known> eldest) {
            return size() > REMEMBERED;
        }
    };

    OutageTranscripts(Outbox outbox, HandoffService handoffs, Clock clock) {
        this.outbox = outbox;
        this.handoffs = handoffs;
        this.clock = clock;
    }

    /**
     * The state of a conversation as just stored in the database, and the number of its last message (null when
     * the turn stored none: the number known before stays).
     */
    synchronized void remember(Conversation conversation, Integer lastSeq) {
        Known before = known.get(conversation.id());
        int seq = lastSeq != null ? lastSeq : before != null ? before.lastSeq() : UNKNOWN_HISTORY;
        known.put(conversation.id(), new Known(conversation, seq, new HashMap<>()));
    }

    @Override
    public synchronized Conversation create(UUID id, Instant now) {
        Conversation conversation = new Conversation(id, now, now, false, Dialogue.START, null);
        outbox.append(new Outbox.Entry.Started(conversation.id(), now));
        known.put(conversation.id(), new Known(conversation, 0, new HashMap<>()));
        return conversation;
    }

    /** A conversation open on this instance is known; one that is not continues with a fresh state. */
    @Override
    public synchronized Optional<Conversation> find(UUID id) {
        Known state = known.computeIfAbsent(id, unknown -> {
            Instant now = clock.instant();
            outbox.append(new Outbox.Entry.Started(unknown, now));
            return new Known(
                    new Conversation(unknown, now, now, false, Dialogue.START, null), UNKNOWN_HISTORY, new HashMap<>());
        });
        return Optional.of(state.conversation());
    }

    @Override
    public synchronized void update(UUID id, Stage stage, String topicArticle, boolean emergency, Instant now) {
        outbox.append(new Outbox.Entry.State(id, now, stage, topicArticle, emergency));
        Known state = known.get(id);
        Conversation before = state.conversation();
        known.put(
                id,
                new Known(
                        new Conversation(
                                id, before.startedAt(), now, before.emergency() || emergency, stage, topicArticle),
                        state.lastSeq(),
                        state.clientSeqs()));
    }

    @Override
    public synchronized Optional<Integer> seqOfClientMessage(UUID conversation, String clientId) {
        return Optional.ofNullable(known.get(conversation))
                .map(k -> k.clientSeqs().get(clientId));
    }

    @Override
    public synchronized int appendVisitor(UUID conversation, String clientId, String text, Instant now) {
        outbox.append(new Outbox.Entry.Visitor(conversation, now, clientId, text));
        int seq = next(conversation);
        if (clientId != null) {
            known.get(conversation).clientSeqs().put(clientId, seq);
        }
        return seq;
    }

    @Override
    public synchronized TranscriptMessage appendBot(UUID conversation, BotMessage bot, Instant now) {
        outbox.append(new Outbox.Entry.Bot(conversation, now, bot));
        return new TranscriptMessage(next(conversation), null, bot, now);
    }

    /** A handoff request kept in the outbox: the visitor is told it is received, and it reaches staff once written. */
    synchronized HandoffService.Result submit(
            UUID conversation, HandoffSubmission form, boolean emergency, Instant now) {
        Map<String, String> errors = handoffs.check(form);
        if (!errors.isEmpty()) {
            return new HandoffService.Result.Invalid(errors);
        }
        UUID id = UUID.randomUUID();
        outbox.append(new Outbox.Entry.Handoff(conversation, now, id, form, emergency));
        return new HandoffService.Result.Stored(id);
    }

    private int next(UUID conversation) {
        Known state = known.get(conversation);
        known.put(conversation, new Known(state.conversation(), state.lastSeq() + 1, state.clientSeqs()));
        return state.lastSeq() + 1;
    }
}
