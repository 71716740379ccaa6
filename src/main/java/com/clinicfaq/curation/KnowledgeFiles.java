package com.clinicfaq.curation;

import com.clinicfaq.knowledge.CheckQuestion;
import com.clinicfaq.knowledge.CheckQuestions;
import com.clinicfaq.knowledge.KnowledgeBase;
import com.clinicfaq.knowledge.KnowledgeBaseFormatException;
import com.clinicfaq.knowledge.KnowledgeBaseReader;
import com.clinicfaq.policy.ConversationPolicy;
import com.clinicfaq.policy.PolicyRules;
import com.clinicfaq.policy.PolicyRulesReader;
import com.clinicfaq.policy.SentenceEncoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A whole knowledge base as its files, by path relative to the knowledge-base folder ({@code articles/*.md},
 * {@code faqs/*.md}, {@code translations/*.md}, {@code synonyms.txt}, {@code out-of-scope.md}, {@code policy.yml}, and
 * each article's check questions, {@code checks/articles/*.csv}): the unit that is versioned, diffed, exported and
 * imported. The folder's README and the rest of its {@code checks/} (the safety net's own cases and blind sets) are not
 * part of it.
 */
public record KnowledgeFiles(Map<String, String> files) {

    public KnowledgeFiles {
        files = Collections.unmodifiableMap(new TreeMap<>(files));
    }

    /**
     * What the bot answers from, read whole, with what the safety net asks about each article.
     *
     * @param checks each article's check questions, by article id (an article without any is left out)
     */
    public record Parsed(KnowledgeBase knowledge, PolicyRules rules, Map<String, List<CheckQuestion>> checks) {

        public Parsed {
            checks = Collections.unmodifiableMap(new java.util.LinkedHashMap<>(checks));
        }

        public Parsed(KnowledgeBase knowledge, PolicyRules rules) {
            this(knowledge, rules, Map.of());
        }

        /** An article's check questions; none when it has no file of them. */
        public List<CheckQuestion> checks(String articleId) {
            return checks.getOrDefault(articleId, List.of());
        }

        /** Every FAQ question and every other way of asking it: what visitors ordinarily ask. */
        public List<String> ordinaryQuestions() {
            return knowledge.faqs().stream()
                    .flatMap(faq -> Stream.concat(Stream.of(faq.question()), faq.phrasings().stream()))
                    .toList();
        }

        /** The policy of these files, reading red flags by meaning with this encoder. */
        public ConversationPolicy policy(SentenceEncoder encoder) {
            return new ConversationPolicy(
                    rules,
                    encoder,
                    ordinaryQuestions(),
                    knowledge.articles().stream()
                            .map(com.clinicfaq.knowledge.Article::author)
                            .toList());
        }
    }

    /** Files that cannot be published, with a message naming the file and line at fault. */
    public static final class Invalid extends RuntimeException {
        Invalid(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public static KnowledgeFiles fromFolder(Path folder) {
        Map<String, String> files = new TreeMap<>();
        for (String single :
                List.of(KnowledgeBaseReader.SYNONYMS, KnowledgeBaseReader.OUT_OF_SCOPE, PolicyRulesReader.FILE)) {
            Path file = folder.resolve(single);
            if (Files.isRegularFile(file)) {
                files.put(single, read(file));
            }
        }
        for (String subfolder : Stream.concat(
                        KnowledgeBaseReader.MARKDOWN_FOLDERS.stream(), Stream.of(CheckQuestions.FOLDER))
                .toList()) {
            Path directory = folder.resolve(subfolder);
            if (!Files.isDirectory(directory)) {
                continue;
            }
            String extension = subfolder.equals(CheckQuestions.FOLDER) ? ".csv" : ".md";
            try (Stream<Path> list = Files.list(directory)) {
                list.filter(f -> f.getFileName().toString().endsWith(extension) && Files.isRegularFile(f))
                        .forEach(f -> files.put(subfolder + "/" + f.getFileName(), read(f)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new KnowledgeFiles(files);
    }

    public void writeTo(Path folder) {
        try {
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path target = folder.resolve(checkedPath(file.getKey()));
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public KnowledgeFiles with(String path, String content) {
        Map<String, String> changed = new TreeMap<>(files);
        changed.put(checkedPath(path), content);
        return new KnowledgeFiles(changed);
    }

    public KnowledgeFiles without(String path) {
        Map<String, String> changed = new TreeMap<>(files);
        changed.remove(path);
        return new KnowledgeFiles(changed);
    }

    /** SHA-256 over the paths and contents, to tell whether two sets of files are the same. */
    public String hash() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, String> file : files.entrySet()) {
                digest.update(file.getKey().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(file.getValue().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads the files as the service would: the knowledge base, then the safety rules checked against its
     * questions, then its articles' check questions.
     *
     * @throws Invalid naming the file (relative to the folder) and line at fault
     */
    public Parsed parse() {
        Path folder;
        try {
            folder = Files.createTempDirectory("clinicfaq-knowledge");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            writeTo(folder);
            KnowledgeBase knowledge = new KnowledgeBaseReader().read(folder);
            List<String> questions = knowledge.faqs().stream()
                    .flatMap(faq -> Stream.concat(Stream.of(faq.question()), faq.phrasings().stream()))
                    .toList();
            if (!files.containsKey(PolicyRulesReader.FILE)) {
                throw new Invalid(PolicyRulesReader.FILE + ": the safety rules are missing", null);
            }
            PolicyRules rules = new PolicyRulesReader().read(folder, questions);
            return new Parsed(knowledge, rules, CheckQuestions.read(folder, knowledge));
        } catch (Invalid e) {
            throw e;
        } catch (KnowledgeBaseFormatException
                | IllegalArgumentException
                | IllegalStateException
                | UncheckedIOException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new Invalid(message.replace(folder + "/", "").replace(folder.toString(), ""), e);
        } finally {
            delete(folder);
        }
    }

    /**
     * Only plain relative paths inside the folder: no "..", no absolute path, no hidden file; one folder deep, but
     * for the articles' check questions.
     */
    static String checkedPath(String path) {
        String name = "[a-z0-9][a-z0-9._-]*";
        if (!(path.matches(name + "(/" + name + ")?") || path.matches(CheckQuestions.FOLDER + "/" + name))
                || path.contains("..")) {
            throw new IllegalArgumentException("not a knowledge-base file name: " + path);
        }
        return path;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder; the OS cleans up what is left
        }
    }
}
