package com.clinicfaq.curation.web;

import com.clinicfaq.curation.KnowledgeFiles;
import com.clinicfaq.curation.KnowledgePublisher;
import java.util.function.Function;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The draft read and indexed on its own, kept while the draft stays the same so that trying one question after
 * another is quick; a changed draft builds a new one and closes the old. Used under a lock, which also keeps a
 * preview from being closed while a question is asked of it (staff try a question now and then, not many at once).
 */
@Component
class DraftPreview implements DisposableBean {

    private final KnowledgePublisher publisher;
    private String hash;
    private KnowledgePublisher.Preview preview;

    DraftPreview(KnowledgePublisher publisher) {
        this.publisher = publisher;
    }

    /**
     * @throws KnowledgeFiles.Invalid when the files do not read
     */
    synchronized <T> T use(KnowledgeFiles draft, Function<KnowledgePublisher.Preview, T> question) {
        String draftHash = draft.hash();
        if (!draftHash.equals(hash)) {
            close();
            preview = publisher.preview(draft);
            hash = draftHash;
        }
        return question.apply(preview);
    }

    @Override
    public synchronized void destroy() {
        close();
    }

    private void close() {
        if (preview != null) {
            preview.close();
            preview = null;
            hash = null;
        }
    }
}
