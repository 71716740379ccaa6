package com.clinicfaq.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * The policy's second line, beside the patterns: a message is taken for an emergency when one of its sentences is
 * close in meaning to a curated message of an emergency rule ({@code similar:} and {@code examples:}) and not
 * closer to a curated calm message ({@code not-emergencies:}). Every sentence is checked on its own, so an
 * emergency inside an ordinary question is caught; a long sentence is also read in overlapping stretches of words.
 * The thresholds are calibrated for recall on the dev half of the red-flag set (docs/evaluation.md).
 */
final class RedFlagSimilarity {

    /** An English sentence at least this close to an emergency's curated message may be one ... */
    static final double THRESHOLD = 0.45;
    /** ... when it is closer to it than to every calm message by at least this much. */
    static final double MARGIN = 0.15;
    /**
     * The same for a Spanish sentence: the model was trained on English, so Spanish sentences all look alike to it and
     * must be much closer.
     */
    static final double THRESHOLD_ES = 0.80;

    static final double MARGIN_ES = 0.15;
    /** A sentence at least this close to a curated calm message ... */
    static final double CALM_SAME = 0.92;
    /** ... and closer to it than to every emergency's by this much is calm whatever the learned layer reads. */
    static final double CALM_MARGIN = 0.10;

    /** Sentences shorter than this many words ("bye", "how big is the cut") are left to the patterns. */
    static final int MIN_WORDS = 4;
    /**
     * The fewest words of a message whose keyword pattern the learned layer may overrule: in a shorter one ("numbness in
     * my legs") too little stands around the alarming words to make it calm beyond doubt.
     */
    static final int VETO_MIN_WORDS = 8;
    /** Sentences longer than this many words are also read in stretches of this many words. */
    static final int WINDOW = 10;

    private static final Pattern SENTENCE_END =
            Pattern.compile("[.!?;:\\n\\r¿¡…]+|\\s+-\\s+|,\\s*(?=(?:and|but|also|plus|y|pero|tambien|también)\\b)");

    record Example(Rule rule, String text, float[] vector) {}

    /** What the closest curated messages were: for the decision and for staff. */
    record Match(
            Rule rule,
            String example,
            double similarity,
            double calmSimilarity,
            String calmExample,
            String segment,
            Language language,
            boolean inFrame,
            Learned learned,
            double nearestUrgent) {

        /**
         * The learned layer decides where there is one, unless the sentence is a curated calm message in other words
         * ({@link #calmBeyondDoubt}); closeness to the curated messages otherwise only explains.
         */
        boolean urgent() {
            return learned != null ? learned.urgent() && !calmBeyondDoubt() : similar();
        }

        /**
         * Whether the sentence is all but one of the curated calm messages ({@code not-emergencies:}) and far from every
         * emergency's, of whatever kind: a practice's calm example then holds at once, without retraining the learned
         * layer.
         */
        boolean calmBeyondDoubt() {
            return calmSimilarity >= CALM_SAME && calmSimilarity - nearestUrgent >= CALM_MARGIN;
        }

        /** Whether the closest curated messages alone make it an emergency. */
        boolean similar() {
            if (inFrame) {
                return false;
            }
            return language == Language.SPANISH
                    ? similarity >= THRESHOLD_ES && similarity - calmSimilarity >= MARGIN_ES
                    : similarity >= THRESHOLD && similarity - calmSimilarity >= MARGIN;
        }

        /**
         * The same match in a hypothetical, general, past or resolved frame: never an emergency by closeness alone
         * (the learned layer has read the frame itself).
         */
        Match framed() {
            return new Match(
                    rule,
                    example,
                    similarity,
                    calmSimilarity,
                    calmExample,
                    segment,
                    language,
                    true,
                    learned,
                    nearestUrgent);
        }

        String basis() {
            String closest = "similar in meaning (%.2f) to \"%s\"%s"
                    .formatted(
                            similarity,
                            example,
                            calmExample == null ? "" : "; closest calm message %.2f".formatted(calmSimilarity));
            if (learned == null) {
                return closest;
            }
            return "learned layer %.2f (%s; threshold %.2f); %s"
                    .formatted(
                            learned.urgency(),
                            learned.suicide() ? "suicidal thinking, 988" : "emergency, 911",
                            learned.threshold(),
                            closest);
        }
    }

    /** What the learned layer ({@link RedFlagClassifier}) read in the sentence. */
    record Learned(
            double urgency, boolean suicide, double suicideProbability, double threshold, double suicideThreshold) {

        boolean urgent() {
            return urgency >= threshold || suicideProbability >= suicideThreshold;
        }

        /** Whether it reads suicidal thinking: the more likely kind, or likely enough by the suicide threshold. */
        boolean suicidal() {
            return suicide || suicideProbability >= suicideThreshold;
        }
    }

    /**
     * The learned layer's bar for a message written in Spanish, above the model's own (0.25, chosen on all messages):
     * it reads Spanish through an English embedding model, and calm Spanish messages sit higher on its scale ("fíjese
     * que dos días después de la ablación el dolor se me puso un poquito peor… hoy ya estoy mejor" read 0.32). The
     * highest bar at which no urgent message of any set read so far is lost (at 0.40 one of train2's is); session 32,
     * {@code docs/evaluation.md}. {@code -Dclinicfaq.learned-threshold-es=0} measures without it.
     */
    static final double LEARNED_THRESHOLD_ES =
            Double.parseDouble(System.getProperty("clinicfaq.learned-threshold-es", "0.35"));

    private final SentenceEncoder encoder;
    private final List<Example> examples;
    /** The examples' vectors, side by side: the loops below run over them for every sentence of every message. */
    private final float[][] urgent;

    private final float[][] calm;
    private final List<String> calmTexts;
    /** Null when the encoder's model is not the one the learned layer was trained on. */
    private final RedFlagClassifier classifier;
    /** The model of messages that speak of a medicine ({@link #medicineVeto}); null without one. */
    private final RedFlagClassifier medicine;
    /** Which examples belong to a rule whose guidance gives 988 (suicidal thinking). */
    private final boolean[] suicideExample;

    RedFlagSimilarity(SentenceEncoder encoder, List<Rule> emergencyRules, List<String> notEmergencies) {
        this(encoder, emergencyRules, notEmergencies, RedFlagClassifier.shipped());
    }

    RedFlagSimilarity(
            SentenceEncoder encoder,
            List<Rule> emergencyRules,
            List<String> notEmergencies,
            RedFlagClassifier classifier) {
        this(
                encoder,
                emergencyRules,
                notEmergencies,
                classifier,
                MEDICINE ? RedFlagClassifier.shippedMedicine() : null);
    }

    /** Off only to measure what it changes ({@code -Dclinicfaq.no-medicine-reading=true}, red-flag command). */
    private static final boolean MEDICINE = !Boolean.getBoolean("clinicfaq.no-medicine-reading");

    /**
     * For staff: the model of messages that speak of a medicine, its highest urgency over the message's pieces (as
     * {@link Reading#medicine()}); 1 for a message that speaks of none, or without the model.
     */
    double medicineUrgency(String message) {
        if (medicine == null || !Medicines.mentioned(Words.of(message))) {
            return 1;
        }
        return closest(message, false).medicine();
    }

    /**
     * Below this, a message that speaks of a medicine and alarms by meaning alone is calm by the model of such messages
     * ({@link Reading#medicine()}): "donde guardo las pastillas pa q no las agarren los nietos?", "my father passed away
     * and we found his fentanyl patches, how do we get rid of them?". Every piece of it (the message whole, its
     * sentences) must read below the veto, which the trainer chose as half the highest that, out of fold, lets no
     * urgent message that speaks of a medicine through ("tengo guardadas las pastillas y hoy me las tomo todas", "my
     * toddler got into my pills and won't wake up"). 0 without the model.
     */
    double medicineVeto() {
        return medicine == null ? 0 : MEDICINE_VETO >= 0 ? MEDICINE_VETO : medicine.veto();
    }

    /** Another veto than the model's, only to measure ({@code -Dclinicfaq.medicine-veto=0.06}, red-flag command). */
    private static final double MEDICINE_VETO = Double.parseDouble(System.getProperty("clinicfaq.medicine-veto", "-1"));

    RedFlagSimilarity(
            SentenceEncoder encoder,
            List<Rule> emergencyRules,
            List<String> notEmergencies,
            RedFlagClassifier classifier,
            RedFlagClassifier medicine) {
        this.encoder = encoder;
        this.classifier = classifier != null && classifier.readsVectorsOf(encoder.model()) ? classifier : null;
        this.medicine = this.classifier != null
                        && medicine != null
                        && medicine.readsVectorsOf(encoder.model())
                        && medicine.readsInMessage()
                ? medicine
                : null;
        List<Rule> owners = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (Rule rule : emergencyRules) {
            for (String text : concat(rule.examples(), rule.similar())) {
                owners.add(rule);
                texts.add(text);
            }
        }
        List<float[]> vectors = texts.isEmpty() ? List.of() : encoder.encodeCurated(texts);
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            examples.add(new Example(owners.get(i), texts.get(i), vectors.get(i)));
        }
        this.examples = List.copyOf(examples);
        this.suicideExample = new boolean[examples.size()];
        for (int i = 0; i < examples.size(); i++) {
            suicideExample[i] = isSuicide(examples.get(i).rule());
        }
        this.urgent = vectors.toArray(float[][]::new);
        this.calmTexts = List.copyOf(notEmergencies);
        this.calm = notEmergencies.isEmpty()
                ? new float[0][]
                : encoder.encodeCurated(notEmergencies).toArray(float[][]::new);
    }

    /** A rule whose guidance gives the suicide and crisis line. */
    static boolean isSuicide(Rule rule) {
        return rule.reply().contains("988");
    }

    /** Whether the learned layer reads this policy's sentences. */
    boolean learns() {
        return classifier != null;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /**
     * What the meaning layers read in a message, from one embedding of its sentences.
     *
     * @param urgent the first sentence that is an emergency by meaning, if any
     * @param overrules the learned layer's urgency of the most alarming sentence, when it reads the message as calm beyond
     *        doubt (below its veto), so that a rule's keyword pattern is overruled (never one that counts even in a
     *        hypothesis: a threat of self-harm); empty otherwise, and always for a
     *        message of fewer than {@link #VETO_MIN_WORDS} words or without the learned layer
     * @param medicine the model of messages that speak of a medicine: its highest urgency over the message's pieces
     *     ({@link #medicineVeto}); 1 for a message that speaks of none, or without that model
     */
    record Reading(Optional<Match> urgent, OptionalDouble overrules, double medicine) {

        Reading(Optional<Match> urgent, OptionalDouble overrules) {
            this(urgent, overrules, 1);
        }
    }

    /** The message read once for both questions of {@link Reading}. */
    Reading read(String message) {
        Reading reading = closest(message, false);
        return new Reading(reading.urgent().filter(Match::urgent), reading.overrules(), reading.medicine());
    }

    /** See {@link Reading#overrules()}. */
    OptionalDouble overrules(String message) {
        return read(message).overrules();
    }

    /** The learned layer's veto (see {@link #overrules}), for staff. */
    double veto() {
        return classifier == null ? 0 : classifier.veto();
    }

    /** The most alarming sentence of the message, whether or not it passes the thresholds; empty for a message without words. */
    Optional<Match> closest(String message) {
        return closest(message, true).urgent();
    }

    /**
     * The first sentence of the message that is an emergency by meaning, if any. Cheaper than {@link #closest(String)}:
     * a sentence not close enough to any emergency is not compared with the calm messages.
     */
    Optional<Match> urgent(String message) {
        return closest(message, false).urgent().filter(Match::urgent);
    }

    /** The most alarming match (in {@link Reading#urgent()}, urgent or not) and whether the learned layer overrules patterns. */
    private Reading closest(String message, boolean explain) {
        List<Segment> segments = classifier == null ? segments(message) : withWhole(message, segments(message));
        if (segments.isEmpty() || urgent.length == 0) {
            return new Reading(Optional.empty(), OptionalDouble.empty());
        }
        List<String> texts =
                new ArrayList<>(segments.stream().map(Segment::text).toList());
        String whole = message.strip();
        boolean inMessage = classifier != null && classifier.readsInMessage();
        if (inMessage && !texts.contains(whole)) {
            texts.add(whole); // the learned layer reads each sentence within its message
        }
        List<float[]> vectors = encoder.encode(texts);
        RedFlagClassifier.Message context =
                inMessage ? RedFlagClassifier.Message.of(whole, vectors.get(texts.indexOf(whole))) : null;
        Match best = null;
        float[] bestVector = null;
        double suicide = 0;
        double other = 0;
        double mostUrgent = 0;
        // the second reading of a message that speaks of a medicine, from the same features (medicineVeto)
        List<String> words = Words.of(message);
        boolean spanish = Language.of(words) == Language.SPANISH;
        boolean aboutMedicine = medicine != null && inMessage && Medicines.mentioned(words);
        double medicineUrgency = aboutMedicine ? 0 : 1;
        for (int s = 0; s < segments.size(); s++) {
            Segment segment = segments.get(s);
            RedFlagClassifier.Features features = classifier == null
                    ? null
                    : context == null
                            ? RedFlagClassifier.features(segment.text(), vectors.get(s))
                            : RedFlagClassifier.features(segment.text(), vectors.get(s), context);
            Learned learned = learned(features);
            if (learned != null && spanish && learned.threshold() < LEARNED_THRESHOLD_ES) {
                learned = new Learned(
                        learned.urgency(),
                        learned.suicide(),
                        learned.suicideProbability(),
                        LEARNED_THRESHOLD_ES,
                        learned.suicideThreshold());
            }
            if (aboutMedicine) {
                medicineUrgency = Math.max(
                        medicineUrgency, 1 - medicine.probabilities(features)[RedFlagClassifier.Label.CALM.ordinal()]);
            }
            mostUrgent = learned == null ? mostUrgent : Math.max(mostUrgent, learned.urgency());
            Match match = match(segment.text(), vectors.get(s), learned, explain);
            if (match == null) {
                continue; // not close enough to any emergency to be one, whatever the calm messages
            }
            if (segment.framed() && !(match.rule().evenIfHypothetical() && !segment.framedOtherThanByHypothesis())) {
                match = match.framed();
            }
            if (match.learned() != null && match.learned().urgent()) {
                suicide += match.learned().suicideProbability();
                other += match.learned().urgency() - match.learned().suicideProbability();
            }
            if (best == null || rank(match) > rank(best)) {
                best = match;
                bestVector = vectors.get(s);
            }
        }
        if (best != null
                && best.learned() != null
                && best.learned().urgent()
                && best.learned().suicide() != suicide > other) {
            // the kind of emergency is what all the alarming sentences say together: "my son says he wants to kill
            // himself. he locked himself in with razors" is suicidal thinking, though its second sentence alone is not
            best = ofKind(best, bestVector, suicide > other);
        }
        boolean overrules = classifier != null
                && classifier.veto() > 0
                && mostUrgent < classifier.veto()
                && words.size() >= VETO_MIN_WORDS;
        return new Reading(
                Optional.ofNullable(best),
                overrules ? OptionalDouble.of(mostUrgent) : OptionalDouble.empty(),
                medicineUrgency);
    }

    /** The match with the guidance of the closest curated message of the other kind of emergency. */
    private Match ofKind(Match match, float[] vector, boolean suicide) {
        int nearest = nearest(vector, suicide);
        if (nearest < 0) {
            return match;
        }
        Example example = examples.get(nearest);
        Learned learned = match.learned();
        return new Match(
                example.rule(),
                example.text(),
                encoder.dot(vector, urgent[nearest]),
                match.calmSimilarity(),
                match.calmExample(),
                match.segment(),
                match.language(),
                match.inFrame(),
                new Learned(
                        learned.urgency(),
                        suicide,
                        learned.suicideProbability(),
                        learned.threshold(),
                        learned.suicideThreshold()),
                match.nearestUrgent());
    }

    /** Urgent matches first, then by how far above the calm messages. */
    private static double rank(Match match) {
        return (match.urgent() ? 10 : 0)
                + (match.learned() == null ? 0 : match.learned().urgency())
                + match.similarity()
                - match.calmSimilarity();
    }

    /**
     * What the learned layer reads in the sentence and the closest emergency and calm messages; null when {@code explain}
     * is off and the sentence is no emergency (by the learned layer where there is one, else below the closeness
     * threshold), so that it is not compared with all the curated messages.
     */
    private Match match(String segment, float[] vector, Learned learned, boolean explain) {
        if (learned != null && !explain && !learned.urgent()) {
            return null;
        }
        int nearest = -1;
        double similarity = -1;
        for (int i = 0; i < urgent.length; i++) {
            double s = encoder.dot(vector, urgent[i]);
            if (s > similarity) {
                similarity = s;
                nearest = i;
            }
        }
        double nearestUrgent = similarity; // of any kind: a calm message must be far from every emergency's
        Language language = Language.of(segment);
        if (!explain && learned == null && similarity < (language == Language.SPANISH ? THRESHOLD_ES : THRESHOLD)) {
            return null;
        }
        if (learned != null && learned.urgent() && learned.suicide() != suicideExample[nearest]) {
            // the guidance follows what the learned layer read: the closest example of that kind of emergency
            int closestOfKind = nearest(vector, learned.suicide());
            if (closestOfKind >= 0) {
                nearest = closestOfKind;
                similarity = encoder.dot(vector, urgent[nearest]);
            }
        }
        double calmSimilarity = -1;
        String calmExample = null;
        if (explain || learned == null || learned.urgent()) {
            for (int i = 0; i < calm.length; i++) {
                double s = encoder.dot(vector, calm[i]);
                if (s > calmSimilarity) {
                    calmSimilarity = s;
                    calmExample = calmTexts.get(i);
                }
            }
        }
        Example example = examples.get(nearest);
        return new Match(
                example.rule(),
                example.text(),
                similarity,
                calmSimilarity,
                calmExample,
                segment,
                language,
                false,
                learned,
                nearestUrgent);
    }

    /** What the learned layer reads in the sentence (within its message, where it reads so); null without it. */
    private Learned learned(RedFlagClassifier.Features features) {
        if (classifier == null) {
            return null;
        }
        double[] p = classifier.probabilities(features);
        boolean suicide =
                p[RedFlagClassifier.Label.URGENT_988.ordinal()] > p[RedFlagClassifier.Label.URGENT_911.ordinal()];
        return new Learned(
                1 - p[RedFlagClassifier.Label.CALM.ordinal()],
                suicide,
                p[RedFlagClassifier.Label.URGENT_988.ordinal()],
                classifier.threshold(),
                classifier.suicideThreshold());
    }

    /** The closest curated emergency message of a 988 rule ({@code suicide}) or of another; -1 when there is none. */
    private int nearest(float[] vector, boolean suicide) {
        int nearest = -1;
        double similarity = -2;
        for (int i = 0; i < urgent.length; i++) {
            if (suicideExample[i] == suicide) {
                double s = encoder.dot(vector, urgent[i]);
                if (s > similarity) {
                    similarity = s;
                    nearest = i;
                }
            }
        }
        return nearest;
    }

    /** The message whole as well as its sentences (the learned layer reads short messages and whole ones too). */
    private static List<Segment> withWhole(String message, List<Segment> segments) {
        if (message == null || message.isBlank() || message.codePoints().noneMatch(Character::isLetter)) {
            return segments;
        }
        String whole = message.strip();
        if (segments.stream().anyMatch(s -> s.text().equals(whole))) {
            return segments;
        }
        if (Words.of(whole).size() < MIN_WORDS) {
            // a message of a few words is left to the patterns: "cancel", "yes", "stop" while a form is open are words
            // of the conversation, and "cant breathe" has its pattern
            return segments;
        }
        Context context = Context.of(whole);
        List<Segment> all = new ArrayList<>(segments.size() + 1);
        all.add(new Segment(whole, context.anyTrigger(), context.anyTriggerButHypothesis()));
        all.addAll(segments);
        return all;
    }

    /**
     * A sentence or a stretch of one, and whether its sentence is framed: denied, hypothetical, general, past,
     * over or figurative ({@link Context}); a framed sentence is never an emergency by meaning alone.
     */
    record Segment(String text, boolean framed, boolean framedOtherThanByHypothesis) {}

    /** The message's sentences, and stretches of its long sentences: every one is read, however long the message. */
    static List<Segment> segments(String message) {
        if (message == null || message.codePoints().noneMatch(Character::isLetter)) {
            return List.of();
        }
        List<Segment> segments = new ArrayList<>();
        for (String sentence : SENTENCE_END.split(message)) {
            String[] words = sentence.strip().split("\\s+");
            if (sentence.codePoints().noneMatch(Character::isLetter)) {
                continue;
            }
            if (Words.of(sentence).size() < MIN_WORDS) {
                continue;
            }
            Context context = Context.of(sentence);
            boolean framed = context.anyTrigger();
            boolean framedOtherwise = context.anyTriggerButHypothesis();
            segments.add(new Segment(sentence.strip(), framed, framedOtherwise));
            if (words.length > WINDOW + 2) {
                for (int start = 0; start < words.length; start += WINDOW / 2) {
                    int end = Math.min(words.length, start + WINDOW);
                    segments.add(new Segment(
                            String.join(" ", java.util.Arrays.copyOfRange(words, start, end)),
                            framed,
                            framedOtherwise));
                    if (end == words.length) {
                        break;
                    }
                }
            }
        }
        if (segments.size() == 1 && Words.of(segments.getFirst().text()).equals(Words.of(message))) {
            // the whole message, as typed: the answer engine embeds the same text, so it is embedded once
            Segment only = segments.getFirst();
            return List.of(new Segment(message.strip(), only.framed(), only.framedOtherThanByHypothesis()));
        }
        return List.copyOf(segments);
    }
}
