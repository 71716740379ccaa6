package com.clinicfaq.curation.web;

import com.clinicfaq.audit.AuditLog;
import com.clinicfaq.curation.ArticleChecks;
import com.clinicfaq.curation.KnowledgeEditor;
import com.clinicfaq.curation.KnowledgeFiles;
import com.clinicfaq.curation.KnowledgePublisher;
import com.clinicfaq.curation.KnowledgeVersions;
import com.clinicfaq.curation.LiveKnowledge;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Publishing the shared draft after reviewing what it changes, and the published versions: what each changed,
 * and restoring one in a step. Both go through the safety net; an administrator may publish over failing checks
 * with a reason. A change that would answer wrong check questions the live version answers right is shown with
 * those questions and published only once an editor confirms them. Every publish, restore, override and
 * confirmation is audited.
 */
@Controller
class PublishingController {

    static final int VERSIONS_SHOWN = 100;
    static final int COMMENT_MAX = 500;
    static final int REASON_MAX = 150;
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** A version as the list shows it. */
    record VersionRow(
            long id, String when, String by, String comment, Long restoredFrom, boolean overridden, boolean live) {}

    private final KnowledgeEditor editor;
    private final KnowledgePublisher publisher;
    private final KnowledgeVersions versions;
    private final LiveKnowledge live;
    private final AuditLog audit;

    PublishingController(
            KnowledgeEditor editor,
            KnowledgePublisher publisher,
            KnowledgeVersions versions,
            LiveKnowledge live,
            AuditLog audit) {
        this.editor = editor;
        this.publisher = publisher;
        this.versions = versions;
        this.live = live;
        this.audit = audit;
    }

    @GetMapping("/staff/knowledge/publish")
    String publishPage(Model model) {
        return publishPage(model, null);
    }

    @PostMapping("/staff/knowledge/publish")
    String publish(
            @RequestParam String draft,
            @RequestParam(defaultValue = "") String comment,
            @RequestParam(defaultValue = "false") boolean override,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "") String confirm,
            Principal staff,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        boolean overriding = PublishingPages.override(override, request);
        model.addAttribute("comment", comment);
        model.addAttribute("reason", reason);
        String problem = comment.isBlank()
                ? "Say in the comment what the change is and why."
                : comment.length() > COMMENT_MAX
                        ? "The comment is longer than " + COMMENT_MAX + " characters."
                        : overriding ? reasonProblem(reason) : null;
        HttpStatus status = HttpStatus.BAD_REQUEST;
        if (problem == null && !editor.hasChanges()) {
            problem = "There is nothing to publish: the draft is the same as version " + live.version() + ".";
            status = HttpStatus.CONFLICT;
        } else if (problem == null && !editor.draft().files().hash().equals(draft)) {
            problem = "The draft changed since the page was shown. Review the changes below, then publish again.";
            status = HttpStatus.CONFLICT;
        }
        if (problem != null) {
            response.setStatus(status.value());
            return publishPage(model, problem);
        }
        KnowledgePublisher.Outcome outcome = editor.publish(staff.getName(), comment.strip(), overriding, confirm);
        PublishResult result = PublishResult.of(outcome);
        if (outcome instanceof KnowledgePublisher.Outcome.Published published) {
            KnowledgeVersions.Version version = published.version();
            audit.record(staff.getName(), "KNOWLEDGE_PUBLISHED", "version " + version.id() + ": " + version.comment());
            auditOverride(staff, version, reason);
            auditConfirmed(staff, published);
            model.addAttribute("comment", "");
            model.addAttribute("reason", "");
        } else {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        }
        model.addAttribute("result", result);
        return publishPage(model, null);
    }

    @PostMapping("/staff/knowledge/discard")
    String discard(RedirectAttributes redirect) {
        editor.discard();
        redirect.addFlashAttribute("notice", "The draft was discarded.");
        return "redirect:/staff/knowledge/publish";
    }

    @GetMapping("/staff/knowledge/versions")
    String versions(Model model) {
        long liveVersion = live.version();
        model.addAttribute(
                "versions",
                versions.list(VERSIONS_SHOWN).stream()
                        .map(v -> row(v, liveVersion))
                        .toList());
        model.addAttribute("liveVersion", liveVersion);
        model.addAttribute("shown", VERSIONS_SHOWN);
        return "staff/knowledge/versions";
    }

    @GetMapping("/staff/knowledge/versions/{id}")
    String version(@PathVariable long id, Model model) {
        return versionPage(id, model);
    }

    @PostMapping("/staff/knowledge/versions/{id}/restore")
    String restore(
            @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean override,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "") String confirm,
            Principal staff,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        boolean overriding = PublishingPages.override(override, request);
        versions.find(id)
                .orElseThrow(
                        () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no version " + id + "."));
        model.addAttribute("reason", reason);
        String problem = overriding ? reasonProblem(reason) : null;
        if (problem != null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problem", problem);
            return versionPage(id, model);
        }
        KnowledgePublisher.Outcome outcome = publisher.restore(id, staff.getName(), overriding, confirm);
        if (outcome instanceof KnowledgePublisher.Outcome.Published published) {
            audit.record(
                    staff.getName(),
                    "KNOWLEDGE_RESTORED",
                    "version " + published.version().id() + " restores version " + id);
            auditOverride(staff, published.version(), reason);
            auditConfirmed(staff, published);
            model.addAttribute("reason", "");
        } else {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        }
        model.addAttribute("result", PublishResult.of(outcome));
        return versionPage(id, model);
    }

    private String publishPage(Model model, String problem) {
        KnowledgeVersions.Draft draft = editor.draft();
        KnowledgeFiles liveFiles = live.get().files();
        model.addAttribute("problem", problem);
        model.addAttribute("live", row(versions.find(live.version()).orElseThrow(), live.version()));
        model.addAttribute("draft", draft);
        model.addAttribute("draftHash", draft.files().hash());
        model.addAttribute("hasChanges", editor.hasChanges());
        model.addAttribute("changes", FileChanges.of(KnowledgeEditor.diff(liveFiles, draft.files())));
        model.addAttribute("commentMax", COMMENT_MAX);
        model.addAttribute("reasonMax", REASON_MAX);
        addIfAbsent(model, Map.of("comment", "", "reason", ""));
        return "staff/knowledge/publish";
    }

    private String versionPage(long id, Model model) {
        KnowledgeVersions.Version version = versions.find(id)
                .orElseThrow(
                        () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no version " + id + "."));
        KnowledgeVersions.Version previous = versions.previous(id).orElse(null);
        KnowledgeFiles before = previous == null ? new KnowledgeFiles(Map.of()) : versions.files(previous.id());
        long liveVersion = live.version();
        model.addAttribute("version", row(version, liveVersion));
        model.addAttribute("previous", previous == null ? null : previous.id());
        model.addAttribute("changes", FileChanges.of(KnowledgeEditor.diff(before, versions.files(id))));
        model.addAttribute("liveVersion", liveVersion);
        model.addAttribute("reasonMax", REASON_MAX);
        addIfAbsent(model, Map.of("reason", ""));
        return "staff/knowledge/versions-detail";
    }

    private void auditOverride(Principal staff, KnowledgeVersions.Version version, String reason) {
        if (version.overridden()) {
            audit.record(staff.getName(), "KNOWLEDGE_OVERRIDE", "version " + version.id() + ": " + reason.strip());
        }
    }

    /**
     * An editor published answers now wrong knowingly, having confirmed them: how many, of which articles (ids only,
     * never the questions, which may be a visitor's words).
     */
    private void auditConfirmed(Principal staff, KnowledgePublisher.Outcome.Published published) {
        List<ArticleChecks.Result> wrong = published.report().articles().stream()
                .filter(a -> !a.nowWrong().isEmpty())
                .toList();
        if (!wrong.isEmpty() && !published.version().overridden()) {
            audit.record(
                    staff.getName(),
                    "KNOWLEDGE_CHANGES_CONFIRMED",
                    "version " + published.version().id() + ": "
                            + wrong.stream().mapToInt(a -> a.nowWrong().size()).sum()
                            + " check question(s) answered right before and wrong now, of "
                            + String.join(
                                    ", ",
                                    wrong.stream()
                                            .map(ArticleChecks.Result::articleId)
                                            .toList()));
        }
    }

    private static String reasonProblem(String reason) {
        return reason.isBlank()
                ? "To publish over failing checks, give the reason."
                : reason.length() > REASON_MAX ? "The reason is longer than " + REASON_MAX + " characters." : null;
    }

    private static VersionRow row(KnowledgeVersions.Version v, long liveVersion) {
        return new VersionRow(
                v.id(),
                WHEN.format(v.createdAt()),
                v.createdBy(),
                v.comment(),
                v.restoredFrom(),
                v.overridden(),
                v.id() == liveVersion);
    }

    private static void addIfAbsent(Model model, Map<String, Object> defaults) {
        defaults.forEach((name, value) -> {
            if (!model.containsAttribute(name)) {
                model.addAttribute(name, value);
            }
        });
    }
}
