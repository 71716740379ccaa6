package com.clinicfaq.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicfaq.conversation.BotMessage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** How a visitor message's outcome is judged from the bot's first reply. */
class OutcomeTests {

    @Test
    void countsAConfidentAnswerAsAnsweredAndALowOneAsMissed() {
        assertThat(Outcome.of(BotMessage.Kind.ANSWER, false, true)).isEqualTo(Outcome.ANSWERED);
        assertThat(Outcome.of(BotMessage.Kind.ANSWER, true, true)).isEqualTo(Outcome.LOW_CONFIDENCE);
        assertThat(Outcome.ANSWERED.missed()).isFalse();
        assertThat(Outcome.LOW_CONFIDENCE.missed()).isTrue();
    }

    @Test
    void tellsAnOutOfScopeTopicFromAQuestionTheKnowledgeBaseCannotAnswer() {
        assertThat(Outcome.of(BotMessage.Kind.UNKNOWN, false, true)).isEqualTo(Outcome.OUT_OF_SCOPE);
        assertThat(Outcome.of(BotMessage.Kind.UNKNOWN, false, false)).isEqualTo(Outcome.UNKNOWN);
    }

    @Test
    void leavesSafetySmallTalkAndHandoffsOutOfTheAnsweredRate() {
        assertThat(Outcome.of(BotMessage.Kind.EMERGENCY, false, true)).isEqualTo(Outcome.EMERGENCY);
        assertThat(Outcome.of(BotMessage.Kind.CLINICIAN, true, true)).isEqualTo(Outcome.CLINICIAN);
        assertThat(Outcome.of(BotMessage.Kind.SMALLTALK, false, true)).isEqualTo(Outcome.SMALL_TALK);
        assertThat(Outcome.of(BotMessage.Kind.HANDOFF_FORM, false, false)).isEqualTo(Outcome.HANDOFF);
        assertThat(Arrays.stream(Outcome.values()).filter(Outcome::knowledgeQuestion))
                .containsExactly(Outcome.ANSWERED, Outcome.LOW_CONFIDENCE, Outcome.OUT_OF_SCOPE, Outcome.UNKNOWN);
    }

    @Test
    void hasAnOutcomeForEveryKindOfReply() {
        assertThat(Arrays.stream(BotMessage.Kind.values()).map(kind -> Outcome.of(kind, false, false)))
                .doesNotContainNull();
    }
}
