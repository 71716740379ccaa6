package com.clinicfaq.curation.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicfaq.curation.KnowledgeEditor;
import com.clinicfaq.curation.KnowledgePublisher;
import com.clinicfaq.curation.LiveKnowledge;
import org.springframework.context.ApplicationContext;

/** Puts the knowledge base back as a test found it: the draft discarded, the version then in force published again. */
final class KnowledgeBaseGuard {

    private final KnowledgeEditor editor;
    private final KnowledgePublisher publisher;
    private final LiveKnowledge live;
    final long versionBefore;

    KnowledgeBaseGuard(ApplicationContext context) {
        this.editor = context.getBean(KnowledgeEditor.class);
        this.publisher = context.getBean(KnowledgePublisher.class);
        this.live = context.getBean(LiveKnowledge.class);
        this.versionBefore = live.version();
    }

    void restore() {
        editor.discard();
        if (live.version() != versionBefore) {
            assertThat(publisher.restore(versionBefore, "test", true))
                    .isInstanceOf(KnowledgePublisher.Outcome.Published.class);
        }
    }
}
