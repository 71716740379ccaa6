package com.clinicfaq.policy;

import com.clinicfaq.knowledge.KnowledgeBaseFormatException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads {@code policy.yml} from the knowledge-base folder and checks it (the checks are listed at the
 * top of that file). Every problem is reported with the file and line.
 */
public final class PolicyRulesReader {

    public static final String FILE = "policy.yml";

    /** A rule whose patterns match more of the knowledge base's ordinary questions than this would catch everything. */
    static final double MAX_SHARE_OF_ORDINARY_QUESTIONS = 0.20;

    private static final List<String> TEXT_KEYS = List.of(
            "disclaimer",
            "greeting",
            "suggestions",
            "unknown",
            "out-of-scope",
            "clinician-note",
            "handoff-offer",
            "handoff-accepted",
            "handoff-confirmed",
            "handoff-cancelled",
            "disclaimer-es",
            "handoff-offer-es");
    /** Texts a policy may leave out: a default is said instead. */
    private static final List<String> OPTIONAL_TEXT_KEYS = java.util.stream.Stream.concat(
                    java.util.stream.Stream.of(
                            "which-procedure", "english-only", "answer-missed", "handoff-declined", "suggestions-es"),
                    Texts.SPANISH_KEYS.stream().map(key -> key + "-es"))
            .toList();

    private static final String NOT_EMERGENCIES = "not-emergencies";
    private static final String ID = "[a-z0-9]+(-[a-z0-9]+)*";

    record Line(int number, String value) {}

    /** A rule with the lines its parts came from. */
    record LocatedRule(Branch branch, int line, Rule rule, List<Line> patterns, List<Line> examples) {}

    /**
     * @param ordinaryQuestions the knowledge base's FAQ questions and phrasings: no rule may catch more than 20 % of them
     */
    public PolicyRules read(Path knowledgeBaseFolder, List<String> ordinaryQuestions) {
        Path file = knowledgeBaseFolder.resolve(FILE);
        String text = readString(file);
        Read key = new Read(text, List.copyOf(ordinaryQuestions));
        return READ.get(key, k -> read(file, text, ordinaryQuestions));
    }

    /** A file's text read with these questions: what decides whether it reads and what it reads as. */
    private record Read(String text, List<String> ordinaryQuestions) {}

    /**
     * The rules the same text read as lately, with the same questions: checking every example and every pattern
     * against every question costs seconds, and the draft, the console's pages and each publish read the same
     * policy.yml again and again. Only what read is remembered; a file that does not read is read again, to say why.
     */
    private static final com.github.benmanes.caffeine.cache.Cache<Read, PolicyRules> READ =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
                    .maximumSize(8)
                    .executor(Runnable::run)
                    .build();

    private PolicyRules read(Path file, String text, List<String> ordinaryQuestions) {
        Node root = compose(file, text);
        Fields top = Fields.of(
                file,
                root,
                "policy.yml",
                Set.of(
                        "texts",
                        NOT_EMERGENCIES,
                        Branch.EMERGENCY.key,
                        Branch.CLINICIAN.key,
                        Branch.BOOKING.key,
                        Branch.SMALL_TALK.key));
        if (!top.has("texts")) {
            throw KnowledgeBaseFormatException.at(file, 1, "the 'texts:' section is missing");
        }
        Texts texts = texts(
                Fields.of(
                        file,
                        top.node("texts"),
                        "'texts:'",
                        java.util.stream.Stream.concat(TEXT_KEYS.stream(), OPTIONAL_TEXT_KEYS.stream())
                                .collect(java.util.stream.Collectors.toUnmodifiableSet())),
                top.line("texts"));
        Map<Branch, List<LocatedRule>> located = new EnumMap<>(Branch.class);
        for (Branch branch : Branch.values()) {
            located.put(branch, rules(file, branch, top));
        }
        List<LocatedRule> all = located.values().stream().flatMap(List::stream).toList();
        checkUniqueIds(file, all);
        checkPatterns(file, all);
        PolicyRules rules = new PolicyRules(
                texts,
                rulesOf(located, Branch.EMERGENCY),
                rulesOf(located, Branch.CLINICIAN),
                rulesOf(located, Branch.BOOKING),
                rulesOf(located, Branch.SMALL_TALK),
                top.list(NOT_EMERGENCIES).stream().map(Line::value).toList());
        ConversationPolicy policy = new ConversationPolicy(rules);
        for (LocatedRule rule : all) {
            checkNotTooBroad(file, rule, ordinaryQuestions);
        }
        for (LocatedRule rule : all) {
            checkExamples(file, policy, rule);
        }
        checkSuggestions(file, top.line("texts"), policy, texts);
        return rules;
    }

    private static List<Rule> rulesOf(Map<Branch, List<LocatedRule>> located, Branch branch) {
        return located.get(branch).stream().map(LocatedRule::rule).toList();
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw KnowledgeBaseFormatException.at(file, 0, "file not found");
        } catch (MalformedInputException e) {
            throw KnowledgeBaseFormatException.at(file, 0, "not UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Node compose(Path file, String text) {
        try {
            Node root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
            if (root == null) {
                throw KnowledgeBaseFormatException.at(file, 0, "the file is empty");
            }
            return root;
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
            throw KnowledgeBaseFormatException.at(
                    file,
                    line,
                    "not valid YAML: " + e.getProblem()
                            + " (a pattern or example starting with * | > ' \" # or containing ': ' needs quotes)");
        } catch (YAMLException e) {
            throw KnowledgeBaseFormatException.at(file, 0, "not valid YAML: " + e.getMessage());
        }
    }

    private static Texts texts(Fields fields, int line) {
        for (String key : TEXT_KEYS) {
            if (!fields.has(key)) {
                throw KnowledgeBaseFormatException.at(fields.file(), line, "texts: '" + key + "' is missing");
            }
        }
        List<Line> suggestions = fields.list("suggestions");
        if (suggestions.isEmpty()) {
            throw KnowledgeBaseFormatException.at(
                    fields.file(), fields.line("suggestions"), "texts: 'suggestions' needs at least one question");
        }
        if (!fields.has("suggestions-es")) {
            throw KnowledgeBaseFormatException.at(
                    fields.file(),
                    fields.line("suggestions"),
                    "texts: 'suggestions-es' is missing: every text "
                            + "the bot says is written in English and in Spanish (a visitor who writes Spanish is answered in Spanish)");
        }
        List<Line> suggestionsEs = fields.list("suggestions-es");
        if (suggestionsEs.size() != suggestions.size()) {
            throw KnowledgeBaseFormatException.at(
                    fields.file(),
                    fields.line("suggestions-es"),
                    "texts: 'suggestions-es' has "
                            + suggestionsEs.size() + " questions and 'suggestions' " + suggestions.size()
                            + ": each is the Spanish of the English question in the same place");
        }
        return new Texts(
                fields.text("disclaimer"),
                fields.text("greeting"),
                suggestions.stream().map(Line::value).toList(),
                fields.text("unknown"),
                fields.text("out-of-scope"),
                fields.text("clinician-note"),
                fields.text("handoff-offer"),
                fields.text("handoff-accepted"),
                fields.text("handoff-confirmed"),
                fields.text("handoff-cancelled"),
                fields.text("disclaimer-es"),
                fields.text("handoff-offer-es"),
                fields.has("which-procedure") ? fields.text("which-procedure") : null,
                spanish(fields),
                suggestionsEs.stream().map(Line::value).toList());
    }

    /** Every text the bot says, in Spanish too: a text without its Spanish is an error at the line of its English. */
    private static java.util.Map<String, String> spanish(Fields fields) {
        java.util.Map<String, String> spanish = new java.util.HashMap<>();
        for (String key : Texts.SPANISH_KEYS) {
            if (fields.has(key + "-es")) {
                spanish.put(key, fields.text(key + "-es"));
            } else if (fields.has(key)) {
                throw KnowledgeBaseFormatException.at(
                        fields.file(),
                        fields.line(key),
                        "texts: '" + key + "-es' is missing: every text the "
                                + "bot says is written in English and in Spanish (a visitor who writes Spanish is answered in Spanish)");
            } else if (key.equals("which-procedure")) {
                spanish.put(key, Texts.WHICH_PROCEDURE_ES);
            } else if (key.equals("english-only")) {
                spanish.put(key, Texts.ENGLISH_ONLY_ES);
            } else if (key.equals("answer-missed")) {
                spanish.put(key, Texts.ANSWER_MISSED_ES);
            } else if (key.equals("handoff-declined")) {
                spanish.put(key, Texts.HANDOFF_DECLINED_ES);
            }
        }
        return spanish;
    }

    private static List<LocatedRule> rules(Path file, Branch branch, Fields top) {
        if (!top.has(branch.key)) {
            throw KnowledgeBaseFormatException.at(file, 1, "the '" + branch.key + ":' list of rules is missing");
        }
        Node list = top.node(branch.key);
        if (!(list instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
            throw KnowledgeBaseFormatException.at(
                    file, lineOf(list), "'" + branch.key + ":' must be a list of rules, each starting with '- id:'");
        }
        String replyKey = switch (branch) {
            case EMERGENCY -> "guidance";
            case SMALL_TALK -> "reply";
            default -> null;
        };
        Set<String> keys = switch (branch) {
            case EMERGENCY ->
                Set.of(
                        "id",
                        "title",
                        replyKey,
                        replyKey + "-es",
                        "patterns",
                        "examples",
                        "similar",
                        "even-if-hypothetical",
                        "firm-patterns");
            case SMALL_TALK ->
                Set.of("id", "title", replyKey, replyKey + "-es", "patterns", "examples", "offers-handoff");
            default -> Set.of("id", "title", "patterns", "examples");
        };
        List<LocatedRule> rules = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            Fields fields = Fields.of(file, item, "a " + branch.key + " rule", keys);
            String id = fields.text("id");
            if (!id.matches(ID)) {
                throw KnowledgeBaseFormatException.at(
                        file, fields.line("id"), "the id '" + id + "' must be lower-case words joined by '-'");
            }
            String title = fields.text("title");
            String reply = replyKey == null ? "" : fields.text(replyKey);
            // the guidance and the replies the bot says, in Spanish too (required: an error at the rule's line without
            // it)
            String replyEs = replyKey == null ? "" : fields.text(replyKey + "-es");
            List<Line> firm = fields.list("firm-patterns");
            // the firm patterns first: a rule's first matching pattern is the one its decision names
            List<Line> patterns = new java.util.ArrayList<>(firm);
            patterns.addAll(fields.list("patterns"));
            List<Line> examples = fields.list("examples");
            if (patterns.isEmpty()) {
                throw KnowledgeBaseFormatException.at(
                        file, fields.line(), "rule '" + id + "' needs at least one pattern");
            }
            if (examples.isEmpty()) {
                throw KnowledgeBaseFormatException.at(
                        file, fields.line(), "rule '" + id + "' needs at least one example");
            }
            List<String> similar =
                    fields.list("similar").stream().map(Line::value).toList();
            boolean evenIfHypothetical = fields.flag("even-if-hypothetical");
            Rule rule = new Rule(
                    id,
                    title,
                    reply,
                    replyEs,
                    patterns.stream().map(Line::value).toList(),
                    examples.stream().map(Line::value).toList(),
                    similar,
                    evenIfHypothetical,
                    fields.flag("offers-handoff"),
                    firm.stream().map(Line::value).toList());
            rules.add(new LocatedRule(branch, fields.line(), rule, patterns, examples));
        }
        return rules;
    }

    private static void checkUniqueIds(Path file, List<LocatedRule> rules) {
        Map<String, Integer> seen = new HashMap<>();
        for (LocatedRule rule : rules) {
            Integer earlier = seen.putIfAbsent(rule.rule().id(), rule.line());
            if (earlier != null) {
                throw KnowledgeBaseFormatException.at(
                        file,
                        rule.line(),
                        "the id '" + rule.rule().id() + "' is already used by the rule on line " + earlier);
            }
        }
    }

    private static void checkPatterns(Path file, List<LocatedRule> rules) {
        for (LocatedRule rule : rules) {
            for (Line pattern : rule.patterns()) {
                try {
                    RulePattern.parse(pattern.value());
                } catch (IllegalArgumentException e) {
                    throw KnowledgeBaseFormatException.at(
                            file, pattern.number(), "rule '" + rule.rule().id() + "': " + e.getMessage());
                }
            }
        }
    }

    private static void checkExamples(Path file, ConversationPolicy policy, LocatedRule located) {
        Rule rule = located.rule();
        for (Line example : located.examples()) {
            if (!ConversationPolicy.matches(rule, example.value())) {
                throw KnowledgeBaseFormatException.at(
                        file,
                        example.number(),
                        "the example '" + example.value() + "' does not match any pattern of rule '" + rule.id() + "'");
            }
            Decision decision = policy.decide(example.value());
            if (Branch.of(decision) != located.branch() || !decision.ruleId().equals(rule.id())) {
                throw KnowledgeBaseFormatException.at(
                        file,
                        example.number(),
                        "the example '" + example.value() + "' of the " + located.branch().key + " rule '" + rule.id()
                                + "' " + describe(decision));
            }
        }
    }

    private static String describe(Decision decision) {
        Branch branch = Branch.of(decision);
        if (branch == null) {
            return "goes to the knowledge base (a small-talk message may hold only small-talk words)";
        }
        return "is caught first by the " + branch.key + " rule '" + decision.ruleId() + "'";
    }

    private static void checkNotTooBroad(Path file, LocatedRule located, List<String> ordinaryQuestions) {
        if (ordinaryQuestions.isEmpty()) {
            return;
        }
        List<String> caught = ordinaryQuestions.stream()
                .filter(ConversationPolicy.matcher(located.rule()))
                .toList();
        if (caught.size() > MAX_SHARE_OF_ORDINARY_QUESTIONS * ordinaryQuestions.size()) {
            throw KnowledgeBaseFormatException.at(
                    file,
                    located.line(),
                    "rule '" + located.rule().id() + "' would match everything: it catches "
                            + caught.size() + " of the " + ordinaryQuestions.size()
                            + " knowledge-base questions (more than 20 %), such as '"
                            + caught.getFirst() + "'");
        }
    }

    private static void checkSuggestions(Path file, int line, ConversationPolicy policy, Texts texts) {
        for (String suggestion : java.util.stream.Stream.concat(
                        texts.suggestions().stream(), texts.suggestionsEs().stream())
                .toList()) {
            Decision decision = policy.decide(suggestion);
            if (!(decision instanceof Decision.AskKnowledgeBase)) {
                throw KnowledgeBaseFormatException.at(
                        file,
                        line,
                        "the suggestion '" + suggestion + "' " + describe(decision)
                                + ": suggestions must be questions for the knowledge base");
            }
        }
    }

    private static int lineOf(Node node) {
        return node == null ? 0 : node.getStartMark().getLine() + 1;
    }

    /** The keys of a YAML mapping, with their lines; refuses unknown and repeated keys. */
    private record Fields(Path file, int line, Map<String, Node> keys, Map<String, Node> values) {

        static Fields of(Path file, Node node, String what, Set<String> allowed) {
            if (!(node instanceof MappingNode mapping)) {
                throw KnowledgeBaseFormatException.at(file, lineOf(node), what + " must be made of 'key: value' lines");
            }
            Map<String, Node> keys = new LinkedHashMap<>();
            Map<String, Node> values = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : "?";
                if (!allowed.contains(key)) {
                    throw KnowledgeBaseFormatException.at(
                            file,
                            lineOf(tuple.getKeyNode()),
                            "unknown key '" + key + "' in " + what + "; expected one of "
                                    + allowed.stream().sorted().toList());
                }
                if (keys.put(key, tuple.getKeyNode()) != null) {
                    throw KnowledgeBaseFormatException.at(
                            file, lineOf(tuple.getKeyNode()), "'" + key + "' is given twice in " + what);
                }
                values.put(key, tuple.getValueNode());
            }
            return new Fields(file, lineOf(node), keys, values);
        }

        boolean has(String key) {
            return values.containsKey(key);
        }

        Node node(String key) {
            return values.get(key);
        }

        int line(String key) {
            return has(key) ? lineOf(keys.get(key)) : line;
        }

        /** A required, non-blank text. */
        String text(String key) {
            Node node = values.get(key);
            if (!(node instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
                throw KnowledgeBaseFormatException.at(
                        file, line(key), "'" + key + "' must be a text and must not be blank");
            }
            return scalar.getValue().strip();
        }

        /** A yes-or-no: true or false, false when the key is absent. */
        boolean flag(String key) {
            Node node = values.get(key);
            if (node == null) {
                return false;
            }
            if (!(node instanceof ScalarNode scalar)
                    || !List.of("true", "false").contains(scalar.getValue())) {
                throw KnowledgeBaseFormatException.at(file, line(key), "'" + key + "' must be true or false");
            }
            return scalar.getValue().equals("true");
        }

        /** A list of non-blank texts with their lines; empty when the key is absent. */
        List<Line> list(String key) {
            Node node = values.get(key);
            if (node == null
                    || node instanceof ScalarNode scalar && scalar.getValue().isEmpty()) {
                return List.of();
            }
            if (!(node instanceof SequenceNode sequence)) {
                throw KnowledgeBaseFormatException.at(file, line(key), "'" + key + "' must be a list of '- ' lines");
            }
            List<Line> items = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                if (!(item instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
                    throw KnowledgeBaseFormatException.at(
                            file, lineOf(item), "every item of '" + key + "' must be a non-blank text");
                }
                items.add(new Line(lineOf(item), scalar.getValue().strip()));
            }
            return items;
        }
    }
}
