package com.clinicfaq.conversation;

import com.clinicfaq.handoff.HandoffService;
import com.clinicfaq.handoff.HandoffSubmission;
import com.clinicfaq.knowledge.Article;
import com.clinicfaq.knowledge.CurrentKnowledge;
import com.clinicfaq.knowledge.KnowledgeBase;
import com.clinicfaq.knowledge.Topics;
import com.clinicfaq.policy.ConversationPolicy;
import com.clinicfaq.policy.CurrentPolicy;
import com.clinicfaq.policy.Decision;
import com.clinicfaq.policy.Language;
import com.clinicfaq.policy.Texts;
import com.clinicfaq.search.Answer;
import com.clinicfaq.search.AnswerEngine;
import com.clinicfaq.search.ContextualAnswer;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs conversations: each visitor input is stored, goes through the safety policy (emergency,
 * needs a clinician, booking, small talk) and then the answer engine, and the bot's replies are
 * stored before they are returned to be sent. Where the conversation stands with the staff follow-up, and every move of
 * it, is the {@link Dialogue}'s; where a turn is written (the database, or the outbox while it is out of reach), the
 * {@link TranscriptFailover}'s. Logs ids, never message text or contact details.
 * Publishes {@link ConversationStarted} and {@link VisitorMessageReplied} (kinds and ids only) with
 * what they describe, in the same transaction.
 */
@Service
public class ConversationService {

    private static final Logger log = LoggerFactory.getLogger(ConversationService.class);

    /**
     * How many of its last messages a resumed conversation is sent back with: enough for any real
     * visit, and a bound on what one connection makes the server hold however long the conversation.
     */
    public static final int RESUMED_HISTORY = 100;

    private final Transcripts transcripts;
    private final TranscriptFailover failover;
    private final AnswerEngine engine;
    private final Supplier<ConversationPolicy> policy;
    private final Supplier<KnowledgeBase> knowledge;
    private final ChatProperties properties;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private FailedTurns failedTurns;
    private final ApplicationEventPublisher events;
    private final Object[] locks = new Object[256];
    private final Map<String, String> topics = new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * Conversations opened and not stored yet (the visitor has said nothing): when, and the greeting shown. Each is
     * forgotten when it is stored or its connection closes; the bound only guards against a leak.
     */
    private final Cache<UUID, Unstored> unstored =
            Caffeine.newBuilder().maximumSize(100_000).build();

    /** @param pageArticle the article of the page the chat was opened on, or null: the conversation's first topic */
    private record Unstored(Instant at, BotMessage greeting, String pageArticle) {}

    ConversationService(
            Transcripts transcripts,
            TranscriptFailover failover,
            AnswerEngine engine,
            CurrentPolicy policy,
            CurrentKnowledge knowledge,
            ChatProperties properties,
            Clock clock,
            TransactionTemplate transaction,
            ApplicationEventPublisher events) {
        this.transcripts = transcripts;
        this.failover = failover;
        this.engine = engine;
        this.policy = policy::policy;
        this.knowledge = knowledge::knowledge;
        this.properties = properties;
        this.clock = clock;
        this.transaction = transaction;
        this.events = events;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    /** Keeps the visitor messages whose turn failed with an error, for editors (not in unit tests). */
    @Autowired
    void whenATurnFails(FailedTurns failedTurns) {
        this.failedTurns = failedTurns;
    }

    /** A conversation as a connection finds it: new with its greeting, or resumed with its latest history. */
    public record Opened(
            UUID conversationId, boolean resumed, List<TranscriptMessage> history, List<TranscriptMessage> replies) {}

    /** What the visitor can do. */
    public sealed interface Input {
        record Text(String clientId, String text) implements Input {}

        record AcceptHandoff() implements Input {}

        record DeclineHandoff() implements Input {}

        record CancelHandoff() implements Input {}

        record SubmitHandoff(HandoffSubmission form) implements Input {}

        /** "Did this answer your question?" answered for the bot's answer at {@code seq} (issue #19). */
        record Feedback(int seq, boolean helpful) implements Input {}
    }

    /**
     * The outcome of an input, everything in it already stored.
     *
     * @param ackSeq for a text: its place in the conversation (also when it was a resent duplicate)
     * @param replies the bot's replies, to send in order
     * @param formErrors for a handoff form that needs fixing: messages by field
     * @param noHandoff a handoff input arrived when no offer or form was open
     */
    public record Handled(
            Integer ackSeq, List<TranscriptMessage> replies, Map<String, String> formErrors, boolean noHandoff) {

        static Handled replies(Integer ack, List<TranscriptMessage> replies) {
            return new Handled(ack, replies, Map.of(), false);
        }
    }

    /**
     * Opens the conversation named by {@code requestedId} if it can still be resumed, else a new one. A new
     * conversation is not stored yet: it gets its id and greeting here, and is stored with them when the visitor
     * first says something ({@link #handle}), so that opening the chat and leaving costs no database write.
     */
    public Opened open(String requestedId) {
        return open(requestedId, null);
    }

    /**
     * @param pageArticle the article the visitor is reading where the chat was opened (the widget's
     *     {@code data-article}), or null: a new conversation starts with it as its topic, so that "how long does it
     *     take?" asked on the page about ablation is answered about ablation (issue #14); an id the knowledge base does
     *     not know is ignored
     */
    public Opened open(String requestedId, String pageArticle) {
        return open(requestedId, pageArticle, Language.ENGLISH);
    }

    /**
     * @param pageLanguage the page's language (the widget's {@code data-lang} or the page's {@code lang}): a new
     *     conversation greets in it, and stays in it until the visitor writes in the other (issue #16)
     */
    public Opened open(String requestedId, String pageArticle, Language pageLanguage) {
        // one whose history is out of reach (in the database, while it is) is not resumed: a fresh conversation
        // instead, kept in the outbox once it has a message
        return parse(requestedId)
                .flatMap(requested -> failover.read(() -> openStored(requested)))
                .orElseGet(() -> openNew(pageArticle, pageLanguage == null ? Language.ENGLISH : pageLanguage));
    }

    private Opened openNew(String pageArticle, Language language) {
        Instant now = clock.instant();
        Texts texts = policy.get().rules().texts();
        UUID id = UUID.randomUUID();
        BotMessage greeting = bot(
                        BotMessage.Kind.GREETING, texts.greeting(language), spoken(texts, "greeting", language))
                .suggestions(texts.suggestions(language))
                .build();
        String page = pageArticle == null || pageArticle.isBlank()
                ? null
                : knowledge.get().article(pageArticle.strip()).map(Article::id).orElse(null);
        unstored.put(id, new Unstored(now, greeting, page));
        log.debug("Conversation {} opened; stored once the visitor says something", id);
        return new Opened(id, false, List.of(), List.of(new TranscriptMessage(1, null, greeting, now)));
    }

    private Optional<Opened> openStored(UUID requestedId) {
        Instant now = clock.instant();
        return transcripts
                .find(requestedId)
                .filter(c -> c.lastActivityAt().plus(properties.resumeWindow()).isAfter(now))
                .map(conversation -> {
                    UUID id = conversation.id();
                    log.info("Conversation {} resumed", id);
                    return new Opened(id, true, transcripts.lastMessages(id, RESUMED_HISTORY, lookup()), List.of());
                });
    }

    /**
     * The conversation {@code id} as stored in {@code store}. One opened here and not stored yet is stored now, with
     * the greeting its visitor was shown, when the input is the visitor's first message (in the same transaction);
     * any other input finds it fresh and stores nothing.
     */
    private Conversation storedOrStarted(TranscriptFailover.Store store, UUID id, Input input) {
        Unstored opened = unstored.getIfPresent(id);
        if (opened == null) {
            return store.transcripts().find(id).orElseThrow(() -> new IllegalStateException("no conversation " + id));
        }
        if (!(input instanceof Input.Text)) {
            return new Conversation(id, opened.at(), opened.at(), false, Dialogue.START, opened.pageArticle());
        }
        Conversation created = store.transcripts().create(id, opened.at());
        Conversation conversation = new Conversation(
                created.id(),
                created.startedAt(),
                created.lastActivityAt(),
                created.emergency(),
                created.stage(),
                opened.pageArticle());
        store.transcripts().appendBot(id, opened.greeting(), opened.at());
        if (store.inDatabase()) {
            log.info("Conversation {} started", id);
            events.publishEvent(new ConversationStarted(id));
        } else {
            log.warn("Conversation {} started while the database is out of reach; kept in the outbox", id);
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    unstored.invalidate(id);
                }
            });
        } else {
            unstored.invalidate(id);
        }
        return conversation;
    }

    /** The connection to the conversation closed: one the visitor never said anything in is forgotten (it was never stored). */
    public void closed(UUID conversationId) {
        if (conversationId != null) {
            unstored.invalidate(conversationId);
        }
    }

    /** The whole conversation, oldest first, for staff who follow up on it. */
    public List<TranscriptMessage> transcript(UUID conversationId) {
        return transcripts.messages(conversationId, lookup());
    }

    /** One stored message of a conversation, by its place in it, for staff. */
    public Optional<TranscriptMessage> message(UUID conversationId, int seq) {
        return transcripts.message(conversationId, seq, lookup());
    }

    public Handled handle(UUID conversationId, Input input) {
        synchronized (locks[Math.floorMod(conversationId.hashCode(), locks.length)]) {
            return failover.write(
                    conversationId,
                    store -> handleWith(store, conversationId, input),
                    error -> keepFailed(conversationId, input, error));
        }
    }

    /**
     * A visitor's message whose turn failed with an error (not an outage: the database answered) is rolled back with
     * the turn; it is kept apart, in a transaction of its own, for editors to see (issue #20). The visitor is told what
     * they were told before; a failure to keep it is logged and does not hide the error.
     */
    private void keepFailed(UUID conversationId, Input input, RuntimeException error) {
        if (failedTurns == null || !(input instanceof Input.Text text)) {
            return;
        }
        try {
            transaction.executeWithoutResult(
                    status -> failedTurns.record(conversationId, text.clientId(), text.text(), error, clock.instant()));
        } catch (RuntimeException e) {
            log.warn(
                    "Conversation {}: the failed turn could not be kept ({})",
                    conversationId,
                    e.getClass().getSimpleName());
            error.addSuppressed(e);
        }
    }

    private Handled handleWith(TranscriptFailover.Store store, UUID id, Input input) {
        TranscriptStore transcripts = store.transcripts();
        Conversation conversation = storedOrStarted(store, id, input);
        Instant now = clock.instant();
        // the language the conversation is in: the bot's last words'; a message that tells its own language changes it
        java.util.function.Supplier<Language> spoken =
                () -> transcripts.language(id).map(Language::ofCode).orElse(Language.ENGLISH);
        Turn turn = switch (input) {
            case Input.Text text -> {
                Optional<Integer> earlier = transcripts.seqOfClientMessage(id, text.clientId());
                if (earlier.isPresent()) {
                    yield Turn.duplicate(earlier.get());
                }
                int seq = transcripts.appendVisitor(id, text.clientId(), text.text(), now);
                yield respond(store, conversation, text.text(), Language.answering(text.text(), spoken))
                        .acknowledging(seq);
            }
            case Input.AcceptHandoff accept -> answered(store, conversation, Dialogue.Visitor.ACCEPTS, null, spoken);
            case Input.DeclineHandoff decline -> answered(store, conversation, Dialogue.Visitor.DECLINES, null, spoken);
            case Input.CancelHandoff cancel -> answered(store, conversation, Dialogue.Visitor.DECLINES, null, spoken);
            case Input.SubmitHandoff submit ->
                answered(store, conversation, Dialogue.Visitor.SENDS_FORM, submit.form(), spoken);
            case Input.Feedback feedback -> feedback(transcripts, conversation, feedback, spoken.get());
        };
        if (turn.noHandoff()) {
            return new Handled(null, List.of(), Map.of(), true);
        }
        if (turn.event() == null) {
            return Handled.replies(
                    turn.ack(), List.of()); // a resent message (stored and answered before), or nothing to say
        }
        Stage stage = Dialogue.after(conversation.stage(), turn.event());
        List<TranscriptMessage> stored = new ArrayList<>();
        for (BotMessage reply : turn.replies()) {
            stored.add(transcripts.appendBot(id, reply, now));
        }
        boolean emergency = turn.replies().stream().anyMatch(BotMessage::emergency);
        transcripts.update(id, stage, turn.topicArticle(), emergency, now);
        store.stored(
                new Conversation(
                        id,
                        conversation.startedAt(),
                        now,
                        conversation.emergency() || emergency,
                        stage,
                        turn.topicArticle()),
                stored.isEmpty() ? turn.ack() : Integer.valueOf(stored.getLast().seq()));
        if (emergency) {
            log.warn(
                    "Conversation {}: emergency guidance given ({})",
                    id,
                    turn.replies().getFirst().ruleId());
        }
        if (input instanceof Input.Text && !turn.replies().isEmpty()) {
            BotMessage outcome = turn.replies().getFirst();
            events.publishEvent(new VisitorMessageReplied(
                    id, outcome.kind(), outcome.confidence(), outcome.ruleId(), outcome.emergency()));
        }
        return new Handled(turn.ack(), stored, turn.formErrors(), false);
    }

    /**
     * The visitor's answer to the bot's offer or form, by a button or typed, where the dialogue allows it.
     *
     * @param form the form sent, for {@link Dialogue.Visitor#SENDS_FORM}
     * @param language the visitor's, asked for only when the answer is allowed
     */
    private Turn answered(
            TranscriptFailover.Store store,
            Conversation conversation,
            Dialogue.Visitor answer,
            HandoffSubmission form,
            Supplier<Language> language) {
        if (!Dialogue.allows(conversation.stage(), answer)) {
            return Turn.NO_HANDOFF;
        }
        return switch (answer) {
            case ACCEPTS -> openForm(conversation, answer, language.get());
            case DECLINES -> cancel(conversation, language.get());
            case SENDS_FORM -> submit(store, conversation, form, language.get());
        };
    }

    /** @param language the visitor's: the message's own, or the conversation's where the message does not tell */
    private Turn respond(TranscriptFailover.Store store, Conversation conversation, String text, Language language) {
        Texts texts = policy.get().rules().texts();
        String topic = conversation.topicArticle();
        // the policy first: urgent guidance comes before anything else, also while an offer or the form is open
        Decision decision = policy.get().decide(text);
        if (!(decision instanceof Decision.Emergency)) {
            // a typed yes, no or cancel answers the bot's offer or form as its button does
            Optional<Dialogue.Visitor> typed = Dialogue.typed(conversation.stage(), text);
            if (typed.isPresent()) {
                return answered(store, conversation, typed.get(), null, () -> language);
            }
        }
        return switch (decision) {
            case Decision.Emergency emergency ->
                new Turn(
                        List.of(
                                new BotMessageBuilder(
                                                BotMessage.Kind.EMERGENCY,
                                                emergency.guidance(),
                                                texts.disclaimer(emergency.language()))
                                        .emergency()
                                        .rule(emergency.ruleId())
                                        .basis(emergency.basis())
                                        .language(emergency.language().code)
                                        .build(),
                                new BotMessageBuilder(
                                                BotMessage.Kind.HANDOFF_OFFER,
                                                texts.handoffOffer(emergency.language()),
                                                texts.disclaimer(emergency.language()))
                                        .offering()
                                        .rule(emergency.ruleId())
                                        .language(emergency.language().code)
                                        .build()),
                        Dialogue.Bot.OFFERS,
                        topic);
            case Decision.NeedsClinician clinician -> {
                // the general information first, read as an ordinary question is (in the visitor's language)
                ContextualAnswer.InLanguage answered = answered(store, conversation, text, language, texts);
                Answer answer = answered.answer();
                List<BotMessage> replies = new ArrayList<>();
                Language said = texts.hasSpanish("clinician-note") ? language : Language.ENGLISH;
                if (answer instanceof Answer.Found found) {
                    replies.add(bot(
                                    BotMessage.Kind.CLINICIAN,
                                    found.text(),
                                    answered.translated() ? language : Language.ENGLISH)
                            .source(found)
                            .rule(clinician.ruleId())
                            .build());
                    replies.add(bot(
                                    BotMessage.Kind.HANDOFF_OFFER,
                                    texts.clinicianNote(said) + " " + texts.handoffOffer(said),
                                    said)
                            .offering()
                            .rule(clinician.ruleId())
                            .build());
                    topic = found.source().articleId();
                } else {
                    replies.add(bot(BotMessage.Kind.CLINICIAN, texts.clinicianNote(said), said)
                            .rule(clinician.ruleId())
                            .build());
                    replies.add(bot(BotMessage.Kind.HANDOFF_OFFER, texts.handoffOffer(said), said)
                            .offering()
                            .rule(clinician.ruleId())
                            .build());
                }
                yield new Turn(replies, Dialogue.Bot.OFFERS, topic);
            }
            case Decision.Booking booking -> openForm(conversation, Dialogue.Bot.OPENS_FORM, language);
            case Decision.SmallTalk smallTalk
            when smallTalk.offersHandoff() ->
                new Turn(
                        List.of(bot(
                                        BotMessage.Kind.SMALLTALK,
                                        smallTalk.reply(language),
                                        spokenReply(smallTalk, language))
                                .offering()
                                .rule(smallTalk.ruleId())
                                .build()),
                        Dialogue.Bot.OFFERS,
                        topic);
            case Decision.SmallTalk smallTalk ->
                new Turn(
                        List.of(bot(
                                        BotMessage.Kind.SMALLTALK,
                                        smallTalk.reply(language),
                                        spokenReply(smallTalk, language))
                                .rule(smallTalk.ruleId())
                                .build()),
                        Dialogue.Bot.CHATS,
                        topic);
            case Decision.AskKnowledgeBase ask -> {
                // in the visitor's language: from a translation staff reviewed, else the English question it asks
                // (issue #16), in English with the note that the practice's information is in English
                ContextualAnswer.InLanguage answered = answered(store, conversation, text, language, texts);
                if (answered.translated() && answered.answer() instanceof Answer.Found found) {
                    yield answeredInTranslation(found, language);
                }
                yield respondFromKnowledge(text, topic, language, texts, answered.answer());
            }
        };
    }

    /** An answer from a reviewed translation, in the visitor's language. */
    private Turn answeredInTranslation(Answer.Found found, Language language) {
        return new Turn(
                List.of(bot(BotMessage.Kind.ANSWER, found.text(), language)
                        .source(found)
                        .rule(found.itemId())
                        .build()),
                Dialogue.Bot.ANSWERS,
                found.source().articleId());
    }

    /** The reply to a question the knowledge base is asked, with what it answered. */
    private Turn respondFromKnowledge(String text, String topic, Language language, Texts texts, Answer answer) {
        return switch (answer) {
            case Answer.Found found
            when language == Language.SPANISH && texts.hasSpanish("english-only") ->
                new Turn(
                        // the practice's information is in English: the answer as written, with its source, then in
                        // Spanish what it is and the offer of a follow-up in Spanish (issue #16)
                        List.of(
                                bot(BotMessage.Kind.ANSWER, found.text(), Language.ENGLISH)
                                        .source(found)
                                        .rule(found.itemId())
                                        .build(),
                                bot(BotMessage.Kind.HANDOFF_OFFER, texts.englishOnly(language), Language.SPANISH)
                                        .offering()
                                        .rule(found.itemId())
                                        .build()),
                        Dialogue.Bot.OFFERS,
                        found.source().articleId());
            case Answer.Found found ->
                new Turn(
                        List.of(bot(BotMessage.Kind.ANSWER, found.text())
                                .source(found)
                                .rule(found.itemId())
                                .build()),
                        Dialogue.Bot.ANSWERS,
                        found.source().articleId());
            case Answer.OutOfScope outOfScope ->
                new Turn(
                        List.of(bot(
                                        BotMessage.Kind.UNKNOWN,
                                        texts.outOfScope(language),
                                        spoken(texts, "out-of-scope", language))
                                .offering()
                                .rule(outOfScope.topicId())
                                .build()),
                        Dialogue.Bot.OFFERS,
                        topic);
            case Answer.Unknown unknown ->
                new Turn(
                        List.of(bot(
                                        BotMessage.Kind.UNKNOWN,
                                        texts.unknown(language),
                                        spoken(texts, "unknown", language))
                                .offering()
                                .build()),
                        Dialogue.Bot.OFFERS,
                        topic);
            case Answer.Ambiguous ambiguous ->
                new Turn(
                        List.of(bot(
                                        BotMessage.Kind.CLARIFY,
                                        texts.whichProcedure(language),
                                        spoken(texts, "which-procedure", language))
                                .suggestions(ambiguous.choices().stream()
                                        .map(c -> aboutProcedure(text, c.name()))
                                        .toList())
                                .rule(ambiguous.choices().stream()
                                        .map(Answer.Choice::articleId)
                                        .collect(java.util.stream.Collectors.joining(" ")))
                                .build()),
                        Dialogue.Bot.ANSWERS,
                        topic);
        };
    }

    /** How many other answers a "no, that did not answer my question" offers as buttons. */
    static final int NEXT_BEST = 3;

    /**
     * A visitor's "Did this answer your question?": recorded on the answer; a "no" is answered with the next best answers
     * of the same article as buttons (each a question that leads to it) and the offer of a staff follow-up, and sends the
     * question to the unanswered-questions page with the answer it got. A "yes", or feedback on a message that is no
     * answer, is recorded (where it can be) and needs no reply.
     */
    private Turn feedback(
            TranscriptStore transcripts, Conversation conversation, Input.Feedback feedback, Language language) {
        Optional<TranscriptStore.Answered> answered =
                transcripts.recordFeedback(conversation.id(), feedback.seq(), feedback.helpful());
        answered.ifPresent(a -> events.publishEvent(new AnswerFeedbackGiven(conversation.id(), feedback.helpful())));
        if (feedback.helpful() || answered.isEmpty()) {
            return Turn.NOTHING;
        }
        Texts texts = policy.get().rules().texts();
        List<String> next = nextBest(answered.get());
        return new Turn(
                List.of(bot(
                                BotMessage.Kind.HANDOFF_OFFER,
                                texts.answerMissed(language),
                                spoken(texts, "answer-missed", language))
                        .suggestions(next)
                        .offering()
                        .rule(
                                answered.get().itemId() == null
                                        ? ""
                                        : answered.get().itemId())
                        .build()),
                Dialogue.Bot.OFFERS,
                conversation.topicArticle());
    }

    /**
     * The items the engine weighed next for the question, from the answer's own article (never another procedure's):
     * a FAQ by its question, a passage by its section's title, as buttons that send them.
     */
    private List<String> nextBest(TranscriptStore.Answered answered) {
        KnowledgeBase kb = knowledge.get();
        java.util.Map<String, String> faqQuestions = kb.faqs().stream()
                .collect(java.util.stream.Collectors.toMap(
                        com.clinicfaq.knowledge.Faq::id, com.clinicfaq.knowledge.Faq::question, (a, b) -> a));
        String given = answered.itemId() == null ? "" : answered.itemId();
        java.util.LinkedHashSet<String> labels = new java.util.LinkedHashSet<>();
        for (var candidate : engine.explain(answered.question(), 12).candidates()) {
            if (candidate.source() == null
                    || candidate.itemId().equals(given)
                    || candidate.itemId().startsWith(given + "/")
                    || answered.articleId() != null
                            && !candidate.source().articleId().equals(answered.articleId())) {
                continue;
            }
            String label = switch (candidate.kind()) {
                case FAQ -> faqQuestions.get(candidate.itemId());
                case PASSAGE ->
                    faqQuestions.containsKey(candidate.itemId().replaceFirst("/\\d+$", ""))
                            ? faqQuestions.get(candidate.itemId().replaceFirst("/\\d+$", ""))
                            : candidate.source().sectionTitle();
                case OUT_OF_SCOPE -> null;
            };
            if (label != null && !label.isBlank()) {
                labels.add(label.strip());
            }
            if (labels.size() == NEXT_BEST) {
                break;
            }
        }
        return List.copyOf(labels);
    }

    /**
     * The visitor's question again, naming a procedure: what a button of a "which procedure?" reply sends, so that
     * the question is answered from that procedure's article and the conversation takes it as its topic.
     */
    static String aboutProcedure(String question, String procedure) {
        String asked = question.strip().replaceAll("\\s+", " ");
        if (asked.length() > 200) {
            asked = asked.substring(0, 199) + "…";
        }
        return asked + " (" + procedure + ")";
    }

    /**
     * Answers in the context of the conversation's topic: "and the follow-up visit?" after a
     * kyphoplasty answer is asked as a question about kyphoplasty.
     */
    private Answer answer(String text, String topicArticle) {
        return ContextualAnswer.of(engine, text, topicArticle, topicWord(topicArticle));
    }

    /**
     * The knowledge base's answer as the chat gives it: in the visitor's language, in the conversation's topic, an
     * elliptical follow-up read after the question that gave the topic ({@link ContextualAnswer#inLanguage}).
     */
    private ContextualAnswer.InLanguage answered(
            TranscriptFailover.Store store, Conversation conversation, String text, Language language, Texts texts) {
        String topic = conversation.topicArticle();
        return ContextualAnswer.inLanguage(
                engine,
                text,
                language.code,
                topic,
                topicWord(topic),
                texts::englishOfSuggestion,
                () -> store.transcripts().answeredQuestion(conversation.id()).orElse(null));
    }

    /** What the topic's article is about, in a word; null for no topic. */
    private String topicWord(String topicArticle) {
        return Optional.ofNullable(topicArticle)
                .flatMap(id -> knowledge.get().article(id))
                .map(article ->
                        topics.computeIfAbsent(article.id() + "\n" + article.title(), key -> Topics.of(article)))
                .orElse(null);
    }

    /** @param event the visitor's yes to the offer, or the bot's reply to asking for a person */
    private Turn openForm(Conversation conversation, Dialogue.Event event, Language language) {
        Texts texts = policy.get().rules().texts();
        return new Turn(
                List.of(bot(
                                BotMessage.Kind.HANDOFF_FORM,
                                texts.handoffAccepted(language),
                                spoken(texts, "handoff-accepted", language))
                        .build()),
                event,
                conversation.topicArticle());
    }

    /** "No" to the offer (nothing was requested: "no problem") or to the open form (the request is cancelled). */
    private Turn cancel(Conversation conversation, Language language) {
        Texts texts = policy.get().rules().texts();
        boolean declined = conversation.stage() == Stage.OFFERED;
        return new Turn(
                List.of(bot(
                                BotMessage.Kind.HANDOFF_CANCELLED,
                                declined ? texts.handoffDeclined(language) : texts.handoffCancelled(language),
                                spoken(texts, declined ? "handoff-declined" : "handoff-cancelled", language))
                        .build()),
                Dialogue.Visitor.DECLINES,
                conversation.topicArticle());
    }

    private Turn submit(
            TranscriptFailover.Store store, Conversation conversation, HandoffSubmission form, Language language) {
        return switch (store.submit(conversation.id(), form, conversation.emergency())) {
            case HandoffService.Result.Invalid invalid ->
                new Turn(List.of(), Dialogue.Bot.ASKS_TO_FIX_FORM, conversation.topicArticle())
                        .withFormErrors(
                                language == Language.SPANISH ? HandoffService.checkInSpanish(form) : invalid.errors());
            case HandoffService.Result.Stored stored ->
                new Turn(
                        List.of(bot(
                                        BotMessage.Kind.HANDOFF_CONFIRMED,
                                        policy.get().rules().texts().handoffConfirmed(language),
                                        spoken(policy.get().rules().texts(), "handoff-confirmed", language))
                                .rule(stored.handoffId().toString())
                                .build()),
                        Dialogue.Visitor.SENDS_FORM,
                        conversation.topicArticle());
        };
    }

    private BotMessageBuilder bot(BotMessage.Kind kind, String text) {
        return new BotMessageBuilder(kind, text, policy.get().rules().texts().disclaimer());
    }

    /** A message in this language, with the disclaimer in it. */
    private BotMessageBuilder bot(BotMessage.Kind kind, String text, Language language) {
        return new BotMessageBuilder(kind, text, policy.get().rules().texts().disclaimer(language))
                .language(language.code);
    }

    /** The language a small-talk reply is said in: the visitor's, where the rule has its reply in it. */
    private static Language spokenReply(Decision.SmallTalk smallTalk, Language visitor) {
        return visitor == Language.SPANISH && smallTalk.spanish() ? Language.SPANISH : Language.ENGLISH;
    }

    /** The language a text of the policy is said in: the visitor's, where the policy has the text in it. */
    private static Language spoken(Texts texts, String key, Language visitor) {
        return texts.hasSpanish(key) ? visitor : Language.ENGLISH;
    }

    private Transcripts.SourceTitles lookup() {
        KnowledgeBase current = knowledge.get();
        List<String> suggestions = policy.get().rules().texts().suggestions();
        return new Transcripts.SourceTitles() {
            @Override
            public String articleTitle(String articleId) {
                return current.article(articleId).map(Article::title).orElse(articleId);
            }

            @Override
            public List<String> suggestions() {
                return suggestions;
            }
        };
    }

    private static Optional<UUID> parse(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The bot's side of one turn and the dialogue's move it makes ({@code event}: null when nothing about the
     * conversation changes).
     */
    private record Turn(
            List<BotMessage> replies,
            Dialogue.Event event,
            String topicArticle,
            Integer ack,
            Map<String, String> formErrors,
            boolean noHandoff) {

        static final Turn NO_HANDOFF = new Turn(List.of(), null, null, null, Map.of(), true);
        /** Nothing to say and nothing about the conversation changed (a "yes, that helped" is recorded on the answer). */
        static final Turn NOTHING = new Turn(List.of(), null, null, null, Map.of(), false);

        Turn(List<BotMessage> replies, Dialogue.Event event, String topicArticle) {
            this(replies, event, topicArticle, null, Map.of(), false);
        }

        static Turn duplicate(int seq) {
            return new Turn(List.of(), null, null, seq, Map.of(), false);
        }

        Turn acknowledging(int seq) {
            return new Turn(replies, event, topicArticle, seq, formErrors, noHandoff);
        }

        Turn withFormErrors(Map<String, String> errors) {
            return new Turn(replies, event, topicArticle, ack, errors, noHandoff);
        }
    }
}
