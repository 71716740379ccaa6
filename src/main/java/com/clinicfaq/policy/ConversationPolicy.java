package com.clinicfaq.policy;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Decides which branch of the conversation policy applies to a visitor message: emergency, then
 * clinician, then booking, then small talk, else the knowledge base. Within a branch the first rule
 * that matches wins. Emergencies are recognised by the rules' patterns and, given a {@link SentenceEncoder},
 * also by meaning ({@link RedFlagSimilarity}). Immutable and thread-safe.
 */
public final class ConversationPolicy {

    /**
     * Words that may surround small talk without making it a question: "thanks for your help",
     * "hello there doctor". Any other word left over means the visitor is asking something.
     */
    private static final Set<String> SMALL_TALK_FILLERS = Set.of(
            "a", "an", "the", "to", "with", "and", "for", "your", "you", "so", "very", "much", "lot", "please",
            "all", "again", "there", "everyone", "oh", "ah", "um", "uh", "well", "just", "really", "too",
            "help", "info", "information", "today", "now", "doctor", "doc", "dr",
            // and in Spanish
            "un", "una", "el", "la", "los", "las", "y", "por", "favor", "muy", "mucho", "todo", "todos", "usted", "ustedes",
            "pues", "ay", "eh", "este", "hoy", "ahora", "ya", "su", "sus", "ayuda", "informacion", "doctora", "senor", "senora", "señor", "señora", "oiga", "mire");

    record CompiledRule(Rule rule, List<RulePattern> patterns) {

        static CompiledRule of(Rule rule) {
            return new CompiledRule(rule, rule.patterns().stream().map(RulePattern::parse).toList());
        }

        boolean matches(List<String> words) {
            for (RulePattern pattern : patterns) {
                if (pattern.matches(words)) {
                    return true;
                }
            }
            return false;
        }
    }

    private final PolicyRules rules;
    private final List<String> ordinaryQuestions;
    /** The words of the knowledge base's authors' names: "thank you dr weisbein" is small talk where she wrote the articles. */
    private final Set<String> names;
    private final Map<Branch, List<CompiledRule>> compiled;
    /** Null without an encoder: then only the patterns recognise emergencies. */
    private final RedFlagSimilarity similarity;

    /**
     * A policy that recognises emergencies by their patterns only (for checking the file's own examples).
     *
     * @throws IllegalArgumentException when a pattern is malformed ({@link PolicyRulesReader} reports it with its line)
     */
    public ConversationPolicy(PolicyRules rules) {
        this(rules, null, List.of());
    }

    /** A policy that also recognises emergencies by meaning, with this encoder; it encodes the curated messages now. */
    public ConversationPolicy(PolicyRules rules, SentenceEncoder encoder) {
        this(rules, encoder, List.of());
    }

    /**
     * A policy that also recognises emergencies by meaning, with this encoder; it encodes the curated messages now.
     *
     * @param ordinaryQuestions the knowledge base's FAQ questions and their phrasings: calm by construction, they join
     *     the calm messages a sentence must not be closer to, with the examples of the clinician, booking and small-talk
     *     rules; so every article imported teaches the policy what ordinary questions look like
     */
    public ConversationPolicy(PolicyRules rules, SentenceEncoder encoder, List<String> ordinaryQuestions) {
        this(rules, encoder, ordinaryQuestions, List.of());
    }

    /** @param authors the knowledge base's authors ("Jacqueline Weisbein, D.O."), whose names may surround small talk */
    public ConversationPolicy(PolicyRules rules, SentenceEncoder encoder, List<String> ordinaryQuestions, List<String> authors) {
        this.rules = rules;
        this.ordinaryQuestions = List.copyOf(ordinaryQuestions);
        this.names = authors.stream().flatMap(author -> Words.of(author).stream()).collect(java.util.stream.Collectors.toUnmodifiableSet());
        this.similarity = encoder == null ? null : new RedFlagSimilarity(encoder, rules.emergency(), calmMessages(rules, ordinaryQuestions));
        Map<Branch, List<CompiledRule>> compiled = new EnumMap<>(Branch.class);
        for (Branch branch : Branch.values()) {
            compiled.put(branch, branch.rules(rules).stream().map(CompiledRule::of).toList());
        }
        this.compiled = Map.copyOf(compiled);
    }

    private static List<String> calmMessages(PolicyRules rules, List<String> ordinaryQuestions) {
        java.util.LinkedHashSet<String> calm = new java.util.LinkedHashSet<>(rules.notEmergencies());
        calm.addAll(ordinaryQuestions);
        java.util.stream.Stream.of(rules.clinician(), rules.booking(), rules.smallTalk())
                .flatMap(List::stream)
                .forEach(rule -> calm.addAll(rule.examples()));
        return List.copyOf(calm);
    }

    /** The same policy reading meaning with another encoder (for running the checks' own messages through it). */
    public ConversationPolicy withEncoder(SentenceEncoder encoder) {
        return new ConversationPolicy(rules, encoder, ordinaryQuestions, List.copyOf(names));
    }

    /** The knowledge base's questions this policy takes for calm. */
    public List<String> ordinaryQuestions() {
        return ordinaryQuestions;
    }

    public PolicyRules rules() {
        return rules;
    }

    /** Never null; any string (null, empty, huge, emoji) is accepted. */
    public Decision decide(String visitorMessage) {
        List<String> words = Words.of(visitorMessage);
        Optional<Decision.Emergency> emergency = emergency(visitorMessage, words);
        if (emergency.isPresent()) {
            return emergency.get();
        }
        for (Branch branch : List.of(Branch.CLINICIAN, Branch.BOOKING)) {
            if (branch == Branch.BOOKING && asksWhy(words)) {
                continue; // "why do I need an evaluation before the trial?" asks for a reason, not for an appointment
            }
            for (CompiledRule candidate : compiled.get(branch)) {
                if (candidate.matches(words)) {
                    return decision(branch, candidate.rule());
                }
            }
        }
        List<CompiledRule> smallTalk = compiled.get(Branch.SMALL_TALK);
        if (isOnlySmallTalk(words, smallTalk, names)) {
            for (CompiledRule candidate : smallTalk) {
                if (candidate.matches(words)) {
                    return decision(Branch.SMALL_TALK, candidate.rule());
                }
            }
        }
        return new Decision.AskKnowledgeBase();
    }

    private Optional<Decision.Emergency> emergency(String message, List<String> words) {
        Language language = Language.of(words);
        Context context = Context.of(message);
        RedFlagSimilarity.Reading reading = null;
        for (PatternMatch match : (Iterable<PatternMatch>) patternMatches(words, context)::iterator) {
            Rule rule = match.rule();
            if (similarity != null && !rule.evenIfHypothetical()) {
                if (reading == null) {
                    reading = similarity.read(message);
                }
                // the learned layer, reading the whole message, may overrule a rule's words where it is sure the
                // message is calm: "can a compression fracture cause loss of bladder control?", "a droop on one side
                // of her face since her Bell's palsy in 2015", "I took a double dose of my vitamin D by mistake,
                // is that ok?"; never the words of a rule that counts even in a hypothesis (a threat of self-harm)
                if (reading.overrules().isPresent()) {
                    continue;
                }
                // and where it reads suicidal thinking, the guidance is the suicide line's (which names 911 too):
                // "I'm standing on the bridge and I'm done being a burden" matches a 911 rule's words first
                Optional<RedFlagSimilarity.Match> learned = reading.urgent();
                if (!RedFlagSimilarity.isSuicide(rule) && learned.isPresent() && learned.get().learned() != null
                        && RedFlagSimilarity.isSuicide(learned.get().rule())) {
                    Rule suicide = learned.get().rule();
                    return Optional.of(new Decision.Emergency(suicide.id(), suicide.title(), suicide.reply(language), language,
                            "the words \"" + match.words() + "\" of rule " + rule.id() + ", and suicidal thinking by meaning: "
                                    + learned.get().basis()));
                }
            }
            return Optional.of(new Decision.Emergency(rule.id(), rule.title(), rule.reply(language), language,
                    "the words \"" + match.words() + "\" of rule " + rule.id()));
        }
        if (similarity == null) {
            return Optional.empty();
        }
        return (reading != null ? reading.urgent() : similarity.urgent(message))
                .map(match -> new Decision.Emergency(match.rule().id(), match.rule().title(), match.rule().reply(language), language,
                        match.basis()));
    }

    /**
     * For staff: the closest curated emergency message to the message's most alarming sentence, with its similarity
     * and the closest calm message's, whether or not it was close enough. Empty without an encoder.
     */
    public Optional<String> closestRedFlag(String message) {
        if (similarity == null) {
            return Optional.empty();
        }
        String overruled = overruledPattern(message);
        return similarity.closest(message).map(match -> overruled + (match.urgent() ? "emergency by meaning: " : "below the threshold: ")
                + match.rule().id() + ", " + match.basis());
    }

    /** For staff: the rule's words the learned layer overruled in the message, if any ("" if none). */
    private String overruledPattern(String message) {
        return patternMatches(Words.of(message), Context.of(message)).findFirst()
                .filter(match -> !match.rule().evenIfHypothetical())
                .map(match -> {
                    OptionalDouble urgency = similarity.overrules(message);
                    return urgency.isEmpty() ? "" : "the words \"%s\" of rule %s overruled: the learned layer reads the message as calm (%.2f, below %.2f); "
                            .formatted(match.words(), match.rule().id(), urgency.getAsDouble(), similarity.veto());
                })
                .orElse("");
    }

    /** An emergency rule whose pattern matched, with the words it matched. */
    private record PatternMatch(Rule rule, String words) {}

    /** Each emergency rule whose words stand in the message (outside a frame), in the rules' order, its first pattern's words; lazily. */
    private java.util.stream.Stream<PatternMatch> patternMatches(List<String> words, Context context) {
        return compiled.get(Branch.EMERGENCY).stream().flatMap(candidate -> candidate.patterns().stream()
                .map(pattern -> pattern.matchInPresent(words, context, candidate.rule().evenIfHypothetical()))
                .filter(java.util.Objects::nonNull)
                .limit(1)
                .map(matched -> new PatternMatch(candidate.rule(), matched)));
    }

    /** A question that asks for a reason: "why ...", "por qué ..." (accents are folded in words). */
    private static boolean asksWhy(List<String> words) {
        return !words.isEmpty() && (words.getFirst().equals("why") || words.getFirst().equals("porque")
                || words.size() > 1 && words.get(0).equals("por") && words.get(1).equals("que"));
    }

    /** "thanks!" is small talk; "hi how long does kyphoplasty take" is a question with a greeting in front. */
    private static boolean isOnlySmallTalk(List<String> words, List<CompiledRule> smallTalk, Set<String> names) {
        boolean[] covered = new boolean[words.size()];
        for (CompiledRule candidate : smallTalk) {
            candidate.patterns().forEach(pattern -> pattern.cover(words, covered));
        }
        boolean any = false;
        for (int i = 0; i < words.size(); i++) {
            if (!covered[i] && !SMALL_TALK_FILLERS.contains(words.get(i)) && !names.contains(words.get(i))) {
                return false;
            }
            any |= covered[i];
        }
        return any;
    }

    /** Whether the rule's own patterns match the message, whatever the other rules say. */
    static boolean matches(Rule rule, String message) {
        return CompiledRule.of(rule).matches(Words.of(message));
    }

    /** The same test for many messages, the rule's patterns parsed once. */
    static java.util.function.Predicate<String> matcher(Rule rule) {
        CompiledRule compiled = CompiledRule.of(rule);
        return message -> compiled.matches(Words.of(message));
    }

    private static Decision decision(Branch branch, Rule rule) {
        return switch (branch) {
            case EMERGENCY -> new Decision.Emergency(rule.id(), rule.title(), rule.reply());
            case CLINICIAN -> new Decision.NeedsClinician(rule.id(), rule.title());
            case BOOKING -> new Decision.Booking(rule.id());
            case SMALL_TALK -> new Decision.SmallTalk(rule.id(), rule.reply(), rule.replyEs());
        };
    }
}
