package com.clinicfaq.conversation;

import com.clinicfaq.handoff.HandoffService;
import com.clinicfaq.handoff.HandoffSubmission;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The failover around the transcript store: a turn is written to the database, in one transaction, after what the
 * {@link Outbox} still holds from an outage ({@link OutboxReplay}); when the database cannot be reached, the turn is
 * written to the outbox instead ({@link OutageTranscripts}), and so is every turn for
 * {@link ChatProperties#databaseRetryAfter()} before the database is tried again. Logs ids only.
 */
@Component
class TranscriptFailover {

    private static final Logger log = LoggerFactory.getLogger(TranscriptFailover.class);

    private final Store database;
    private final OutageTranscripts outage;
    private final OutboxReplay replay;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration retryAfter;
    /** While the database is out of reach, turns go straight to the outbox until this time, then it is tried again. */
    private volatile Instant databaseRetryAt = Instant.MIN;

    TranscriptFailover(
            Transcripts transcripts,
            HandoffService handoffs,
            OutageTranscripts outage,
            OutboxReplay replay,
            TransactionTemplate transaction,
            Clock clock,
            ChatProperties properties) {
        this.database = new InDatabase(transcripts, handoffs, outage);
        this.outage = outage;
        this.replay = replay;
        this.transaction = transaction;
        this.clock = clock;
        this.retryAfter = properties.databaseRetryAfter();
    }

    /** Where one turn is written. */
    sealed interface Store permits InDatabase, InOutbox {

        TranscriptStore transcripts();

        /** Stores a handoff form the visitor sent, or says which fields to fix. */
        HandoffService.Result submit(UUID conversation, HandoffSubmission form, boolean emergency);

        /** Whether this is the database (else the outbox, while the database is out of reach). */
        boolean inDatabase();

        /**
         * The conversation as the turn left it, and the number of its last message (null when the turn stored none):
         * what the outbox would continue from, should the database go out of reach before the next turn.
         */
        void stored(Conversation conversation, Integer lastSeq);
    }

    private record InDatabase(Transcripts transcripts, HandoffService handoffs, OutageTranscripts outage)
            implements Store {

        @Override
        public HandoffService.Result submit(UUID conversation, HandoffSubmission form, boolean emergency) {
            return handoffs.submit(conversation, form, emergency);
        }

        @Override
        public boolean inDatabase() {
            return true;
        }

        @Override
        public void stored(Conversation conversation, Integer lastSeq) {
            outage.remember(conversation, lastSeq);
        }
    }

    private record InOutbox(OutageTranscripts transcripts, Instant now) implements Store {

        @Override
        public HandoffService.Result submit(UUID conversation, HandoffSubmission form, boolean emergency) {
            return transcripts.submit(conversation, form, emergency, now);
        }

        @Override
        public boolean inDatabase() {
            return false;
        }

        @Override
        public void stored(Conversation conversation, Integer lastSeq) {
            // the outbox's transcripts keep their conversations' state as they write it
        }
    }

    /**
     * Writes one turn of {@code conversation}: to the database in a transaction, or to the outbox while the database is
     * out of reach.
     *
     * @param failed told of an error that is no outage (the database answered) before it is thrown on
     */
    <T> T write(UUID conversation, Function<Store, T> turn, Consumer<RuntimeException> failed) {
        if (databaseReachable()) {
            try {
                replay.replay(); // what was said during an outage is stored before what is said now
                return transaction.execute(status -> turn.apply(database));
            } catch (RuntimeException e) {
                if (!isOutage(e)) {
                    failed.accept(e);
                    throw e;
                }
            }
        }
        log.warn("Conversation {}: the database is out of reach; this turn is kept in the outbox", conversation);
        return turn.apply(new InOutbox(outage, clock.instant()));
    }

    /** What {@code read} finds in the database; empty when it finds nothing, or the database is out of reach. */
    <T> Optional<T> read(Supplier<Optional<T>> read) {
        if (!databaseReachable()) {
            return Optional.empty();
        }
        try {
            return read.get();
        } catch (RuntimeException e) {
            if (!isOutage(e)) {
                throw e;
            }
            return Optional.empty();
        }
    }

    private boolean databaseReachable() {
        return !clock.instant().isBefore(databaseRetryAt);
    }

    /** A failure to reach the database (not a mistake in a query): then the outbox takes over for a while. */
    private boolean isOutage(RuntimeException e) {
        boolean outOfReach = false;
        for (Throwable cause = e; cause != null && !outOfReach; cause = cause.getCause()) {
            outOfReach = cause instanceof org.springframework.dao.DataAccessResourceFailureException
                    || cause instanceof org.springframework.dao.TransientDataAccessException
                    || cause instanceof org.springframework.transaction.CannotCreateTransactionException
                    || cause instanceof org.springframework.transaction.TransactionSystemException
                    || cause instanceof java.sql.SQLTransientConnectionException
                    || cause instanceof java.sql.SQLNonTransientConnectionException
                    || cause instanceof java.net.SocketException;
        }
        if (outOfReach) {
            databaseRetryAt = clock.instant().plus(retryAfter);
        }
        return outOfReach;
    }
}
