package com.clinicfaq.curation;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicfaq.conversation.VisitorTurns;
import com.clinicfaq.conversation.VisitorTurns.FollowedAnswer;
import com.clinicfaq.conversation.VisitorTurns.Next;
import com.clinicfaq.curation.MissedQuestions.Reason;
import com.clinicfaq.search.OnnxEmbedder;
import com.clinicfaq.search.QuestionGroups;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which answers visitors did not take (issue #20), judged by what they did at once, with the service's own embedding
 * model: asking for a person, saying it did not help, or the same question again; an ordinary follow-up is not a miss.
 */
class AnswerFollowUpsTests {

    private static final OnnxEmbedder EMBEDDER = OnnxEmbedder.allMiniLmL6V2();
    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void anAnswerFollowedByAskingForAPersonOrSayingItDidNotHelpIsMissed() {
        List<AnswerFollowUps.Followed> missed = followUps(
                followed("how long does the procedure take", Next.PERSON, null, ""),
                followed("is kyphoplasty safe", Next.COMPLAINT, null, ""));

        assertThat(missed)
                .extracting(f -> f.missed().text() + " " + f.missed().reasons())
                .containsExactly(
                        "how long does the procedure take [" + Reason.HANDOFF + "]",
                        "is kyphoplasty safe [" + Reason.NOT_HELPFUL + "]");
        assertThat(missed.getFirst().missed().answers()).containsExactly(Map.entry("faq-1", "The answer given."));
        assertThat(missed.getFirst().askedNext()).isNull();
    }

    @Test
    void theSameQuestionAgainInOtherWordsNearlyTheSameWordsOrGettingTheSameAnswerIsMissed() {
        List<AnswerFollowUps.Followed> missed = followUps(
                followed("is it painful", Next.QUESTION, "does it hurt", "faq-2"),
                followed("how long does kyphoplasty take", Next.QUESTION, "How long does kyphoplsty take?", "faq-2"),
                followed("what is kyphoplasty", Next.QUESTION, "and how is it done", "faq-1"),
                followed("when can i drive", Next.QUESTION, "can i shower after", "faq-2"),
                followed("how long does the procedure take", Next.QUESTION, "how long is recovery", ""));

        assertThat(missed)
                .extracting(f -> f.missed().text())
                .as(
                        "close in meaning; nearly the same words; the same answer again; not the follow-ups on other points")
                .containsExactlyInAnyOrder("is it painful", "how long does kyphoplasty take", "what is kyphoplasty");
        assertThat(missed).allSatisfy(f -> assertThat(f.missed().reasons()).containsExactly(Reason.REPHRASED));
        assertThat(missed)
                .extracting(AnswerFollowUps.Followed::askedNext)
                .contains("does it hurt", "and how is it done");
    }

    @Test
    void sameWordsLeavesOutTheWordsEveryQuestionHas() {
        assertThat(AnswerFollowUps.sameWords("how long does kyphoplasty take", "How long does the kyphoplasty take?"))
                .isTrue();
        assertThat(AnswerFollowUps.sameWords("how long does kyphoplasty take", "how long does recovery take"))
                .isFalse();
        assertThat(AnswerFollowUps.sameWords("what is it", "what is it?"))
                .as("nothing but common words: the same text")
                .isTrue();
        assertThat(AnswerFollowUps.sameWords("what is it", "how is it")).isFalse();
    }

    private static FollowedAnswer followed(String question, Next next, String nextQuestion, String nextItem) {
        return new FollowedAnswer(question, AT, "faq-1", "The answer given.", next, nextQuestion, nextItem);
    }

    private static List<AnswerFollowUps.Followed> followUps(FollowedAnswer... followed) {
        VisitorTurns turns = new VisitorTurns() {
            @Override
            public List<FollowedAnswer> answersFollowed(Instant start, Instant end, double lowConfidence) {
                return List.of(followed);
            }

            @Override
            public List<FailedTurn> failedTurns(Instant start, Instant end) {
                return List.of();
            }
        };
        return new AnswerFollowUps(turns, new QuestionGroups(EMBEDDER), new MissedQuestionsProperties(0.85))
                .between(AT.minusSeconds(60), AT.plusSeconds(60));
    }
}
