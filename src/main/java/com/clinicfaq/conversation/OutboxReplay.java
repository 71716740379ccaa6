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
            log.warn("The database is still out of reach: {} of {} outbox entries written ({})", written, entries.size(),
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

    private void write(Outbox.Entry entry) {
        switch (entry.op()) {
            case CONVERSATION -> transcripts.createIfMissing(entry.conversation(), entry.at());
            case VISITOR -> {
                transcripts.createIfMissing(entry.conversation(), entry.at());
                if (entry.clientId() == null || transcripts.seqOfClientMessage(entry.conversation(), entry.clientId()).isEmpty()) {
                    transcripts.appendVisitor(entry.conversation(), entry.clientId(), entry.text(), entry.at());
                }
            }
            case BOT -> {
                transcripts.createIfMissing(entry.conversation(), entry.at());
                if (!transcripts.hasBotMessage(entry.conversation(), entry.at(), entry.bot().text())) {
                    transcripts.appendBot(entry.conversation(), entry.bot(), entry.at());
                }
            }
            case STATE -> transcripts.update(entry.conversation(), entry.stage(), entry.topic(), entry.emergency(), entry.at());
            case HANDOFF -> {
                transcripts.createIfMissing(entry.conversation(), entry.at());
                handoffs.storeTakenDuringOutage(entry.handoffId(), entry.conversation(), entry.form(), entry.emergency(), entry.at());
            }
        }
    }
}
