package com.clinicfaq.curation;

import com.clinicfaq.knowledge.Article;
import com.clinicfaq.knowledge.Block;
import com.clinicfaq.knowledge.CheckQuestion;
import com.clinicfaq.knowledge.CheckQuestions;
import com.clinicfaq.knowledge.Faq;
import com.clinicfaq.knowledge.Folding;
import com.clinicfaq.knowledge.ImportedArticle;
import com.clinicfaq.knowledge.KnowledgeBase;
import com.clinicfaq.knowledge.KnowledgeBaseReader;
import com.clinicfaq.knowledge.KnowledgeBaseWriter;
import com.clinicfaq.knowledge.Section;
import com.clinicfaq.knowledge.Slugs;
import com.clinicfaq.policy.PolicyRulesReader;
import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;

/**
 * The one shared draft staff edit: changes are checked as they are made (a change that leaves the
 * knowledge base unreadable is refused and the draft stays as it was) and published together.
 */
@Service
public class KnowledgeEditor {

    /** A change to the draft. */
    public sealed interface Change {
        /** A new FAQ ({@code id} null) or a changed one; phrasings one per line. */
        record SaveFaq(
                String id,
                String articleId,
                String question,
                List<String> phrasings,
                String answer,
                String sectionAnchor)
                implements Change {}

        record DeleteFaq(String id) implements Change {}

        /** Another way visitors ask an existing FAQ. */
        record AddPhrasing(String faqId, String phrasing) implements Change {}

        /**
         * A new section ({@code anchor} null) or a changed one. The text is paragraphs separated by blank lines,
         * list items starting with "- " and quotations with "> ".
         */
        record SaveSection(String articleId, String anchor, String title, String text) implements Change {}

        record DeleteSection(String articleId, String anchor) implements Change {}

        /** A whole file replaced: {@code synonyms.txt}, {@code out-of-scope.md} or {@code policy.yml}. */
        record SaveFile(String path, String content) implements Change {}

        /** An article imported from its plain text, with its FAQs and the check questions proposed for it. */
        record AddArticle(ImportedArticle imported) implements Change {}

        /**
         * A translation marked reviewed on a day (served to visitors once published), or its review withdrawn
         * ({@code reviewed} null: no longer served).
         */
        record ReviewTranslation(String articleId, String language, java.time.LocalDate reviewed) implements Change {}

        /**
         * A new check question of an article ({@code was} null) or a changed one ({@code was}: its question as it
         * was).
         *
         * @param expected what a right answer is, any one of them: FAQ ids, sections as {@code #anchor}, or
         *     {@value CheckQuestion#DECLINED} alone
         */
        record SaveCheck(String articleId, String was, String question, List<String> expected) implements Change {}

        record DeleteCheck(String articleId, String question) implements Change {}

        /**
         * The check questions the importer would propose for the article ({@link CheckQuestions#propose}) that it
         * lacks: for an article imported before articles had them, or FAQs added since.
         */
        record ProposeChecks(String articleId) implements Change {}
    }

    /** The draft after a change, or why the change was refused (the draft unchanged). */
    public sealed interface Edited {
        record Saved(KnowledgeVersions.Draft draft) implements Edited {}

        record Refused(List<String> problems) implements Edited {}
    }

    /** The lines of a unified diff of one file. */
    public record FileDiff(String path, List<String> lines) {}

    /** Files that may be replaced whole from the console. */
    public static final List<String> EDITABLE_FILES =
            List.of(KnowledgeBaseReader.SYNONYMS, KnowledgeBaseReader.OUT_OF_SCOPE, PolicyRulesReader.FILE);
    /** A translation's file, edited whole too: {@code translations/<article-id>.<language>.md}. */
    private static final java.util.regex.Pattern TRANSLATION_FILE =
            java.util.regex.Pattern.compile(KnowledgeBaseReader.TRANSLATIONS + "/[a-z0-9][a-z0-9-]*\\.[a-z]{2}\\.md");
    /** The front matter's line that says when staff reviewed a translation (the first such line). */
    private static final java.util.regex.Pattern REVIEWED_LINE =
            java.util.regex.Pattern.compile("(?m)^reviewed:[^\\n]*$");

    /** Whether the file may be replaced whole: the knowledge-base-wide files, and translations. */
    public static boolean editable(String path) {
        return EDITABLE_FILES.contains(path) || TRANSLATION_FILE.matcher(path).matches();
    }

    private final KnowledgeVersions versions;
    private final LiveKnowledge live;
    private final KnowledgePublisher publisher;
    private final Clock clock;
    private final KnowledgeBaseWriter writer = new KnowledgeBaseWriter();
    /** The visitor's question the change being made on this thread fixes, if it is a fix of one. */
    private final ThreadLocal<String> visitorQuestion = new ThreadLocal<>();

    KnowledgeEditor(KnowledgeVersions versions, LiveKnowledge live, KnowledgePublisher publisher, Clock clock) {
        this.versions = versions;
        this.live = live;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** The draft, or the live version as the start of one when nobody has changed anything. */
    public KnowledgeVersions.Draft draft() {
        return versions.draft()
                .orElseGet(() -> new KnowledgeVersions.Draft(
                        live.version(), null, null, live.get().files()));
    }

    /** Whether the draft differs from what is live. */
    public boolean hasChanges() {
        return versions.draft().map(d -> !d.files().equals(live.get().files())).orElse(false);
    }

    /** The draft read as the service would read it (it always reads: refused changes are never saved). */
    public KnowledgeBase draftKnowledge() {
        return draft().files().parse().knowledge();
    }

    public synchronized Edited apply(Change change, String by) {
        KnowledgeVersions.Draft draft = draft();
        List<String> problems = new ArrayList<>();
        KnowledgeFiles changed = changed(change, draft.files(), problems);
        if (!problems.isEmpty()) {
            return new Edited.Refused(List.copyOf(problems));
        }
        String fixed = visitorQuestion.get();
        return save(draft.baseVersion(), fixed == null ? changed : withVisitorCheck(change, changed, fixed), by);
    }

    /**
     * Runs {@code fix}, which makes a new FAQ or adds a phrasing to one for a question a visitor asked and the bot
     * missed: the change it applies also makes the visitor's question a check question of the FAQ's article, answered
     * by that FAQ, so that the safety net names it should a later change answer it otherwise. The unanswered-questions
     * page wraps its fixes in this.
     *
     * @param question the visitor's question, as the page shows it (contact details masked); null: none
     */
    public <T> T fixingVisitorQuestion(String question, java.util.function.Supplier<T> fix) {
        if (question == null || clean(question).isEmpty()) {
            return fix.get();
        }
        visitorQuestion.set(clean(question));
        try {
            return fix.get();
        } finally {
            visitorQuestion.remove();
        }
    }

    /** The files with the visitor's question as a check question of the FAQ a new FAQ or phrasing made. */
    private KnowledgeFiles withVisitorCheck(Change change, KnowledgeFiles changed, String question) {
        KnowledgeBase read = changed.parse().knowledge();
        Optional<Faq> fixed = switch (change) {
            case Change.AddPhrasing add ->
                read.faqs().stream().filter(f -> f.id().equals(add.faqId())).findFirst();
            case Change.SaveFaq save
            when save.id() == null || save.id().isBlank() ->
                read.faqs().stream()
                        .filter(f -> f.articleId().equals(save.articleId())
                                && f.question().equals(clean(save.question())))
                        .findFirst();
            default -> Optional.empty();
        };
        if (fixed.isEmpty()) {
            return changed;
        }
        String articleId = fixed.get().articleId();
        List<CheckQuestion> checks = new ArrayList<>(checks(changed, articleId));
        checks.removeIf(c -> asked(c.question()).equals(asked(question)));
        checks.add(new CheckQuestion(question, List.of(fixed.get().id()), CheckQuestion.Origin.VISITOR));
        KnowledgeFiles withCheck = changed.with(CheckQuestions.path(articleId), CheckQuestions.text(checks));
        try {
            withCheck.parse();
            return withCheck;
        } catch (KnowledgeFiles.Invalid e) {
            return changed; // the fix matters more than its check question
        }
    }

    /** The check questions the importer would propose for the article that it does not have (as asked). */
    public static List<CheckQuestion> proposable(KnowledgeBase knowledge, Article article, List<CheckQuestion> checks) {
        Set<String> asked = new HashSet<>();
        checks.forEach(c -> asked.add(asked(c.question())));
        return CheckQuestions.propose(
                        article,
                        knowledge.faqs().stream()
                                .filter(f -> f.articleId().equals(article.id()))
                                .toList())
                .stream()
                .filter(c -> !asked.contains(asked(c.question())))
                .toList();
    }

    /** An article's check questions as the files have them. */
    static List<CheckQuestion> checks(KnowledgeFiles files, String articleId) {
        String path = CheckQuestions.path(articleId);
        String text = files.files().get(path);
        return text == null ? List.of() : CheckQuestions.read(java.nio.file.Path.of(path), text);
    }

    /**
     * Makes {@code files} the whole draft, as when a knowledge base is imported from its files; refused, and the
     * draft left as it was, when they do not read.
     */
    public synchronized Edited replace(KnowledgeFiles files, String by) {
        try {
            files.parse();
        } catch (KnowledgeFiles.Invalid e) {
            return new Edited.Refused(List.of(e.getMessage()));
        }
        return save(live.version(), files, by);
    }

    private Edited save(long baseVersion, KnowledgeFiles files, String by) {
        versions.saveDraft(baseVersion, files, by, clock.instant());
        return new Edited.Saved(draft());
    }

    /** Why {@code change} would be refused (nothing when it would be saved), without saving it: for previews. */
    public List<String> check(Change change) {
        List<String> problems = new ArrayList<>();
        changed(change, draft().files(), problems);
        return List.copyOf(problems);
    }

    /** The draft's files with the change made, or the problems that refuse it. */
    private KnowledgeFiles changed(Change change, KnowledgeFiles draftFiles, List<String> problems) {
        KnowledgeFiles files = draftFiles;
        KnowledgeBase knowledge;
        try {
            knowledge = files.parse().knowledge();
        } catch (KnowledgeFiles.Invalid e) {
            knowledge = live.knowledge();
            files = live.get().files();
        }
        List<ReadBack> readBack = new ArrayList<>();
        KnowledgeFiles changed = change(change, files, knowledge, problems, readBack);
        if (!problems.isEmpty()) {
            return files;
        }
        KnowledgeBase read;
        try {
            read = changed.parse().knowledge();
        } catch (KnowledgeFiles.Invalid e) {
            problems.add(e.getMessage());
            return files;
        }
        readBack.forEach(check -> check.problem(read).ifPresent(problems::add));
        return problems.isEmpty() ? changed : files;
    }

    /**
     * What a change must read back as once written: text that starts with a mark of the file format ("- ",
     * "> ", "# ", "? ", "section:") would silently become something else.
     */
    private interface ReadBack {
        Optional<String> problem(KnowledgeBase read);
    }

    /** Publishes the draft; once it is published the draft is gone. */
    public KnowledgePublisher.Outcome publish(String by, String comment, boolean override) {
        return publish(by, comment, override, "");
    }

    /**
     * @param confirmed the digest of the check questions' answers that would go from right to wrong, which the editor
     *     confirmed; "" for none
     */
    public KnowledgePublisher.Outcome publish(String by, String comment, boolean override, String confirmed) {
        KnowledgeFiles files = draft().files();
        KnowledgePublisher.Outcome outcome = publisher.publish(files, by, comment, override, confirmed);
        if (outcome instanceof KnowledgePublisher.Outcome.Published) {
            versions.discardDraft();
        }
        return outcome;
    }

    public void discard() {
        versions.discardDraft();
    }

    /** What changes from {@code before} to {@code after}, file by file, with three lines of context. */
    public static List<FileDiff> diff(KnowledgeFiles before, KnowledgeFiles after) {
        List<FileDiff> diffs = new ArrayList<>();
        for (String path : new TreeSet<>(union(before, after))) {
            List<String> a = lines(before.files().get(path));
            List<String> b = lines(after.files().get(path));
            if (a.equals(b)) {
                continue;
            }
            List<String> unified = UnifiedDiffUtils.generateUnifiedDiff(
                    before.files().containsKey(path) ? "a/" + path : "/dev/null",
                    after.files().containsKey(path) ? "b/" + path : "/dev/null",
                    a,
                    DiffUtils.diff(a, b),
                    3);
            diffs.add(new FileDiff(path, unified));
        }
        return diffs;
    }

    private KnowledgeFiles change(
            Change change,
            KnowledgeFiles files,
            KnowledgeBase knowledge,
            List<String> problems,
            List<ReadBack> readBack) {
        return switch (change) {
            case Change.SaveFaq save -> saveFaq(save, files, knowledge, problems, readBack);
            case Change.DeleteFaq delete ->
                findFaq(knowledge, delete.id(), problems)
                        .map(faq -> withFaqs(
                                files, knowledge, faq.articleId(), faqs -> faqs.removeIf(f -> f.id().equals(faq.id()))))
                        .orElse(files);
            case Change.AddPhrasing add -> addPhrasing(add, files, knowledge, problems);
            case Change.SaveSection save -> saveSection(save, files, knowledge, problems, readBack);
            case Change.DeleteSection delete -> deleteSection(delete, files, knowledge, problems);
            case Change.ReviewTranslation review -> {
                String path = com.clinicfaq.knowledge.Translation.path(review.articleId(), review.language());
                String text = files.files().get(path);
                if (text == null) {
                    problems.add("There is no translation of '" + review.articleId() + "' into '" + review.language()
                            + "'.");
                    yield files;
                }
                yield files.with(
                        path,
                        REVIEWED_LINE
                                .matcher(text)
                                .replaceFirst(
                                        "reviewed:" + (review.reviewed() == null ? "" : " " + review.reviewed())));
            }
            case Change.SaveFile save -> {
                if (!editable(save.path())) {
                    problems.add(
                            "Only " + String.join(", ", EDITABLE_FILES) + " and translations can be replaced whole.");
                    yield files;
                }
                yield files.with(save.path(), normaliseNewlines(save.content()));
            }
            case Change.AddArticle add -> {
                String id = add.imported().article().id();
                if (knowledge.article(id).isPresent()) {
                    problems.add("An article with the id '" + id + "' is already in the knowledge base.");
                    yield files;
                }
                readBack.add(
                        read -> read.article(id)
                                                .filter(add.imported().article()::equals)
                                                .isPresent()
                                        && read.faqs()
                                                .containsAll(add.imported().faqs())
                                ? Optional.empty()
                                : Optional.of(
                                        "The article would not read back from the file as imported: reword the start of its"
                                                + " paragraphs (a heading, list item or quotation mark at the start means something else there)."));
                yield files.with(
                                "articles/" + id + ".md",
                                writer.articleText(add.imported().article()))
                        .with(
                                "faqs/" + id + ".md",
                                writer.faqText(id, add.imported().faqs()))
                        .with(
                                CheckQuestions.path(id),
                                CheckQuestions.text(add.imported().proposedChecks()));
            }
            case Change.SaveCheck save -> saveCheck(save, files, knowledge, problems);
            case Change.ProposeChecks propose -> {
                Optional<Article> article = knowledge.article(propose.articleId());
                if (article.isEmpty()) {
                    problems.add("There is no article '" + propose.articleId() + "'.");
                    yield files;
                }
                List<CheckQuestion> checks = new ArrayList<>(checks(files, propose.articleId()));
                List<CheckQuestion> missing = proposable(knowledge, article.get(), checks);
                if (missing.isEmpty()) {
                    problems.add("The article has every check question its FAQs and headings propose.");
                    yield files;
                }
                checks.addAll(missing);
                yield files.with(CheckQuestions.path(propose.articleId()), CheckQuestions.text(checks));
            }
            case Change.DeleteCheck delete -> {
                if (knowledge.article(delete.articleId()).isEmpty()) {
                    problems.add("There is no article '" + delete.articleId() + "'.");
                    yield files;
                }
                List<CheckQuestion> checks = new ArrayList<>(checks(files, delete.articleId()));
                if (!checks.removeIf(c -> c.question().equals(clean(delete.question())))) {
                    problems.add("The article has no check question '" + clean(delete.question()) + "'.");
                    yield files;
                }
                yield files.with(CheckQuestions.path(delete.articleId()), CheckQuestions.text(checks));
            }
        };
    }

    /**
     * A check question as an editor typed it: its right answers must be the draft's (an FAQ, a section of the
     * article, or declined alone). A question an editor rewords becomes the editor's; one whose answer alone changes
     * keeps its origin.
     */
    private KnowledgeFiles saveCheck(
            Change.SaveCheck save, KnowledgeFiles files, KnowledgeBase knowledge, List<String> problems) {
        Optional<Article> article = knowledge.article(save.articleId());
        if (article.isEmpty()) {
            problems.add("There is no article '" + save.articleId() + "'.");
            return files;
        }
        String question = clean(save.question());
        if (question.isEmpty()) {
            problems.add("The question is empty.");
        }
        List<String> expected = save.expected() == null
                ? List.of()
                : save.expected().stream()
                        .map(KnowledgeEditor::clean)
                        .filter(e -> !e.isEmpty())
                        .distinct()
                        .toList();
        if (expected.isEmpty()) {
            problems.add("Choose the right answer: an FAQ, a section of the article, or that the bot should decline.");
        } else if (expected.contains(CheckQuestion.DECLINED) && expected.size() > 1) {
            problems.add("A question the bot should decline has no other right answer.");
        }
        for (String e : expected) {
            String anchor = CheckQuestion.sectionOf(e);
            if (anchor != null
                    && article.get().sections().stream()
                            .noneMatch(s -> s.anchor().equals(anchor))) {
                problems.add("The article has no section '" + anchor + "'.");
            } else if (anchor == null
                    && !e.equals(CheckQuestion.DECLINED)
                    && knowledge.faqs().stream().noneMatch(f -> f.id().equals(e))) {
                problems.add("There is no FAQ '" + e + "'.");
            }
        }
        List<CheckQuestion> checks = new ArrayList<>(checks(files, save.articleId()));
        boolean isNew = save.was() == null || save.was().isBlank();
        int at = -1;
        for (int i = 0; !isNew && i < checks.size(); i++) {
            if (checks.get(i).question().equals(clean(save.was()))) {
                at = i;
            }
        }
        if (!isNew && at < 0) {
            problems.add("The article has no check question '" + clean(save.was())
                    + "': someone may have changed it since.");
        }
        for (int i = 0; i < checks.size(); i++) {
            if (i != at
                    && !question.isEmpty()
                    && asked(checks.get(i).question()).equals(asked(question))) {
                problems.add("'" + question + "' is already a check question of this article.");
            }
        }
        if (!problems.isEmpty()) {
            return files;
        }
        CheckQuestion.Origin origin = at >= 0 && checks.get(at).question().equals(question)
                ? checks.get(at).origin()
                : CheckQuestion.Origin.EDITOR;
        CheckQuestion check = new CheckQuestion(question, expected, origin);
        if (at >= 0) {
            checks.set(at, check);
        } else {
            checks.add(check);
        }
        return files.with(CheckQuestions.path(save.articleId()), CheckQuestions.text(checks));
    }

    private KnowledgeFiles saveFaq(
            Change.SaveFaq save,
            KnowledgeFiles files,
            KnowledgeBase knowledge,
            List<String> problems,
            List<ReadBack> readBack) {
        String question = clean(save.question());
        String answer = cleanParagraphs(save.answer());
        if (question.isEmpty()) {
            problems.add("The question is empty.");
        }
        if (answer.isEmpty()) {
            problems.add("The answer is empty.");
        }
        checkStarts("answer's paragraph", answer.isEmpty() ? List.of() : List.of(answer.split("\n\n")), true, problems);
        Optional<Article> article = knowledge.article(save.articleId());
        if (article.isEmpty()) {
            problems.add("There is no article '" + save.articleId() + "'.");
        } else if (article.get().sections().stream().noneMatch(s -> s.anchor().equals(save.sectionAnchor()))) {
            problems.add("The article has no section '" + save.sectionAnchor() + "'.");
        }
        Faq existing = null;
        if (save.id() != null && !save.id().isBlank()) {
            existing = findFaq(knowledge, save.id(), problems).orElse(null);
        }
        String ownId = existing != null ? existing.id() : null;
        if (!question.isEmpty()) {
            askedElsewhere(knowledge, ownId, question)
                    .ifPresent(other -> problems.add("The question '" + question + "' " + other));
        }
        List<String> phrasings = phrasings(question, save.phrasings());
        for (String phrasing : phrasings) {
            askedElsewhere(knowledge, ownId, phrasing)
                    .ifPresent(other -> problems.add("The phrasing '" + phrasing + "' " + other));
        }
        if (!problems.isEmpty()) {
            return files;
        }
        String id = existing != null ? existing.id() : uniqueFaqId(knowledge, question);
        Faq faq = new Faq(
                id,
                save.articleId(),
                question,
                phrasings,
                answer,
                save.sectionAnchor(),
                existing != null ? existing.origin() : Faq.Origin.CURATED);
        readBack.add(
                read -> read.faqs().contains(faq)
                        ? Optional.empty()
                        : Optional.of(
                                "The FAQ would not read back from the file as typed: reword its question and the start of its answer."));
        KnowledgeFiles changed = files;
        if (existing != null && !existing.articleId().equals(faq.articleId())) {
            Faq moved = existing;
            changed = withFaqs(
                    changed, knowledge, moved.articleId(), faqs -> faqs.removeIf(f -> f.id().equals(moved.id())));
        }
        Faq previous = existing;
        return withFaqs(changed, knowledge, faq.articleId(), faqs -> {
            int at = previous == null ? -1 : indexOf(faqs, previous.id());
            if (at >= 0) {
                faqs.set(at, faq);
            } else {
                faqs.add(faq);
            }
        });
    }

    /** The phrasings as typed, cleaned, without blanks and without repeating the question or each other. */
    private static List<String> phrasings(String question, List<String> typed) {
        Set<String> seen = new HashSet<>(List.of(asked(question)));
        return typed.stream()
                .map(KnowledgeEditor::clean)
                .filter(p -> !p.isEmpty() && seen.add(asked(p)))
                .toList();
    }

    /**
     * Which other FAQ or out-of-scope topic already asks {@code question} (compared as the reader compares them:
     * case, spacing and punctuation aside), as the end of a sentence.
     */
    private static Optional<String> askedElsewhere(KnowledgeBase knowledge, String ownId, String question) {
        String asked = asked(question);
        Optional<String> faq = knowledge.faqs().stream()
                .filter(f -> !f.id().equals(ownId))
                .filter(f -> asked(f.question()).equals(asked)
                        || f.phrasings().stream().map(KnowledgeEditor::asked).anyMatch(asked::equals))
                .findFirst()
                .map(f -> "is already asked by FAQ '" + f.id() + "' (" + f.question() + ").");
        return faq.or(() -> knowledge.outOfScope().stream()
                .filter(t -> t.phrasings().stream().map(KnowledgeEditor::asked).anyMatch(asked::equals))
                .findFirst()
                .map(t -> "is listed under the out-of-scope topic '" + t.id() + "', which the bot declines."));
    }

    /** A question as the knowledge-base reader compares questions: asked twice is the same words. */
    private static String asked(String question) {
        return Folding.words(question);
    }

    /**
     * What a paragraph starting this way would read back as from the file, when not as a paragraph; the first
     * paragraph of an answer follows the FAQ's own lines, so it must not look like one of them either.
     */
    private static Optional<String> readsAs(String paragraph, boolean firstOfAnswer) {
        if (paragraph.matches("#{1,6}\\s.*")) {
            return Optional.of("a heading");
        }
        if (paragraph.startsWith("- ") || paragraph.startsWith("* ")) {
            return Optional.of("a list item");
        }
        if (paragraph.startsWith(">")) {
            return Optional.of("a quotation");
        }
        if (firstOfAnswer && paragraph.startsWith("?")) {
            return Optional.of("another way of asking the question");
        }
        if (firstOfAnswer && (paragraph.startsWith("section:") || paragraph.startsWith("origin:"))) {
            return Optional.of("a line of the FAQ's own ('section:' or 'origin:')");
        }
        return Optional.empty();
    }

    private static void checkStarts(String what, List<String> paragraphs, boolean answer, List<String> problems) {
        for (int i = 0; i < paragraphs.size(); i++) {
            String paragraph = paragraphs.get(i);
            readsAs(paragraph, answer && i == 0)
                    .ifPresent(thing -> problems.add("The " + what + " '" + abbreviate(paragraph)
                            + "' would be read back from the file as " + thing + ": reword its start."));
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    private KnowledgeFiles addPhrasing(
            Change.AddPhrasing add, KnowledgeFiles files, KnowledgeBase knowledge, List<String> problems) {
        String phrasing = clean(add.phrasing());
        if (phrasing.isEmpty()) {
            problems.add("The question is empty.");
            return files;
        }
        return findFaq(knowledge, add.faqId(), problems)
                .map(faq -> {
                    if (Stream.concat(Stream.of(faq.question()), faq.phrasings().stream())
                            .map(KnowledgeEditor::asked)
                            .anyMatch(asked(phrasing)::equals)) {
                        return files; // the FAQ asks it already
                    }
                    Optional<String> elsewhere = askedElsewhere(knowledge, faq.id(), phrasing);
                    if (elsewhere.isPresent()) {
                        problems.add("The phrasing '" + phrasing + "' " + elsewhere.get());
                        return files;
                    }
                    List<String> phrasings = new ArrayList<>(faq.phrasings());
                    phrasings.add(phrasing);
                    Faq changed = new Faq(
                            faq.id(),
                            faq.articleId(),
                            faq.question(),
                            phrasings,
                            faq.answer(),
                            faq.sectionAnchor(),
                            faq.origin());
                    return withFaqs(
                            files, knowledge, faq.articleId(), faqs -> faqs.set(indexOf(faqs, faq.id()), changed));
                })
                .orElse(files);
    }

    private KnowledgeFiles saveSection(
            Change.SaveSection save,
            KnowledgeFiles files,
            KnowledgeBase knowledge,
            List<String> problems,
            List<ReadBack> readBack) {
        String title = clean(save.title());
        List<Block> blocks = blocks(save.text());
        if (title.isEmpty()) {
            problems.add("The section title is empty.");
        }
        if (blocks.isEmpty()) {
            problems.add("The section text is empty.");
        }
        checkStarts(
                "paragraph",
                blocks.stream()
                        .filter(b -> b.kind() == Block.Kind.PARAGRAPH)
                        .map(Block::text)
                        .toList(),
                false,
                problems);
        Optional<Article> article = knowledge.article(save.articleId());
        if (article.isEmpty()) {
            problems.add("There is no article '" + save.articleId() + "'.");
        }
        if (!problems.isEmpty()) {
            return files;
        }
        List<Section> sections = new ArrayList<>(article.get().sections());
        boolean isNew = save.anchor() == null || save.anchor().isBlank();
        int at = isNew ? -1 : indexOfSection(sections, save.anchor());
        if (!isNew && at < 0) {
            problems.add("The article has no section '" + save.anchor() + "'.");
            return files;
        }
        String anchor = isNew ? uniqueAnchor(sections, title) : save.anchor();
        Section section = new Section(anchor, title, blocks);
        readBack.add(
                read -> read.article(save.articleId())
                                .filter(a -> a.sections().contains(section))
                                .isPresent()
                        ? Optional.empty()
                        : Optional.of(
                                "The section would not read back from the file as typed: reword its title and the start of its paragraphs."));
        if (isNew) {
            sections.add(section);
        } else {
            sections.set(at, section);
        }
        return withArticle(files, article.get(), sections);
    }

    private KnowledgeFiles deleteSection(
            Change.DeleteSection delete, KnowledgeFiles files, KnowledgeBase knowledge, List<String> problems) {
        Optional<Article> article = knowledge.article(delete.articleId());
        if (article.isEmpty()) {
            problems.add("There is no article '" + delete.articleId() + "'.");
            return files;
        }
        List<Section> sections = new ArrayList<>(article.get().sections());
        if (!sections.removeIf(s -> s.anchor().equals(delete.anchor()))) {
            problems.add("The article has no section '" + delete.anchor() + "'.");
            return files;
        }
        List<String> using = knowledge.faqs().stream()
                .filter(f -> f.articleId().equals(delete.articleId())
                        && f.sectionAnchor().equals(delete.anchor()))
                .map(Faq::question)
                .toList();
        if (!using.isEmpty()) {
            problems.add("These FAQs name the section as their source; move or delete them first: "
                    + String.join("; ", using));
            return files;
        }
        return withArticle(files, article.get(), sections);
    }

    private KnowledgeFiles withArticle(KnowledgeFiles files, Article article, List<Section> sections) {
        Article changed = new Article(
                article.id(),
                article.title(),
                article.subtitle(),
                article.author(),
                article.credentials(),
                article.practice(),
                article.location(),
                article.source(),
                article.reviewed(),
                article.disclaimer(),
                sections);
        return files.with("articles/" + article.id() + ".md", writer.articleText(changed));
    }

    private KnowledgeFiles withFaqs(
            KnowledgeFiles files,
            KnowledgeBase knowledge,
            String articleId,
            java.util.function.Consumer<List<Faq>> edit) {
        List<Faq> faqs = new ArrayList<>(knowledge.faqs().stream()
                .filter(f -> f.articleId().equals(articleId))
                .toList());
        edit.accept(faqs);
        return files.with("faqs/" + articleId + ".md", writer.faqText(articleId, faqs));
    }

    private static Optional<Faq> findFaq(KnowledgeBase knowledge, String id, List<String> problems) {
        Optional<Faq> faq =
                knowledge.faqs().stream().filter(f -> f.id().equals(id)).findFirst();
        if (faq.isEmpty()) {
            problems.add("There is no FAQ '" + id + "'.");
        }
        return faq;
    }

    private static int indexOf(List<Faq> faqs, String id) {
        for (int i = 0; i < faqs.size(); i++) {
            if (faqs.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOfSection(List<Section> sections, String anchor) {
        for (int i = 0; i < sections.size(); i++) {
            if (sections.get(i).anchor().equals(anchor)) {
                return i;
            }
        }
        return -1;
    }

    private static String uniqueFaqId(KnowledgeBase knowledge, String question) {
        String base = Slugs.of(question);
        String id = base;
        for (int n = 2; isTaken(knowledge, id); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    private static boolean isTaken(KnowledgeBase knowledge, String id) {
        return knowledge.faqs().stream().anyMatch(f -> f.id().equals(id))
                || knowledge.outOfScope().stream().anyMatch(t -> t.id().equals(id));
    }

    private static String uniqueAnchor(List<Section> sections, String title) {
        String base = Slugs.of(title);
        String anchor = base;
        for (int n = 2; indexOfSection(sections, anchor) >= 0; n++) {
            anchor = base + "-" + n;
        }
        return anchor;
    }

    /**
     * Paragraphs, "- " list items and "> " quotations, as a staff member types them: blocks are separated by
     * blank lines, and a line starting with "- " (or "* ") starts a list item of its own even right under a
     * paragraph; other lines continue the block above them.
     */
    static List<Block> blocks(String text) {
        List<Block> blocks = new ArrayList<>();
        Block.Kind kind = null;
        List<String> lines = new ArrayList<>();
        for (String typed : normaliseNewlines(text == null ? "" : text).split("\n", -1)) {
            String line = typed.strip();
            Block.Kind marked = line.startsWith("- ") || line.startsWith("* ")
                    ? Block.Kind.BULLET
                    : line.startsWith(">") ? Block.Kind.QUOTE : null;
            boolean continues =
                    kind != null && !line.isEmpty() && (marked == null || marked == Block.Kind.QUOTE && kind == marked);
            if (!continues) {
                if (kind != null) {
                    blocks.add(new Block(kind, clean(String.join(" ", lines))));
                }
                lines.clear();
                kind = line.isEmpty() ? null : marked != null ? marked : Block.Kind.PARAGRAPH;
            }
            if (!line.isEmpty()) {
                lines.add(
                        marked == Block.Kind.BULLET
                                ? line.substring(2)
                                : marked == Block.Kind.QUOTE ? line.substring(1) : line);
            }
        }
        if (kind != null) {
            blocks.add(new Block(kind, clean(String.join(" ", lines))));
        }
        return blocks.stream().filter(b -> !b.text().isEmpty()).toList();
    }

    /** A section's blocks as {@link #blocks} reads them, for a staff member to edit. */
    public static String text(List<Block> blocks) {
        StringBuilder text = new StringBuilder();
        Block.Kind previous = null;
        for (Block block : blocks) {
            if (previous != null) {
                text.append(previous == Block.Kind.BULLET && block.kind() == Block.Kind.BULLET ? "\n" : "\n\n");
            }
            text.append(
                            switch (block.kind()) {
                                case PARAGRAPH -> "";
                                case BULLET -> "- ";
                                case QUOTE -> "> ";
                            })
                    .append(block.text());
            previous = block.kind();
        }
        return text.toString();
    }

    private static String clean(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }

    private static String cleanParagraphs(String text) {
        return String.join(
                "\n\n",
                Arrays.stream(normaliseNewlines(text == null ? "" : text).split("\n\\s*\n"))
                        .map(KnowledgeEditor::clean)
                        .filter(p -> !p.isEmpty())
                        .toList());
    }

    private static String normaliseNewlines(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.asList(text.split("\n", -1));
    }

    private static Set<String> union(KnowledgeFiles a, KnowledgeFiles b) {
        Set<String> paths = new HashSet<>(a.files().keySet());
        paths.addAll(b.files().keySet());
        return paths;
    }

    /** For lists in the console: FAQs by article, in file order. */
    public static Map<String, List<Faq>> faqsByArticle(KnowledgeBase knowledge) {
        Map<String, List<Faq>> byArticle = new LinkedHashMap<>();
        knowledge.articles().forEach(a -> byArticle.put(a.id(), new ArrayList<>()));
        knowledge
                .faqs()
                .forEach(f -> byArticle
                        .computeIfAbsent(f.articleId(), k -> new ArrayList<>())
                        .add(f));
        return byArticle;
    }

    /** FAQs whose question, phrasings or answer contain every word of {@code search}. */
    public static List<Faq> search(KnowledgeBase knowledge, String search) {
        if (search == null || search.isBlank()) {
            return knowledge.faqs();
        }
        List<String> words = Arrays.stream(search.toLowerCase(Locale.ROOT).split("\\s+"))
                .filter(w -> !w.isEmpty())
                .toList();
        return knowledge.faqs().stream()
                .filter(faq -> {
                    String text = (faq.question() + "\n" + String.join("\n", faq.phrasings()) + "\n" + faq.answer())
                            .toLowerCase(Locale.ROOT);
                    return words.stream().allMatch(text::contains);
                })
                .toList();
    }
}
