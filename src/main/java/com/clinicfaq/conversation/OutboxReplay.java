package com.clinicfaq.conversation;

import com.clinicfaq.handoff.HandoffService;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes what the {@link Outbox} holds to the database as soon as it can be reached again, entry by entry
 * in order, each once: an entry the database already has (offered again after a crash) is skipped.
 */
@Component
class OutboxReplay {

    private static final Logger log = LoggerFactory.getLogger(OutboxReplay.class);

    private final Outbox outbox;
    private final Transcripts transcripts;
    private final HandoffService handoffs;
    private final TransactionTemplate transaction;

    OutboxReplay(Outbox outbox, Transcripts transcripts, HandoffService handoffs, TransactionTemplate transaction) {
        this.outbox = outbox;
        this.transcripts = transcripts;
        this.handoffs = handoffs;
        this.transaction = transaction;
    }

    /** @return how many entries were written */
    @Scheduled(initialDelay = 0, fixedDelayString = "${clinicfaq.outbox.replay-interval:2s}")
    int replay() {
        return outbox.mayHoldEntries() ? replayHeld() : 0;
    }

    private synchronized int replayHeld() {
        if (outbox.isEmpty()) {
            return 0;
        }
        List<Outbox.Entry> entries = outbox.pending();
        int written = 0;
        try {
            for (Outbox.Entry entry : entries) {
                transaction.executeWithoutResult(status -> write(entry));
                written++;
            }
        } catch (DataAccessException | TransactionException e) {
            log.warn(
                    "The database is still out of reach: {} of {} outbox entries written ({})",
                    written,
                    entries.size(),
                    e.getClass().getSimpleName());
        } finally {
            if (written > 0) {
                outbox.written(written);
            }
        }
        if (written > 0) {
            log.info("{} outbox entries written to the database", written);
        }
        return written;
    }

    /** Writes one entry; a state entry only ever follows one that stored its conversation. */
    private void write(Outbox.Entry entry) {
        switch (entry) {
            case Outbox.Entry.Started started -> transcripts.createIfMissing(started.conversation(), started.at());
            case Outbox.Entry.Visitor visitor -> {
                transcripts.createIfMissing(visitor.conversation(), visitor.at());
                if (visitor.clientId() == null
                        || transcripts
                                .seqOfClientMessage(visitor.conversation(), visitor.clientId())
                                .isEmpty()) {
                    transcripts.appendVisitor(visitor.conversation(), visitor.clientId(), visitor.text(), visitor.at());
                }
            }
            case Outbox.Entry.Bot bot -> {
                transcripts.createIfMissing(bot.conversation(), bot.at());
                if (!transcripts.hasBotMessage(
                        bot.conversation(), bot.at(), bot.bot().text())) {
                    transcripts.appendBot(bot.conversation(), bot.bot(), bot.at());
                }
            }
            case Outbox.Entry.State state ->
                transcripts.update(state.conversation(), state.stage(), state.topic(), state.emergency(), state.at());
            case Outbox.Entry.Handoff handoff -> {
                transcripts.createIfMissing(handoff.conversation(), handoff.at());
                handoffs.storeTakenDuringOutage(
                        handoff.handoffId(), handoff.conversation(), handoff.form(), handoff.emergency(), handoff.at());
            }
        }
    }
}
