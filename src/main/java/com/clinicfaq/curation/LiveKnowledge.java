package com.clinicfaq.curation;

import com.clinicfaq.knowledge.CurrentKnowledge;
import com.clinicfaq.knowledge.KnowledgeBase;
import com.clinicfaq.policy.ConversationPolicy;
import com.clinicfaq.policy.CurrentPolicy;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The published version every conversation answers from: its knowledge base and its safety rules, swapped
 * together and only ever forward to a newer version.
 */
public class LiveKnowledge implements CurrentKnowledge, CurrentPolicy {

    /** One published version, parsed. */
    public record Live(long version, KnowledgeBase knowledge, ConversationPolicy policy, KnowledgeFiles files) {}

    private final AtomicReference<Live> live;

    /** Whether the first version was read from the folder at this start, on an empty database, unchecked. */
    private final boolean firstReadFromFolder;

    LiveKnowledge(Live first) {
        this(first, false);
    }

    LiveKnowledge(Live first, boolean firstReadFromFolder) {
        this.live = new AtomicReference<>(first);
        this.firstReadFromFolder = firstReadFromFolder;
    }

    boolean firstReadFromFolder() {
        return firstReadFromFolder;
    }

    public Live get() {
        return live.get();
    }

    @Override
    public KnowledgeBase knowledge() {
        return live.get().knowledge();
    }

    @Override
    public ConversationPolicy policy() {
        return live.get().policy();
    }

    public long version() {
        return live.get().version();
    }

    /** Puts {@code next} in force unless a newer version already is; returns whether it did. */
    boolean replace(Live next) {
        Live before = live.getAndUpdate(current -> next.version() > current.version() ? next : current);
        return next.version() > before.version();
    }
}
