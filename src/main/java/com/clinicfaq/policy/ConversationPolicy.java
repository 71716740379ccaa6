package com.clinicfaq.policy;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Decides which branch of the conversation policy applies to a visitor message: emergency, then
 * clinician, then small talk (by the rules' words, then by the learned reading of turns), then booking, else the
 * knowledge base. Within a branch the first rule
 * that matches wins. Emergencies are recognised by the rules' patterns and, given a {@link SentenceEncoder},
 * also by meaning ({@link RedFlagSimilarity}). Immutable and thread-safe.
 */
public final class ConversationPolicy {

    /**
     * Words that may surround small talk without making it a question: "thanks for your help",
     * "hello there doctor". Any other word left over means the visitor is asking something.
     */
    private static final Set<String> SMALL_TALK_FILLERS = Set.of(
            "a",
            "an",
            "the",
            "to",
            "with",
            "and",
            "for",
            "your",
            "you",
            "so",
            "very",
            "much",
            "lot",
            "please",
            "all",
            "again",
            "there",
            "everyone",
            "oh",
            "ah",
            "um",
            "uh",
            "well",
            "just",
            "really",
            "too",
            "help",
            "info",
            "information",
            "today",
            "now",
            "doctor",
            "doc",
            "dr",
            // and in Spanish
            "un",
            "una",
            "el",
            "la",
            "los",
            "las",
            "y",
            "por",
            "favor",
            "muy",
            "mucho",
            "todo",
            "todos",
            "usted",
            "ustedes",
            "pues",
            "ay",
            "eh",
            "este",
            "hoy",
            "ahora",
            "ya",
            "su",
            "sus",
            "ayuda",
            "informacion",
            "doctora",
            "senor",
            "senora",
            "señor",
            "señora",
            "oiga",
            "mire");

    record CompiledRule(Rule rule, List<RulePattern> patterns) {

        /**
         * The rule's patterns, its firm ones first: a message is read by the first pattern of a rule that matches, and a
         * firm pattern's match must not be shadowed by an earlier one the learned layer may overrule ("a steadily rising
         * fever, now 101.9, and her low back pain has become much worse" matched "fever now 101" before the firm "fever +
         * back + worse").
         */
        static CompiledRule of(Rule rule) {
            return new CompiledRule(
                    rule,
                    rule.patterns().stream()
                            .sorted(java.util.Comparator.comparing(
                                    (String pattern) -> !rule.firmPatterns().contains(pattern)))
                            .map(RulePattern::parse)
                            .toList());
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
    /** Null without an encoder or a turn model of its embedding model: then only the patterns recognise small talk. */
    private final TurnClassifier turns;
    /** Null without an encoder or a model of requests of its embedding model: then only the booking rules' words. */
    private final TurnClassifier bookings;
    /** Null without an encoder or a model of ordinary messages of its embedding model: then no alarm is vetoed by it. */
    private final TurnClassifier ordinary;
    /** The booking rules' examples' vectors, in the rules' order, computed on first use (a learned request's rule). */
    private volatile List<List<float[]>> bookingExamples;

    private final SentenceEncoder encoder;

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
    public ConversationPolicy(
            PolicyRules rules, SentenceEncoder encoder, List<String> ordinaryQuestions, List<String> authors) {
        this(rules, encoder, ordinaryQuestions, authors, shippedOf(TurnClassifier.RESOURCE, encoder));
    }

    private static TurnClassifier shippedOf(String resource, SentenceEncoder encoder) {
        return encoder == null
                ? null
                : TurnClassifier.shipped(resource)
                        .filter(model -> model.readsVectorsOf(encoder.model()))
                        .orElse(null);
    }

    /** @param turns the learned reading of conversational turns (null: the small-talk patterns alone) */
    ConversationPolicy(
            PolicyRules rules,
            SentenceEncoder given,
            List<String> ordinaryQuestions,
            List<String> authors,
            TurnClassifier turns) {
        this(
                rules,
                given,
                ordinaryQuestions,
                authors,
                turns,
                shippedOf(TurnClassifier.BOOKING_RESOURCE, given),
                shippedOf(TurnClassifier.ORDINARY_RESOURCE, given));
    }

    /** @param bookings the learned reading of requests (null: the booking rules' words alone) */
    ConversationPolicy(
            PolicyRules rules,
            SentenceEncoder given,
            List<String> ordinaryQuestions,
            List<String> authors,
            TurnClassifier turns,
            TurnClassifier bookings,
            TurnClassifier ordinary) {
        // the red-flag layer and the reading of turns share the message's vectors: it is embedded once
        SentenceEncoder encoder = given == null || given instanceof MessageVectors ? given : new MessageVectors(given);
        this.rules = rules;
        this.encoder = encoder;
        this.turns = encoder == null ? null : turns;
        this.bookings = encoder == null ? null : bookings;
        this.ordinary = encoder == null ? null : ordinary;
        this.ordinaryQuestions = List.copyOf(ordinaryQuestions);
        this.names = authors.stream()
                .flatMap(author -> Words.of(author).stream())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        this.similarity = encoder == null
                ? null
                : new RedFlagSimilarity(encoder, rules.emergency(), calmMessages(rules, ordinaryQuestions));
        Map<Branch, List<CompiledRule>> compiled = new EnumMap<>(Branch.class);
        for (Branch branch : Branch.values()) {
            compiled.put(
                    branch, branch.rules(rules).stream().map(CompiledRule::of).toList());
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

    /** The same policy reading conversational turns with this model (for training and measuring it). */
    ConversationPolicy withTurns(TurnClassifier turns) {
        return new ConversationPolicy(rules, encoder, ordinaryQuestions, List.copyOf(names), turns, bookings, ordinary);
    }

    /** The same policy reading requests with this model (for training and measuring it; null: the rules' words). */
    ConversationPolicy withBookings(TurnClassifier bookings) {
        return new ConversationPolicy(rules, encoder, ordinaryQuestions, List.copyOf(names), turns, bookings, ordinary);
    }

    /** The same policy with this model of ordinary messages (for training and measuring it; null: none). */
    ConversationPolicy withOrdinary(TurnClassifier ordinary) {
        return new ConversationPolicy(rules, encoder, ordinaryQuestions, List.copyOf(names), turns, bookings, ordinary);
    }

    /**
     * What this policy's decisions are made of besides its encoder and the shipped models: two policies with equal
     * inputs and the same encoder decide every message alike, so what one decided may stand for the other's.
     */
    public Object inputs() {
        return List.of(rules, ordinaryQuestions, names);
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
        return Context.readingOnce(() -> decideNow(visitorMessage));
    }

    private Decision decideNow(String visitorMessage) {
        List<String> words = Words.of(visitorMessage);
        Optional<Decision.Emergency> emergency = emergency(visitorMessage, words);
        if (emergency.isPresent()) {
            return emergency.get();
        }
        for (CompiledRule candidate : compiled.get(Branch.CLINICIAN)) {
            if (candidate.matches(words)) {
                Optional<Rule> booking = bookingFor(words);
                return booking.isPresent()
                        ? decision(Branch.BOOKING, booking.get())
                        : decision(Branch.CLINICIAN, candidate.rule());
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
        // a conversational turn by meaning comes before the booking rules' words: "ok I'll call the office then, bye"
        // is
        // a goodbye, not a request to be called (a clinician's question never is small talk: those rules come first)
        Optional<Rule> conversational = conversational(visitorMessage, words);
        if (conversational.isPresent()) {
            return decision(Branch.SMALL_TALK, conversational.get());
        }
        // "why do I need an evaluation before the trial?" asks for a reason, and "when should I call the office
        // after my procedure?" for advice: neither asks for an appointment or a call
        if (!asksWhy(words) && !asksAdvice(words)) {
            for (CompiledRule candidate : compiled.get(Branch.BOOKING)) {
                if (candidate.matches(words)) {
                    return decision(Branch.BOOKING, candidate.rule());
                }
            }
            Optional<Rule> request = learnedRequest(visitorMessage, words);
            if (request.isPresent()) {
                return decision(Branch.BOOKING, request.get());
            }
        }
        return new Decision.AskKnowledgeBase();
    }

    /** Words that say what an appointment is for: "to see if", "para ver si". */
    private static final List<List<String>> PURPOSE = List.of(
            List.of("to", "see", "if"),
            List.of("to", "see", "whether"),
            List.of("to", "find", "out", "if"),
            List.of("to", "find", "out", "whether"),
            List.of("to", "check", "if"),
            List.of("to", "know", "if"),
            List.of("para", "ver", "si"),
            List.of("para", "saber", "si"),
            List.of("a", "ver", "si"),
            List.of("para", "que", "me", "digan", "si"),
            List.of("para", "checar", "si"),
            List.of("para", "revisar", "si"));

    /**
     * The booking rule a message asks by its words, where the question a clinician must answer is what the appointment
     * is for: "¿cómo agendo una consulta para ver si soy candidato?", "I'd like a consultation to see if I'm a good
     * candidate". The visitor asks to book; the clinician's note would only offer what they asked for.
     */
    private Optional<Rule> bookingFor(List<String> words) {
        boolean purpose = PURPOSE.stream().anyMatch(phrase -> java.util.Collections.indexOfSubList(words, phrase) >= 0);
        if (!purpose || asksWhy(words) || asksAdvice(words)) {
            return Optional.empty();
        }
        return compiled.get(Branch.BOOKING).stream()
                .filter(candidate -> candidate.matches(words))
                .map(CompiledRule::rule)
                .findFirst();
    }

    /** An email address, or a number of seven digits or more (a phone number). */
    private static final java.util.regex.Pattern CONTACT_DETAILS =
            java.util.regex.Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+|\\+?\\(?\\d(?:[\\s().\\-/]*\\d){6,}");

    /** The most words a request is read in by meaning: a request may come after a sentence about one's situation. */
    static final int MAX_REQUEST_WORDS = 40;

    /**
     * A request for an appointment, a call back or a person by meaning, however it is worded ("get me on the books",
     * "me pueden apartar un espacio con la doctora"): the learned reading of requests, where it is sure enough; the
     * booking rule is the one whose examples are closest in meaning.
     */
    private Optional<Rule> learnedRequest(String message, List<String> words) {
        if (bookings == null
                || words.size() > MAX_REQUEST_WORDS
                || rules.booking().isEmpty()) {
            return Optional.empty();
        }
        // the visitor's words, not their phone number or email: "Can my dog come along? 707-555-0100" asks a question
        String worded = CONTACT_DETAILS.matcher(message).replaceAll(" ").strip();
        float[] meaning = meaning(worded);
        if (meaning == null || bookings.probability(TurnClassifier.BOOKING, worded, meaning) < bookings.threshold()) {
            return Optional.empty();
        }
        List<List<float[]>> examples = bookingExamples;
        if (examples == null) {
            examples = rules.booking().stream()
                    .map(rule -> rule.examples().isEmpty() ? List.<float[]>of() : encoder.encode(rule.examples()))
                    .toList();
            bookingExamples = examples;
        }
        int best = 0;
        double closest = -2;
        for (int r = 0; r < examples.size(); r++) {
            for (float[] example : examples.get(r)) {
                double similarity = encoder.dot(meaning, example);
                if (similarity > closest) {
                    closest = similarity;
                    best = r;
                }
            }
        }
        return Optional.of(rules.booking().get(best));
    }

    /** The message's meaning as the encoder reads it whole; null for a text the model cannot read. */
    private float[] meaning(String message) {
        if (message == null || message.isBlank()) {
            return null;
        }
        try {
            return encoder.encode(List.of(message.strip())).getFirst();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The most words a conversational turn is read in: past them a message is taken for what it asks. */
    static final int MAX_TURN_WORDS = 25;

    /**
     * The small-talk rule a turn is by meaning, however it is worded ("got it, so no heavy lifting for 2 weeks", "you're
     * not understanding me", "👍"): the learned reading of turns where its class is a small-talk rule of this policy.
     */
    private Optional<Rule> conversational(String message, List<String> words) {
        if (words.size() > MAX_TURN_WORDS) {
            return Optional.empty();
        }
        return turnReading(message)
                .filter(reading -> reading.conversational() && reading.probability() >= turns.threshold())
                .flatMap(reading -> compiled.get(Branch.SMALL_TALK).stream()
                        .map(CompiledRule::rule)
                        .filter(rule -> rule.id().equals(reading.label()))
                        .findFirst());
    }

    /**
     * For staff and the trainer: the learned reading of the turn, if the policy has one; empty for a message with neither
     * a word nor a pictograph ("\uFFFD", "..."), which has no meaning to read.
     */
    public Optional<TurnClassifier.Reading> turnReading(String message) {
        if (turns == null
                || message == null
                || message.isBlank()
                || Words.of(message).isEmpty() && message.codePoints().noneMatch(TurnClassifier::isPictograph)) {
            return Optional.empty();
        }
        String text = message.strip();
        float[] meaning;
        try {
            meaning = encoder.encode(List.of(text)).getFirst();
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // a text the model cannot read: the patterns have decided
        }
        return Optional.of(turns.read(text, meaning));
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
                // never in a clinical note ("Rxn to contrast? Lips swelling, wheeze, BP 80/50."), which it reads poorly
                if (reading.overrules().isPresent() && !match.firm() && !ClinicalNote.written(message)) {
                    continue;
                }
                // and where it reads suicidal thinking, the guidance is the suicide line's (which names 911 too):
                // "I'm standing on the bridge and I'm done being a burden" matches a 911 rule's words first; never
                // over a firm pattern's words, which it does not overrule either ("someone broke in and has a gun, we
                // are hiding in the closet" is a threat by another, whose guidance is to get safe and call 911)
                Optional<RedFlagSimilarity.Match> learned = reading.urgent();
                if (!RedFlagSimilarity.isSuicide(rule)
                        && !match.firm()
                        && learned.isPresent()
                        && learned.get().learned() != null
                        && RedFlagSimilarity.isSuicide(learned.get().rule())) {
                    Rule suicide = learned.get().rule();
                    return Optional.of(new Decision.Emergency(
                            suicide.id(),
                            suicide.title(),
                            suicide.reply(language),
                            language,
                            "the words \"" + match.words() + "\" of rule " + rule.id()
                                    + ", and suicidal thinking by meaning: "
                                    + learned.get().basis()));
                }
            }
            return Optional.of(new Decision.Emergency(
                    rule.id(),
                    rule.title(),
                    rule.reply(language),
                    language,
                    "the words \"" + match.words() + "\" of rule " + rule.id()));
        }
        if (similarity == null) {
            return Optional.empty();
        }
        RedFlagSimilarity.Reading read = reading != null ? reading : similarity.read(message);
        return read.urgent()
                .filter(match -> !quietAsConversational(message, words, match)
                        && !ordinaryBeyondDoubt(message, words, match)
                        && !calmInPresent(message, words, match)
                        && !(match.learned() != null && read.medicine() < similarity.medicineVeto()))
                .map(match -> new Decision.Emergency(
                        match.rule().id(),
                        match.rule().title(),
                        match.rule().reply(language),
                        language,
                        match.basis()));
    }

    /**
     * Whether an alarm by meaning alone (no rule's words) is a conversational turn the learned red-flag layer is only
     * mildly alarmed by: "thank you very much", "ok makes sense now" read as thanks and an acknowledgement, below the
     * turn model's {@link TurnClassifier#quietBelow()}. Never where the layer is more alarmed, never with a rule's words,
     * and never a farewell ({@link TurnClassifier#quietable}): "thanks. i'm done. bye" may be written in danger.
     */
    private boolean quietAsConversational(String message, List<String> words, RedFlagSimilarity.Match match) {
        return turns != null
                && turns.quietBelow() > 0
                && match.learned() != null
                && match.learned().urgency() < turns.quietBelow()
                && conversational(message, words)
                        .filter(rule -> turns.quietable(rule.id()))
                        .isPresent();
    }

    /**
     * Whether an alarm by meaning alone (no rule's words) is on a message the model of ordinary messages is sure is one:
     * "If I can't feel the pain anymore, won't my knee just wear out faster?" is a question about a procedure, whatever
     * the learned red-flag layer reads in it. Never suicidal thinking, never a message of more than 40 words; the
     * model's threshold is above every urgent message it was trained on, read out of fold.
     */
    private boolean ordinaryBeyondDoubt(String message, List<String> words, RedFlagSimilarity.Match match) {
        RedFlagSimilarity.Learned learned = match.learned();
        if (ordinary == null || learned == null || learned.suicidal() || words.size() > MAX_REQUEST_WORDS) {
            return false;
        }
        float[] meaning = meaning(message);
        return meaning != null
                && ordinary.probability(TurnClassifier.QUESTION, message.strip(), meaning) >= ordinary.threshold();
    }

    /** Off only to measure what it changes ({@code -Dclinicfaq.no-present-reading=true}, red-flag command). */
    private static final boolean READ_IN_PRESENT = !Boolean.getBoolean("clinicfaq.no-present-reading");

    /**
     * Whether an alarm by meaning alone (no rule's words) is gone once the words {@link Context} sets out of the present
     * are left out: "not bleeding anymore from the needle site, it stopped an hour ago". The learned layer reads a
     * denial, a hypothesis or the past poorly; the patterns trust the frames, and so does this second reading. Only
     * below {@link #PRESENT_BOUND}; for a reading of suicidal thinking only the frames a threat of self-harm heeds.
     */
    private boolean calmInPresent(String message, List<String> words, RedFlagSimilarity.Match match) {
        RedFlagSimilarity.Learned learned = match.learned();
        if (!READ_IN_PRESENT || learned == null || learned.urgency() >= PRESENT_BOUND) {
            return false;
        }
        String present = inPresent(message, words, learned);
        return present != null && similarity.urgent(present).isEmpty();
    }

    /** The message without its framed words ({@link Context#inPresent}); null when nothing is framed. */
    private static String inPresent(String message, List<String> words, RedFlagSimilarity.Learned learned) {
        Context context = Context.of(message);
        if (!context.anyTrigger() && !context.facesColour() || context.size() != words.size()) {
            return null;
        }
        String present = context.inPresent(words, learned.suicidal());
        return Words.of(present).equals(words) ? null : present;
    }

    /**
     * The learned layer's urgency from which an alarm by meaning is never read again without its framed words: a frame
     * that reaches too far must not quiet an alarm the layer is sure of. Without it, the urgent messages of the sets
     * the layer is trained on (red-flag dev half and training set) that the second reading quieted were all read at 0.85
     * or more ("quería saber si ... y también tengo calentura de 39", "yesterday it was fine"); the bound is below
     * them, with a margin. Measured with {@code -Dclinicfaq.present-bound=1.01} and the red-flag command's
     * {@code --misses}.
     */
    static final double PRESENT_BOUND = Double.parseDouble(System.getProperty("clinicfaq.present-bound", "0.80"));

    /**
     * For staff: the closest curated emergency message to the message's most alarming sentence, with its similarity
     * and the closest calm message's, whether or not it was close enough. Empty without an encoder.
     */
    public Optional<String> closestRedFlag(String message) {
        if (similarity == null) {
            return Optional.empty();
        }
        String overruled = overruledPattern(message);
        return similarity
                .closest(message)
                .map(match -> overruled + (match.urgent() ? urgentByMeaning(message, match) : "below the threshold: ")
                        + match.rule().id() + ", " + match.basis());
    }

    /** How an alarm by meaning ended: raised, or not raised on a conversational turn or an ordinary message. */
    private String urgentByMeaning(String message, RedFlagSimilarity.Match match) {
        List<String> words = Words.of(message);
        if (quietAsConversational(message, words, match)) {
            return "quieted as a conversational turn (the learned layer's urgency below %.2f): "
                    .formatted(turns.quietBelow());
        }
        if (ordinaryBeyondDoubt(message, words, match)) {
            return "not raised: read as an ordinary message (%.2f, at least %.2f): "
                    .formatted(
                            ordinary.probability(TurnClassifier.QUESTION, message.strip(), meaning(message)),
                            ordinary.threshold());
        }
        if (calmInPresent(message, words, match)) {
            return "not raised: calm once its denied, hypothetical, general or past words are left out (\"%s\"): "
                    .formatted(inPresent(message, words, match.learned()));
        }
        double medicine = match.learned() == null ? 1 : similarity.medicineUrgency(message);
        if (medicine < similarity.medicineVeto()) {
            return "not raised: calm by the model of messages that speak of a medicine (%.2f, below %.2f): "
                    .formatted(medicine, similarity.medicineVeto());
        }
        return "emergency by meaning: ";
    }

    /** For staff: the rule's words the learned layer overruled in the message, if any ("" if none). */
    private String overruledPattern(String message) {
        return patternMatches(Words.of(message), Context.of(message))
                .findFirst()
                .filter(match -> !match.rule().evenIfHypothetical() && !match.firm() && !ClinicalNote.written(message))
                .map(match -> {
                    OptionalDouble urgency = similarity.overrules(message);
                    return urgency.isEmpty()
                            ? ""
                            : "the words \"%s\" of rule %s overruled: the learned layer reads the message as calm (%.2f, below %.2f); "
                                    .formatted(
                                            match.words(), match.rule().id(), urgency.getAsDouble(), similarity.veto());
                })
                .orElse("");
    }

    /**
     * An emergency rule whose pattern matched, with the words it matched.
     *
     * @param firm whether the words are of one of the rule's firm patterns ({@link Rule#firmPatterns})
     */
    private record PatternMatch(Rule rule, String words, boolean firm) {}

    /** Each emergency rule whose words stand in the message (outside a frame), in the rules' order, its first pattern's words; lazily. */
    private java.util.stream.Stream<PatternMatch> patternMatches(List<String> words, Context context) {
        return compiled.get(Branch.EMERGENCY).stream()
                .flatMap(candidate -> candidate.patterns().stream()
                        .map(pattern -> {
                            String matched = pattern.matchInPresent(
                                    words, context, candidate.rule().evenIfHypothetical());
                            return matched == null
                                    ? null
                                    : new PatternMatch(
                                            candidate.rule(),
                                            matched,
                                            candidate.rule().firmPatterns().contains(pattern.source()));
                        })
                        .filter(java.util.Objects::nonNull)
                        .limit(1));
    }

    /** A question that asks for a reason: "why ...", "por qué ..." (accents are folded in words). */
    static boolean asksWhy(List<String> words) {
        return !words.isEmpty()
                && (words.getFirst().equals("why")
                        || words.getFirst().equals("porque")
                        || words.size() > 1
                                && words.get(0).equals("por")
                                && words.get(1).equals("que"));
    }

    /** Who a question asks advice for, after "should" or "do" ("should I call", "does my mother need"). */
    private static final Set<String> ASKED_FOR = Set.of(
            "i", "we", "he", "she", "they", "my", "mom", "dad", "mother", "father", "husband", "wife", "someone",
            "one");
    /** What a question may ask advice about doing: calling, going or seeing someone, booking. */
    private static final Set<String> ADVISED = Set.of(
            "call",
            "phone",
            "contact",
            "ring",
            "reach",
            "email",
            "go",
            "see",
            "book",
            "schedule",
            "make",
            "get",
            "set",
            "come",
            "be",
            "bring",
            "need",
            "have",
            "llamar",
            "llamarles",
            "llamarle",
            "llamo",
            "llamamos",
            "hablar",
            "ir",
            "vamos",
            "voy",
            "ver",
            "hacer",
            "pedir",
            "agendar");
    /** Spanish words that say what one must do after "cuándo" ("¿cuándo debo llamar?"). */
    private static final Set<String> MUST = Set.of(
            "debo",
            "debemos",
            "deberia",
            "deberiamos",
            "debe",
            "tengo",
            "tenemos",
            "tiene",
            "hay",
            "necesito",
            "necesitamos",
            "llamo",
            "llamamos",
            "llamar");

    /**
     * A question that asks for advice about calling, coming in or booking, not for a call or an appointment: "when
     * should I call the office after my procedure?", "what symptoms mean I should phone you?", "should we book a
     * consult first?", "do I need a driver after my appointment?", "¿cuándo debo llamar al consultorio?". A request
     * says what the visitor wants ("I need an appointment", "can someone call me", "when can I see the doctor?").
     */
    static boolean asksAdvice(List<String> words) {
        if (words.isEmpty()) {
            return false;
        }
        String first = words.getFirst();
        for (int i = 0; i + 1 < words.size(); i++) {
            String word = words.get(i);
            String next = words.get(i + 1);
            // "what symptoms mean I should call", "when should I phone": a question about when, in its own words
            if (word.equals("should")
                    && (first.equals("when") || first.equals("what") || first.equals("which"))
                    && (ADVISED.contains(next) || i + 2 < words.size() && ADVISED.contains(words.get(i + 2)))) {
                return true;
            }
            // "should I call", "should my husband come": the question's inverted order
            if ((word.equals("should") || word.equals("shall")) && ASKED_FOR.contains(next)) {
                return true;
            }
            // "do I need a driver", "does my mother have to come", "do we need an appointment"
            int verb = i + (next.equals("my") || next.equals("his") || next.equals("her") ? 3 : 2);
            if ((word.equals("do") || word.equals("does"))
                    && ASKED_FOR.contains(next)
                    && verb < words.size()
                    && (words.get(verb).equals("need") || words.get(verb).equals("have"))) {
                return true;
            }
            // "¿cuándo debo llamar?", "¿cuándo hay que ir al doctor?", "¿cuándo llamo al consultorio?"
            if (word.equals("cuando") && MUST.contains(next)) { // words come with their accents folded
                return true;
            }
        }
        return false;
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
            case SMALL_TALK -> new Decision.SmallTalk(rule.id(), rule.reply(), rule.replyEs(), rule.offersHandoff());
        };
    }
}
