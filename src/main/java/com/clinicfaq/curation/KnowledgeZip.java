package com.clinicfaq.curation;

import com.clinicfaq.knowledge.CheckQuestions;
import com.clinicfaq.knowledge.KnowledgeBaseReader;
import com.clinicfaq.policy.PolicyRulesReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A knowledge base as a zip of its folder, {@code knowledge-base/articles/*.md} and so on: what staff download
 * to edit the files elsewhere and upload again. Reading trusts nothing in the zip: paths must be knowledge-base
 * files (a zip of the whole folder may also hold its README and {@code checks/}, which are passed over), and the
 * files must be UTF-8 text within the limits, counted as they are unpacked rather than as the zip claims. Line
 * ends and a byte-order mark from other editors are made those of the folder.
 */
public final class KnowledgeZip {

    /** The folder the files are in, inside the zip. */
    public static final String FOLDER = "knowledge-base/";

    public static final int MAX_BYTES = 5 * 1024 * 1024;
    public static final int MAX_FILES = 200;

    private static final List<String> SINGLE_FILES =
            List.of(KnowledgeBaseReader.SYNONYMS, KnowledgeBaseReader.OUT_OF_SCOPE, PolicyRulesReader.FILE);
    private static final List<String> FOLDERS_OF_MARKDOWN = KnowledgeBaseReader.MARKDOWN_FOLDERS;

    /** A zip that cannot be imported, with the reasons, in words an editor can act on. */
    public static final class Refused extends RuntimeException {
        private final List<String> problems;

        Refused(List<String> problems) {
            super(String.join(" ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    private KnowledgeZip() {}

    public static void write(KnowledgeFiles files, OutputStream out) {
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> file : files.files().entrySet()) {
                zip.putNextEntry(new ZipEntry(FOLDER + file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The knowledge-base files in a zip, with or without the {@code knowledge-base/} folder around them. Whether
     * they read as a knowledge base is for {@link KnowledgeFiles#parse} to say.
     *
     * @throws Refused when the zip is not one, holds a file that is not a knowledge-base file or a path that leads
     *     out of the folder, a file that is not UTF-8 text, or more than {@link #MAX_FILES} files or
     *     {@link #MAX_BYTES} bytes unpacked
     */
    public static KnowledgeFiles read(InputStream in) {
        Map<String, String> files = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        long unpacked = 0;
        boolean anyEntry = false;
        try (ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                anyEntry = true;
                String name = entry.getName();
                if (!isSafe(name)) {
                    problems.add(quoted(name) + " leads out of the knowledge-base folder.");
                    continue;
                }
                String path = name.startsWith(FOLDER) ? name.substring(FOLDER.length()) : name;
                if (entry.isDirectory() || isPassedOver(path)) {
                    continue;
                }
                if (!isKnowledgeFile(path)) {
                    problems.add(quoted(name) + " is not a knowledge-base file (" + String.join(", ", SINGLE_FILES)
                            + ", articles/*.md, faqs/*.md, translations/*.md, " + CheckQuestions.FOLDER + "/*.csv).");
                    continue;
                }
                if (files.containsKey(path)) {
                    problems.add(quoted(name) + " is in the zip twice.");
                    continue;
                }
                if (files.size() == MAX_FILES) {
                    throw new Refused(List.of("The zip holds more than " + MAX_FILES + " files."));
                }
                byte[] content = readAtMost(zip, MAX_BYTES - unpacked);
                if (content == null) {
                    throw new Refused(
                            List.of("The files are larger than " + MAX_BYTES / (1024 * 1024) + " MB unpacked."));
                }
                unpacked += content.length;
                try {
                    files.put(path, utf8(content).replace("\r\n", "\n").replaceFirst("^\uFEFF", ""));
                } catch (CharacterCodingException e) {
                    problems.add(quoted(name) + " is not UTF-8 text.");
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // IllegalArgumentException: an entry name that is not valid UTF-8
            throw new Refused(List.of("This is not a zip file that can be read."));
        }
        if (!anyEntry) {
            throw new Refused(List.of("This is not a zip file, or it is empty."));
        }
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
        if (files.isEmpty()) {
            throw new Refused(List.of("The zip holds no knowledge-base files."));
        }
        return new KnowledgeFiles(files);
    }

    /** No absolute path, no backslash, no ".." or "." segment, no empty segment. */
    private static boolean isSafe(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.contains(":")) {
            return false;
        }
        String trimmed = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        for (String segment : trimmed.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /** Files of the folder that are not part of a version (the net's own checks), and what archivers add. */
    private static boolean isPassedOver(String path) {
        return path.equals("README.md")
                || path.startsWith("checks/") && !isArticleChecks(path)
                || path.startsWith("__MACOSX/")
                || path.equals(".DS_Store")
                || path.endsWith("/.DS_Store");
    }

    /** An article's check questions, which are versioned with the article. */
    private static boolean isArticleChecks(String path) {
        return path.startsWith(CheckQuestions.FOLDER + "/") && path.endsWith(".csv");
    }

    private static boolean isKnowledgeFile(String path) {
        if (SINGLE_FILES.contains(path)) {
            return true;
        }
        int slash = path.indexOf('/');
        boolean markdown = slash > 0 && FOLDERS_OF_MARKDOWN.contains(path.substring(0, slash)) && path.endsWith(".md");
        if (!markdown && !isArticleChecks(path)) {
            return false;
        }
        try {
            KnowledgeFiles.checkedPath(path);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The entry's bytes, or null when there are more than {@code limit}. */
    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            total += n;
            if (total > limit) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static String utf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }

    private static String quoted(String name) {
        String shown = name.length() > 80 ? name.substring(0, 79) + "…" : name;
        return "\"" + shown + "\"";
    }
}
