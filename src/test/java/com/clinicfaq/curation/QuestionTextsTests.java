package com.clinicfaq.curation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Visitors' words as staff pages group and show them. */
class QuestionTextsTests {

    @Test
    void groupsTheSameQuestionTypedWithOtherCapitalsSpacesAndPunctuation() {
        assertThat(QuestionTexts.normalise("  What does it COST?? ")).isEqualTo("what does it cost");
        assertThat(QuestionTexts.normalise("what   does it\tcost")).isEqualTo("what does it cost");
    }

    @Test
    void masksPhoneNumbersAndEmailAddresses() {
        assertThat(QuestionTexts.normalise("Call me at (707) 555-0100 or bob.smith@example.com!"))
                .isEqualTo("call me at [phone] or [email]");
        assertThat(QuestionTexts.normalise("my number is +1 707 555 0100")).isEqualTo("my number is [phone]");
    }

    @Test
    void keepsTheNumbersOfAnOrdinaryQuestion() {
        assertThat(QuestionTexts.normalise("can I drive 2 weeks after, at 85?"))
                .isEqualTo("can i drive 2 weeks after, at 85");
        assertThat(QuestionTexts.normalise("is 45 to 60 minutes normal")).isEqualTo("is 45 to 60 minutes normal");
    }

    @Test
    void shortensALongMessage() {
        assertThat(QuestionTexts.normalise("why ".repeat(100)))
                .hasSize(QuestionTexts.MAX_CHARS + 1)
                .endsWith("…");
    }
}
