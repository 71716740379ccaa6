package com.clinicfaq.curation.web;

import com.clinicfaq.audit.AuditLog;
import com.clinicfaq.curation.KnowledgeEditor;
import com.clinicfaq.curation.KnowledgeEditor.Change;
import com.clinicfaq.curation.KnowledgeEditor.Edited;
import com.clinicfaq.curation.KnowledgeVersions;
import com.clinicfaq.knowledge.KnowledgeBase;
import java.security.Principal;
import java.util.List;
import org.springframework.stereotype.Component;

/** Every change the console makes to the draft: made (and written to the audit log) or refused with its problems. */
@Component
class DraftEdits {

    static final String AUDIT_ACTION = "KNOWLEDGE_EDITED";

    private final KnowledgeEditor editor;
    private final AuditLog audit;

    DraftEdits(KnowledgeEditor editor, AuditLog audit) {
        this.editor = editor;
        this.audit = audit;
    }

    /** Why the change was refused; nothing when it was saved. */
    List<String> apply(Change change, Principal by) {
        return switch (editor.apply(change, by.getName())) {
            case Edited.Refused refused -> refused.problems();
            case Edited.Saved saved -> {
                audit.record(by.getName(), AUDIT_ACTION, detail(change, id(change, saved.draft())));
                yield List.of();
            }
        };
    }

    /** What a change saved, for the audit log: ids and file names only, never the text. */
    static String detail(Change change, String id) {
        return switch (change) {
            case Change.SaveFaq save -> (isBlank(save.id()) ? "new faq " : "faq ") + id;
            case Change.DeleteFaq delete -> "deleted faq " + delete.id();
            case Change.AddPhrasing add -> "phrasing added to faq " + add.faqId();
            case Change.SaveSection save ->
                (isBlank(save.anchor()) ? "new section " : "section ") + save.articleId() + "#" + id;
            case Change.DeleteSection delete -> "deleted section " + delete.articleId() + "#" + delete.anchor();
            case Change.SaveFile save -> "file " + save.path();
            case Change.AddArticle add ->
                "imported article " + id + " with " + add.imported().faqs().size() + " faqs";
            case Change.ReviewTranslation review ->
                (review.reviewed() == null ? "review withdrawn: translation " : "reviewed: translation ")
                        + review.articleId() + "." + review.language();
            case Change.SaveCheck save ->
                (isBlank(save.was()) ? "new check question of article " : "check question of article ")
                        + save.articleId();
            case Change.DeleteCheck delete -> "deleted a check question of article " + delete.articleId();
            case Change.ProposeChecks propose -> "check questions proposed for article " + propose.articleId();
        };
    }

    /** The id of what was saved; for something new, as the editor made it, read from the saved draft. */
    private static String id(Change change, KnowledgeVersions.Draft saved) {
        return switch (change) {
            case Change.SaveFaq save
            when isBlank(save.id()) -> {
                KnowledgeBase knowledge = saved.files().parse().knowledge();
                yield knowledge.faqs().stream()
                        .filter(f -> f.articleId().equals(save.articleId())
                                && f.question().equals(collapsed(save.question())))
                        .map(f -> f.id())
                        .findFirst()
                        .orElse("");
            }
            case Change.SaveFaq save -> save.id();
            case Change.SaveSection save
            when isBlank(save.anchor()) -> {
                KnowledgeBase knowledge = saved.files().parse().knowledge();
                yield knowledge.article(save.articleId()).stream()
                        .flatMap(a -> a.sections().stream())
                        .filter(s -> s.title().equals(collapsed(save.title())))
                        .map(s -> s.anchor())
                        .reduce((first, last) -> last)
                        .orElse("");
            }
            case Change.SaveSection save -> save.anchor();
            case Change.AddArticle add -> add.imported().article().id();
            case Change.DeleteFaq delete -> delete.id();
            case Change.AddPhrasing add -> add.faqId();
            case Change.DeleteSection delete -> delete.anchor();
            case Change.SaveFile save -> save.path();
            case Change.ReviewTranslation review ->
                com.clinicfaq.knowledge.Translation.path(review.articleId(), review.language());
            case Change.SaveCheck save -> save.articleId();
            case Change.DeleteCheck delete -> delete.articleId();
            case Change.ProposeChecks propose -> propose.articleId();
        };
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static String collapsed(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }
}
