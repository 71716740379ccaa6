package com.clinicfaq.curation.web;

import com.clinicfaq.curation.ArticleChecks;
import com.clinicfaq.curation.KnowledgePublisher;
import com.clinicfaq.curation.SafetyNet;
import java.util.List;

/**
 * What became of a publish or a restore, as the page shows it.
 *
 * @param kind "published", "invalid" or "refused"
 * @param version the version now live, when published
 * @param message for files that do not read: the file and line at fault
 * @param failures for a refused change: the failing cases, but for the answers now wrong, which {@code articles} lists
 * @param figures what the safety net measured
 * @param articles each article's check questions as the live version and the change answer them
 * @param answersNowWrong whether the change would answer wrong check questions the live version answers right, and
 *     nobody confirmed them
 * @param confirmation what confirms those very answers: the digest the page sends back
 */
record PublishResult(
        String kind,
        Long version,
        Long restoredFrom,
        boolean overridden,
        String message,
        List<SafetyNet.Failure> failures,
        List<String> figures,
        List<ArticleChecks.Result> articles,
        boolean answersNowWrong,
        String confirmation) {

    static PublishResult of(KnowledgePublisher.Outcome outcome) {
        return switch (outcome) {
            case KnowledgePublisher.Outcome.Published published ->
                of(
                        "published",
                        published.version().id(),
                        published.version().restoredFrom(),
                        published.version().overridden(),
                        published.report());
            case KnowledgePublisher.Outcome.Invalid invalid ->
                new PublishResult(
                        "invalid", null, null, false, invalid.message(), List.of(), List.of(), List.of(), false, "");
            case KnowledgePublisher.Outcome.Refused refused -> of("refused", null, null, false, refused.report());
        };
    }

    private static PublishResult of(
            String kind, Long version, Long restoredFrom, boolean overridden, SafetyNet.Report report) {
        List<SafetyNet.Failure> failures = report.failures().stream()
                .filter(f -> !f.check().equals(SafetyNet.CHANGED_ANSWERS))
                .toList();
        boolean nowWrong = report.failures().size() > failures.size();
        return new PublishResult(
                kind,
                version,
                restoredFrom,
                overridden,
                null,
                failures,
                report.figures(),
                report.articles(),
                nowWrong,
                report.nowWrongDigest());
    }

    public boolean published() {
        return kind.equals("published");
    }

    /** Refused for answers now wrong alone: an editor may confirm them and publish. */
    public boolean awaitsConfirmation() {
        return kind.equals("refused") && answersNowWrong && failures.isEmpty();
    }

    /** The articles with a check question whose answer changed from right to wrong or the reverse. */
    public List<ArticleChecks.Result> changedArticles() {
        return articles.stream()
                .filter(a -> !a.nowWrong().isEmpty() || !a.nowRight().isEmpty())
                .toList();
    }

    /** Check questions asked of the change, over all articles. */
    public int checkQuestions() {
        return articles.stream().mapToInt(a -> a.asked().size()).sum();
    }

    /** Whether the check questions were compared with a live version (not so for the first version). */
    public boolean compared() {
        return articles.stream().anyMatch(ArticleChecks.Result::compared);
    }
}
