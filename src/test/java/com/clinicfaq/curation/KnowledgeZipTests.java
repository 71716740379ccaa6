package com.clinicfaq.curation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** The knowledge base as a zip: what is exported reads back the same, and a zip that is not safe to read is refused. */
class KnowledgeZipTests {

    static final KnowledgeFiles PROJECT = KnowledgeFiles.fromFolder(Path.of("knowledge-base"));
    static final String KNOWN =
            "synonyms.txt, out-of-scope.md, policy.yml, articles/*.md, faqs/*.md, translations/*.md, checks/articles/*.csv";

    @Test
    void readsBackWhatItWroteInTheKnowledgeBaseFolder() {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        KnowledgeZip.write(PROJECT, zip);

        assertThat(entries(zip.toByteArray()))
                .allMatch(name -> name.startsWith("knowledge-base/"))
                .contains("knowledge-base/policy.yml");
        assertThat(KnowledgeZip.read(new ByteArrayInputStream(zip.toByteArray())))
                .isEqualTo(PROJECT);
    }

    @Test
    void readsTheFilesWithoutTheFolderPassesOverTheReadmeAndTheNetsOwnChecksAndMakesLineEndsThoseOfTheFolder() {
        Map<String, String> zipped = new LinkedHashMap<>();
        zipped.put("README.md", "# the folder's readme");
        zipped.put("checks/policy-cases.csv", "message,expected");
        zipped.put("checks/articles/x.csv", "question,expected,origin\r\n");
        zipped.put("articles/", "");
        zipped.put("policy.yml", "\uFEFFrules:\r\n  a: b\r\n");
        zipped.put("faqs/x.md", "faq");

        assertThat(KnowledgeZip.read(zip(zipped)).files())
                .as("an article's check questions are versioned with it")
                .containsExactly(
                        Map.entry("checks/articles/x.csv", "question,expected,origin\n"),
                        Map.entry("faqs/x.md", "faq"),
                        Map.entry("policy.yml", "rules:\n  a: b\n"));
    }

    @Test
    void refusesPathsThatLeadOutOfTheFolderAndFilesThatAreNotKnowledgeBaseFiles() {
        Map<String, String> zipped = new LinkedHashMap<>();
        zipped.put("knowledge-base/../../etc/cron.d/x", "x");
        zipped.put("/etc/passwd", "x");
        zipped.put("knowledge-base\\..\\x.md", "x");
        zipped.put("knowledge-base/faqs/run.sh", "x");
        zipped.put("knowledge-base/articles/nested/a.md", "x");
        zipped.put("knowledge-base/checks/articles/nested/a.csv", "x");
        zipped.put("knowledge-base/policy.yml", "x");

        assertThat(refused(zip(zipped)))
                .containsExactly(
                        "\"knowledge-base/../../etc/cron.d/x\" leads out of the knowledge-base folder.",
                        "\"/etc/passwd\" leads out of the knowledge-base folder.",
                        "\"knowledge-base\\..\\x.md\" leads out of the knowledge-base folder.",
                        "\"knowledge-base/faqs/run.sh\" is not a knowledge-base file (" + KNOWN + ").",
                        "\"knowledge-base/articles/nested/a.md\" is not a knowledge-base file (" + KNOWN + ").",
                        "\"knowledge-base/checks/articles/nested/a.csv\" is not a knowledge-base file (" + KNOWN
                                + ").");
    }

    @Test
    void refusesTooManyFilesAndTooManyBytesUnpackedWhateverTheZipClaims() {
        Map<String, String> many = new LinkedHashMap<>();
        for (int i = 0; i <= KnowledgeZip.MAX_FILES; i++) {
            many.put("faqs/f" + i + ".md", "x");
        }
        assertThat(refused(zip(many))).containsExactly("The zip holds more than 200 files.");

        byte[] bomb = zip(Map.of("articles/a.md", "a".repeat(KnowledgeZip.MAX_BYTES + 1)))
                .readAllBytes();
        assertThat(bomb.length).as("it compresses well").isLessThan(100_000);
        assertThat(refused(new ByteArrayInputStream(bomb))).containsExactly("The files are larger than 5 MB unpacked.");
    }

    @Test
    void refusesWhatIsNotAZipOrNotText() {
        assertThat(refused(new ByteArrayInputStream("articles/a.md".getBytes(StandardCharsets.UTF_8))))
                .containsExactly("This is not a zip file, or it is empty.");
        assertThat(refused(new ByteArrayInputStream(
                        entriesOf(Map.of("articles/a.md", new byte[] {(byte) 0xC3, (byte) 0x28})))))
                .containsExactly("\"articles/a.md\" is not UTF-8 text.");
        assertThat(refused(zip(Map.of("README.md", "only the readme"))))
                .containsExactly("The zip holds no knowledge-base files.");
    }

    static List<String> refused(InputStream zip) {
        KnowledgeZip.Refused refused = catchThrowableOfType(KnowledgeZip.Refused.class, () -> KnowledgeZip.read(zip));
        assertThat(refused).as("refused").isNotNull();
        return refused.problems();
    }

    static ByteArrayInputStream zip(Map<String, String> files) {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        files.forEach((name, text) -> bytes.put(name, text.getBytes(StandardCharsets.UTF_8)));
        return new ByteArrayInputStream(entriesOf(bytes));
    }

    static byte[] entriesOf(Map<String, byte[]> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static List<String> entries(byte[] zip) {
        List<String> names = new ArrayList<>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }
}
