package com.clinicfaq.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.clinicfaq.handoff.HandoffService;
import com.clinicfaq.knowledge.KnowledgeBase;
import com.clinicfaq.policy.ConversationPolicy;
import com.clinicfaq.policy.Decision;
import com.clinicfaq.policy.Language;
import com.clinicfaq.policy.PolicyRules;
import com.clinicfaq.policy.Texts;
import com.clinicfaq.search.Answer;
import com.clinicfaq.search.AnswerEngine;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.InOrder;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The order of the conversation policy, with the policy, the engine and the storage mocked. */
class ConversationServiceTests {

    private static final Texts TEXTS = new Texts(
            "Not medical advice.",
            "Hello.",
            List.of("What is kyphoplasty?"),
            "I do not have that information.",
            "I cannot help with that here.",
            "Only a clinician can say.",
            "Shall staff contact you?",
            "Please fill in the form.",
            "Received.",
            "Cancelled.",
            "No es consejo médico.",
            "¿Quiere que el personal le contacte?");
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    private final Transcripts transcripts = mock(Transcripts.class);
    private final AnswerEngine engine = mock(AnswerEngine.class);
    private final ConversationPolicy policy = mock(ConversationPolicy.class);
    private final HandoffService handoffs = mock(HandoffService.class);
    private final ApplicationEventPublisher events = mock(ApplicationEventPublisher.class);
    private final UUID id = UUID.randomUUID();
    /** The outbox's folder: never written, as the database never goes out of reach here. */
    @TempDir
    Path directory;

    private ConversationService service;

    @BeforeEach
    void setUp() {
        when(policy.rules()).thenReturn(new PolicyRules(TEXTS, List.of(), List.of(), List.of(), List.of()));
        ChatProperties properties = Binder.get(new org.springframework.core.env.StandardEnvironment())
                .bindOrCreate("clinicfaq.chat", Bindable.of(ChatProperties.class));
        KnowledgeBase knowledge = new KnowledgeBase(List.of(), List.of(), List.of());
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        TransactionTemplate transaction = new TransactionTemplate(mock(PlatformTransactionManager.class));
        Outbox outbox = new Outbox(directory.resolve("outbox.jsonl"));
        TranscriptFailover failover = new TranscriptFailover(
                transcripts,
                handoffs,
                new OutageTranscripts(outbox, handoffs, clock),
                new OutboxReplay(outbox, transcripts, handoffs, transaction),
                transaction,
                clock,
                properties);
        service = new ConversationService(
                transcripts, failover, engine, () -> policy, () -> knowledge, properties, clock, transaction, events);
        when(transcripts.find(id)).thenReturn(Optional.of(new Conversation(id, NOW, NOW, false, Stage.CHATTING, null)));
        when(transcripts.seqOfClientMessage(eq(id), anyString())).thenReturn(Optional.empty());
        when(transcripts.appendVisitor(eq(id), anyString(), anyString(), any())).thenReturn(2);
        when(transcripts.appendBot(eq(id), any(), any()))
                .thenAnswer(call -> new TranscriptMessage(3, null, call.getArgument(1), NOW));
    }

    @Test
    void givesEmergencyGuidanceFirstWithoutAskingTheKnowledgeBase() {
        when(policy.decide("cant feel my legs"))
                .thenReturn(new Decision.Emergency("legs", "Leg numbness", "Call 911 now."));

        ConversationService.Handled handled =
                service.handle(id, new ConversationService.Input.Text("c-1", "cant feel my legs"));

        assertThat(kinds(handled)).containsExactly(BotMessage.Kind.EMERGENCY, BotMessage.Kind.HANDOFF_OFFER);
        assertThat(handled.replies().getFirst().bot().text()).isEqualTo("Call 911 now.");
        assertThat(handled.replies().getFirst().bot().emergency()).isTrue();
        verify(engine, never()).answer(anyString());
        verify(transcripts).update(id, Stage.OFFERED, null, true, NOW);
        verify(events).publishEvent(new VisitorMessageReplied(id, BotMessage.Kind.EMERGENCY, null, "legs", true));
    }

    @Test
    void answersAPersonalQuestionWithGeneralInformationOnlyAndOffersAConsultation() {
        when(policy.decide("can i have it with blood thinners"))
                .thenReturn(new Decision.NeedsClinician("meds", "Medications"));
        Answer.Source source = new Answer.Source("a", "Article", "Section", "section");
        when(engine.answer(anyString()))
                .thenReturn(new Answer.Found(
                        "I also consider your overall health, including bleeding risk.",
                        source,
                        "health",
                        0.9,
                        Answer.Basis.HYBRID));

        ConversationService.Handled handled =
                service.handle(id, new ConversationService.Input.Text("c-1", "can i have it with blood thinners"));

        assertThat(kinds(handled)).containsExactly(BotMessage.Kind.CLINICIAN, BotMessage.Kind.HANDOFF_OFFER);
        assertThat(handled.replies().get(0).bot().text())
                .isEqualTo("I also consider your overall health, including bleeding risk.");
        assertThat(handled.replies().get(1).bot().text()).startsWith("Only a clinician can say.");
        assertThat(handled.replies().get(1).bot().actions()).contains(BotMessage.Action.ACCEPT_HANDOFF);
    }

    @Test
    void declinesATopicOutsideTheKnowledgeBaseWithTheCuratedWordsOnly() {
        when(policy.decide("how much does it cost")).thenReturn(new Decision.AskKnowledgeBase());
        when(engine.answer("how much does it cost")).thenReturn(new Answer.OutOfScope("cost", "Cost and payment", 0.9));

        ConversationService.Handled handled =
                service.handle(id, new ConversationService.Input.Text("c-1", "how much does it cost"));

        assertThat(kinds(handled)).containsExactly(BotMessage.Kind.UNKNOWN);
        assertThat(handled.replies().getFirst().bot().text()).isEqualTo("I cannot help with that here.");
        verify(transcripts).update(id, Stage.OFFERED, null, false, NOW);
        verify(events).publishEvent(new VisitorMessageReplied(id, BotMessage.Kind.UNKNOWN, null, "cost", false));
    }

    @Test
    void neitherStoresNorAnswersAResentMessageAgain() {
        when(transcripts.seqOfClientMessage(id, "c-1")).thenReturn(Optional.of(7));

        ConversationService.Handled handled =
                service.handle(id, new ConversationService.Input.Text("c-1", "will i be asleep"));

        assertThat(handled.ackSeq()).isEqualTo(7);
        assertThat(handled.replies()).isEmpty();
        verify(transcripts, never()).appendVisitor(any(), any(), any(), any());
        verify(engine, never()).answer(anyString());
        verify(events, never()).publishEvent(any(Object.class));
    }

    @Test
    void takesAYesAsAcceptingAnOpenOffer() {
        when(transcripts.find(id)).thenReturn(Optional.of(new Conversation(id, NOW, NOW, false, Stage.OFFERED, null)));

        ConversationService.Handled handled =
                service.handle(id, new ConversationService.Input.Text("c-1", "Yes please"));

        assertThat(kinds(handled)).containsExactly(BotMessage.Kind.HANDOFF_FORM);
    }

    @Test
    void givesUrgentGuidanceFirstWhileTheFormIsOpenAndKeepsTheForm() {
        when(transcripts.find(id))
                .thenReturn(Optional.of(new Conversation(id, NOW, NOW, false, Stage.FORM_OPEN, null)));
        String message = "cancel that, my husband just collapsed";
        when(policy.decide(message)).thenReturn(new Decision.Emergency("unresponsive", "Collapsed", "Call 911 now."));

        ConversationService.Handled handled = service.handle(id, new ConversationService.Input.Text("c-1", message));

        assertThat(kinds(handled)).containsExactly(BotMessage.Kind.EMERGENCY, BotMessage.Kind.HANDOFF_OFFER);
        assertThat(handled.replies().getFirst().bot().text()).isEqualTo("Call 911 now.");
        verify(transcripts).update(eq(id), eq(Stage.FORM_OPEN), any(), eq(true), any());
    }

    @Test
    void givesSpanishGuidanceWithTheSpanishDisclaimerAndOffer() {
        String message = "mi esposo no puede respirar";
        when(policy.decide(message))
                .thenReturn(new Decision.Emergency(
                        "trouble-breathing",
                        "Trouble breathing",
                        "Llame al 911 ahora.",
                        Language.SPANISH,
                        "the words \"no puede respirar\""));

        ConversationService.Handled handled = service.handle(id, new ConversationService.Input.Text("c-1", message));

        assertThat(kinds(handled)).containsExactly(BotMessage.Kind.EMERGENCY, BotMessage.Kind.HANDOFF_OFFER);
        assertThat(handled.replies())
                .allSatisfy(reply -> assertThat(reply.bot().disclaimer()).isEqualTo("No es consejo médico."));
        assertThat(handled.replies().get(1).bot().text()).isEqualTo("¿Quiere que el personal le contacte?");
        assertThat(handled.replies().getFirst().bot().basis()).contains("no puede respirar");
        assertThat(handled.replies())
                .allSatisfy(reply -> assertThat(reply.bot().language()).isEqualTo("es"));
    }

    @Test
    void saysWhatItDoesNotKnowInSpanishToAVisitorWhoWritesSpanishAndInEnglishOtherwise() {
        Texts bilingual = new Texts(
                "Not medical advice.",
                "Hello.",
                List.of("What is kyphoplasty?"),
                "I do not have that information.",
                "I cannot help with that here.",
                "Only a clinician can say.",
                "Shall staff contact you?",
                "Please fill in the form.",
                "Received.",
                "Cancelled.",
                "No es consejo médico.",
                "¿Quiere que el personal le contacte?",
                null,
                Map.of("unknown", "No tengo esa información."));
        when(policy.rules()).thenReturn(new PolicyRules(bilingual, List.of(), List.of(), List.of(), List.of()));
        when(policy.decide(anyString())).thenReturn(new Decision.AskKnowledgeBase());
        when(engine.answer(anyString())).thenReturn(new Answer.Unknown(0.2));

        BotMessage spanish = service.handle(
                        id, new ConversationService.Input.Text("c-1", "cuanto tiempo dura la recuperacion de mi mama"))
                .replies()
                .getFirst()
                .bot();
        BotMessage english = service.handle(
                        id, new ConversationService.Input.Text("c-2", "how long is my mother's recovery"))
                .replies()
                .getFirst()
                .bot();

        assertThat(spanish.text()).isEqualTo("No tengo esa información.");
        assertThat(spanish.disclaimer()).isEqualTo("No es consejo médico.");
        assertThat(spanish.language()).isEqualTo("es");
        assertThat(english.text()).isEqualTo("I do not have that information.");
        assertThat(english.disclaimer()).isEqualTo("Not medical advice.");
        assertThat(english.language()).isEqualTo("en");
    }

    @Test
    void refusesAFormThatWasNeverOpened() {
        ConversationService.Handled handled = service.handle(
                id,
                new ConversationService.Input.SubmitHandoff(
                        new com.clinicfaq.handoff.HandoffSubmission("A", "7075550100", "", "", "", true, true)));

        assertThat(handled.noHandoff()).isTrue();
        verify(handoffs, never()).submit(any(), any(), anyBoolean());
    }

    @Test
    void opensANewConversationWithItsGreetingWithoutStoringAnything() {
        ConversationService.Opened opened = service.open(null);

        assertThat(opened.resumed()).isFalse();
        assertThat(opened.replies()).singleElement().satisfies(greeting -> {
            assertThat(greeting.seq()).isEqualTo(1);
            assertThat(greeting.bot().kind()).isEqualTo(BotMessage.Kind.GREETING);
            assertThat(greeting.bot().text()).isEqualTo("Hello.");
        });
        verifyNoInteractions(transcripts, events);
    }

    @Test
    void storesANewConversationWithTheGreetingItShowedWhenTheVisitorFirstSaysSomething() {
        UUID fresh = service.open(null).conversationId();
        when(transcripts.create(fresh, NOW)).thenReturn(new Conversation(fresh, NOW, NOW, false, Stage.CHATTING, null));
        when(transcripts.appendBot(eq(fresh), any(), any()))
                .thenAnswer(call -> new TranscriptMessage(1, null, call.getArgument(1), NOW));
        when(transcripts.appendVisitor(eq(fresh), anyString(), anyString(), any()))
                .thenReturn(2);
        when(policy.decide("hello")).thenReturn(new Decision.SmallTalk("hi", "Hello there."));

        assertThat(service.handle(fresh, new ConversationService.Input.DeclineHandoff())
                        .noHandoff())
                .isTrue();
        verifyNoInteractions(transcripts, events);

        ConversationService.Handled handled = service.handle(fresh, new ConversationService.Input.Text("c-1", "hello"));

        assertThat(handled.ackSeq()).isEqualTo(2);
        InOrder order = inOrder(transcripts);
        order.verify(transcripts).create(fresh, NOW);
        order.verify(transcripts).appendBot(eq(fresh), argThat(bot -> bot.kind() == BotMessage.Kind.GREETING), eq(NOW));
        order.verify(transcripts).appendVisitor(fresh, "c-1", "hello", NOW);
        verify(events).publishEvent(new ConversationStarted(fresh));

        when(transcripts.find(fresh))
                .thenReturn(Optional.of(new Conversation(fresh, NOW, NOW, false, Stage.CHATTING, null)));
        service.handle(fresh, new ConversationService.Input.Text("c-2", "hello"));

        verify(transcripts).create(any(), any());
        verify(events).publishEvent(any(ConversationStarted.class));
    }

    @Test
    void forgetsAConversationLeftBeforeTheVisitorSaidAnything() {
        UUID fresh = service.open(null).conversationId();

        service.closed(fresh);

        assertThatThrownBy(() -> service.handle(fresh, new ConversationService.Input.Text("c-1", "hello")))
                .isInstanceOf(IllegalStateException.class);
        verify(transcripts, never()).create(any(), any());
    }

    @Test
    void cannotMakeABotMessageWithoutTheDisclaimer() {
        assertThatThrownBy(() -> new BotMessage(
                        BotMessage.Kind.ANSWER, "text", null, null, List.of(), List.of(), false, "", " "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<BotMessage.Kind> kinds(ConversationService.Handled handled) {
        return handled.replies().stream().map(m -> m.bot().kind()).toList();
    }
}
