package com.clinicfaq.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The practical facts a visitor asks for, and whether a text states one. */
class AskedFactsTests {

    @Test
    void aQuestionForAPracticalFactIsReadAsSuch() {
        assertThat(AskedFacts.askedIn("What's the phone number to book a consultation with Dr. Reed?"))
                .containsExactly(AskedFacts.PHONE);
        assertThat(AskedFacts.askedIn("How much does radiofrequency ablation cost?"))
                .containsExactly(AskedFacts.PRICE);
        assertThat(AskedFacts.askedIn("how much will i pay out of pocket")).containsExactly(AskedFacts.PRICE);
        assertThat(AskedFacts.askedIn("Are you open on Saturdays?")).containsExactly(AskedFacts.HOURS);
        assertThat(AskedFacts.askedIn("What is the street address of your Napa office?"))
                .containsExactly(AskedFacts.ADDRESS);
        assertThat(AskedFacts.askedIn("Does Medicare cover the procedure?")).containsExactly(AskedFacts.INSURANCE);
        assertThat(AskedFacts.askedIn("will my kaiser pay for the knee nerve block"))
                .containsExactly(AskedFacts.INSURANCE);
        assertThat(AskedFacts.askedIn("Do you take Tricare?")).containsExactly(AskedFacts.INSURANCE);
    }

    @Test
    void otherQuestionsAskForNone() {
        for (String question : List.of(
                "How long does the procedure take?",
                "How many injections can I have in a year?",
                "Should the bandage stay covered in the shower?",
                "When can I go back to work?",
                "Is it painful?")) {
            assertThat(AskedFacts.askedIn(question)).as(question).isEmpty();
        }
    }

    @Test
    void onlyATextThatStatesTheFactAnswers() {
        List<AskedFacts> phone = List.of(AskedFacts.PHONE);
        assertThat(AskedFacts.stated(phone, "Call our office at (707) 555-0142 to schedule."))
                .isTrue();
        assertThat(AskedFacts.stated(phone, "Dr. Reed performs the procedure at our Napa office."))
                .isFalse();
        List<AskedFacts> price = List.of(AskedFacts.PRICE);
        assertThat(AskedFacts.stated(price, "The visit costs about $250 without insurance."))
                .isTrue();
        assertThat(AskedFacts.stated(price, "Most insurance plans, including Medicare, cover it."))
                .isFalse();
        List<AskedFacts> hours = List.of(AskedFacts.HOURS);
        assertThat(AskedFacts.stated(hours, "We are open Monday through Friday, 8 am to 5 pm."))
                .isTrue();
        assertThat(AskedFacts.stated(hours, "Most patients go home within a couple of hours."))
                .isFalse();
        List<AskedFacts> address = List.of(AskedFacts.ADDRESS);
        assertThat(AskedFacts.stated(address, "Our office is at 1100 Trancas Street in Napa."))
                .isTrue();
        assertThat(AskedFacts.stated(address, "In practice for over 20 years Dr. Ellery treats the spine."))
                .isFalse();
        List<AskedFacts> insurance = List.of(AskedFacts.INSURANCE);
        assertThat(AskedFacts.stated(insurance, "Most health plans, including Medicare, cover the procedure."))
                .isTrue();
        assertThat(AskedFacts.stated(insurance, "Approval usually takes 5 to 10 business days."))
                .isTrue();
        assertThat(AskedFacts.stated(insurance, "Dr. Weisbein sees patients from Yountville and St. Helena."))
                .isFalse();
        assertThat(AskedFacts.stated(List.of(), "Anything at all.")).isTrue();
    }
}
