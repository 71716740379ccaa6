package com.clinicfaq.curation.web;

import static com.clinicfaq.curation.web.KnowledgeConsole.EDITOR;
import static com.clinicfaq.curation.web.KnowledgeConsole.EDITOR_PASSWORD;
import static com.clinicfaq.curation.web.KnowledgeConsole.addedLines;
import static com.clinicfaq.curation.web.KnowledgeConsole.page;
import static org.assertj.core.api.Assertions.assertThat;

import com.clinicfaq.curation.EvaluationSet;
import com.clinicfaq.curation.KnowledgeFiles;
import com.clinicfaq.curation.KnowledgePublisher;
import com.clinicfaq.curation.KnowledgeZip;
import com.clinicfaq.search.Answer;
import com.clinicfaq.staff.StaffHttp;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The knowledge base as files over HTTP: the live version downloads as a zip, and a zip uploads as the draft. */
class KnowledgeFilesIntegrationTests extends KnowledgeConsole {

    static final String FAQS = "faqs/kyphoplasty-compression-fractures.md";

    HttpClient edith;

    @BeforeEach
    void logIn() throws Exception {
        edith = http.loggedIn(EDITOR, EDITOR_PASSWORD);
    }

    @Test
    void downloadsTheLiveVersionAsAZipOfTheKnowledgeBaseFolder() throws Exception {
        HttpResponse<byte[]> export =
                edith.send(http.get("/staff/knowledge/export"), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type")).hasValue("application/zip");
        assertThat(export.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"knowledge-base-version-" + originalVersion + ".zip\"");
        assertThat(KnowledgeZip.read(new ByteArrayInputStream(export.body()))).isEqualTo(originalFiles);
    }

    @Test
    void uploadsAZipAsTheDraftToReviewOnThePublishPage() throws Exception {
        KnowledgeFiles changed = originalFiles.with(
                FAQS,
                originalFiles
                        .files()
                        .get(FAQS)
                        .replace(
                                "? explain kyphoplasty\n",
                                "? explain kyphoplasty\n? what is kyphoplasty in plain words\n"));
        assertThat(changed).isNotEqualTo(originalFiles);

        HttpResponse<String> uploaded = upload(zip(changed));

        assertThat(uploaded.statusCode()).isEqualTo(302);
        assertThat(uploaded.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/staff/knowledge/publish"));
        assertThat(editor.draft().files()).isEqualTo(changed);
        assertThat(editor.draft().updatedBy()).isEqualTo(EDITOR);
        String publish = page(edith, http, "/staff/knowledge/publish");
        assertThat(publish).contains("The files are the draft now.");
        assertThat(addedLines(publish)).containsExactly("? what is kyphoplasty in plain words");
        assertThat(live.version()).as("nothing is published by an upload").isEqualTo(originalVersion);
    }

    @Test
    void refusesAZipWithAFileThatDoesNotReadWithItsFileAndLineAndKeepsTheDraft() throws Exception {
        KnowledgeFiles broken = originalFiles.with(
                FAQS, originalFiles.files().get(FAQS).replace("section: quick-insights", "section: no-such-section"));

        HttpResponse<String> refused = upload(zip(broken));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).containsPattern(FAQS + ":\\d+").contains("no-such-section");
        assertThat(editor.hasChanges()).isFalse();
    }

    @Test
    void refusesAZipThatIsNotSafeToReadOrTooLarge() throws Exception {
        Map<String, String> traversal = new LinkedHashMap<>();
        originalFiles.files().forEach((path, content) -> traversal.put("knowledge-base/" + path, content));
        traversal.put("knowledge-base/../../../etc/cron.d/clinicfaq", "* * * * * root true");
        traversal.put("knowledge-base/faqs/notes.txt", "x");

        HttpResponse<String> unsafe = upload(zip(traversal));

        assertThat(unsafe.statusCode()).isEqualTo(422);
        assertThat(unsafe.body())
                .contains(
                        "leads out of the knowledge-base folder",
                        "&quot;knowledge-base/faqs/notes.txt&quot; is not a knowledge-base file");

        byte[] large = new byte[KnowledgeZip.MAX_BYTES + 1];
        HttpResponse<String> tooLarge = upload(large);

        assertThat(tooLarge.statusCode()).isEqualTo(422);
        assertThat(tooLarge.body()).contains("The file is larger than 5 MB.");
        assertThat(upload("not a zip".getBytes(StandardCharsets.UTF_8)).body())
                .contains("This is not a zip file, or it is empty.");
        assertThat(editor.hasChanges()).isFalse();
    }

    @Test
    void aKnowledgeBaseDownloadedUploadedAndPublishedAnswersEveryRealisticQuestionAsBefore() throws Exception {
        Map<String, Answer> before = answersToTheRealisticQuestions();
        byte[] exported = edith.send(http.get("/staff/knowledge/export"), HttpResponse.BodyHandlers.ofByteArray())
                .body();

        assertThat(upload(exported).statusCode()).isEqualTo(302);
        var published = editor.publish(EDITOR, "Round trip through the files", false);

        assertThat(published).isInstanceOf(KnowledgePublisher.Outcome.Published.class);
        assertThat(live.version()).isGreaterThan(originalVersion);
        assertThat(live.get().files()).isEqualTo(originalFiles);
        assertThat(answersToTheRealisticQuestions()).hasSize(before.size()).isEqualTo(before);
    }

    Map<String, Answer> answersToTheRealisticQuestions() {
        Map<String, Answer> answers = new LinkedHashMap<>();
        for (String set : EvaluationSet.NAMES) {
            EvaluationSet.load(EvaluationSet.PROJECT_CHECKS, set)
                    .questions()
                    .forEach(q -> answers.put(q.text(), engine.answer(q.text())));
        }
        return answers;
    }

    /** Submits the upload form with the file, as a browser does: multipart, with the page's CSRF token. */
    HttpResponse<String> upload(byte[] file) throws Exception {
        String csrf = java.net.URLDecoder.decode(
                StaffHttp.csrf(page(edith, http, "/staff/knowledge/import-files")), StandardCharsets.UTF_8);
        String boundary = "----clinicfaq" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"knowledge-base.zip\"\r\n"
                        + "Content-Type: application/zip\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/staff/knowledge/import-files"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        return edith.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static byte[] zip(KnowledgeFiles files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        KnowledgeZip.write(files, out);
        return out.toByteArray();
    }

    static byte[] zip(Map<String, String> entries) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
