package com.clinicfaq.curation.web;

import com.clinicfaq.curation.KnowledgePublisher;
import com.clinicfaq.curation.SafetyNet;
import java.util.List;

/**
 * What became of a publish or a restore, as the page shows it.
 *
 * @param kind "published", "invalid" or "refused"
 * @param version the version now live, when published
 * @param message for files that do not read: the file and line at fault
 * @param failures for a refused change: the failing cases
 * @param figures what the safety net measured
 */
record PublishResult(String kind, Long version, Long restoredFrom, boolean overridden, String message,
        List<SafetyNet.Failure> failures, List<String> figures) {

    static PublishResult of(KnowledgePublisher.Outcome outcome) {
        return switch (outcome) {
            case KnowledgePublisher.Outcome.Published published -> new PublishResult("published", published.version().id(),
                    published.version().restoredFrom(), published.version().overridden(), null,
                    published.report().failures(), published.report().figures());
            case KnowledgePublisher.Outcome.Invalid invalid -> new PublishResult("invalid", null, null, false, invalid.message(),
                    List.of(), List.of());
            case KnowledgePublisher.Outcome.Refused refused -> new PublishResult("refused", null, null, false, null,
                    refused.report().failures(), refused.report().figures());
        };
    }

    public boolean published() {
        return kind.equals("published");
    }
}
