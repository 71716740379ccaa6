package com.clinicfaq.curation.web;

import com.clinicfaq.curation.KnowledgeEditor;
import com.clinicfaq.curation.KnowledgeFiles;
import com.clinicfaq.curation.KnowledgeZip;
import com.clinicfaq.curation.LiveKnowledge;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The knowledge base as files, to edit elsewhere: the live version downloads as a zip of the
 * {@code knowledge-base/} folder, and such a zip uploads as the draft, to review and publish as usual.
 */
@Controller
class KnowledgeFilesController {

    private final LiveKnowledge live;
    private final KnowledgeEditor editor;

    KnowledgeFilesController(LiveKnowledge live, KnowledgeEditor editor) {
        this.live = live;
        this.editor = editor;
    }

    @GetMapping("/staff/knowledge/export")
    ResponseEntity<byte[]> export() {
        LiveKnowledge.Live current = live.get();
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        KnowledgeZip.write(current.files(), zip);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("knowledge-base-version-" + current.version() + ".zip")
                                .build()
                                .toString())
                .body(zip.toByteArray());
    }

    @GetMapping("/staff/knowledge/import-files")
    String importPage(Model model) {
        return page(model, List.of());
    }

    @PostMapping("/staff/knowledge/import-files")
    String importFiles(
            @RequestParam(required = false) MultipartFile file,
            Principal staff,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect)
            throws IOException {
        List<String> problems;
        if (file == null || file.isEmpty()) {
            problems = List.of("Choose a zip file to upload.");
        } else if (file.getSize() > KnowledgeZip.MAX_BYTES) {
            problems = List.of("The file is larger than " + KnowledgeZip.MAX_BYTES / (1024 * 1024) + " MB.");
        } else {
            problems = importZip(file, staff.getName());
        }
        if (!problems.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(model, problems);
        }
        redirect.addFlashAttribute(
                "notice",
                editor.hasChanges()
                        ? "The files are the draft now. Review what they change, then publish."
                        : "The files are the same as the live version: there is nothing to publish.");
        return "redirect:/staff/knowledge/publish";
    }

    /** Makes the zip's files the draft; the problems when it cannot. */
    private List<String> importZip(MultipartFile file, String by) throws IOException {
        KnowledgeFiles files;
        try (InputStream in = file.getInputStream()) {
            files = KnowledgeZip.read(in);
        } catch (KnowledgeZip.Refused refused) {
            return refused.problems();
        }
        return switch (editor.replace(files, by)) {
            case KnowledgeEditor.Edited.Saved saved -> List.of();
            case KnowledgeEditor.Edited.Refused refused -> refused.problems();
        };
    }

    private String page(Model model, List<String> problems) {
        model.addAttribute("problems", problems);
        model.addAttribute("liveVersion", live.version());
        model.addAttribute("draft", editor.draft());
        model.addAttribute("hasChanges", editor.hasChanges());
        model.addAttribute("maxMegabytes", KnowledgeZip.MAX_BYTES / (1024 * 1024));
        model.addAttribute("maxFiles", KnowledgeZip.MAX_FILES);
        return "staff/knowledge/files-import";
    }
}
