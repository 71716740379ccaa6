package com.clinicfaq.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The glossary of patients' words: a question in a patient's words finds the article's clinical word for it. */
class LayWordsTests {

    private static final LayWords LAY = LayWords.shipped();

    private static Set<String> question(String text) {
        return LAY.ofQuestion(AnswerRanking.words(Analysis.documents(), text));
    }

    private static Set<String> text(String text) {
        return LAY.ofText(AnswerRanking.words(Analysis.documents(), text));
    }

    /** The question's words that the text holds, as the learned ranking counts them. */
    private static Set<String> found(String question, String text) {
        Set<String> found = new HashSet<>(question(question));
        found.retainAll(text(text));
        return found;
    }

    @Test
    void aPatientsWordsFindTheArticlesClinicalWords() {
        assertThat(found("Will they knock me out for this?", "You lie face down and receive moderate sedation."))
                .isNotEmpty();
        assertThat(found("Do I need somebody to give me a ride home?", "You will need a driver after the procedure."))
                .isNotEmpty();
        assertThat(found("Do they have to sew me up afterward?", "The small opening is closed with a single stitch."))
                .isNotEmpty();
        assertThat(found("How soon can I get behind the wheel?", "Avoid driving for 24 hours."))
                .isNotEmpty();
        assertThat(found("Can I sit in my jacuzzi the evening after?", "Avoid baths, hot tubs and pools for a week."))
                .isNotEmpty();
        // without the glossary none of these share a word
        assertThat(AnswerRanking.words(Analysis.documents(), "Will they knock me out for this?"))
                .doesNotContainAnyElementsOf(
                        AnswerRanking.words(Analysis.documents(), "You lie face down and receive moderate sedation."));
    }

    @Test
    void aWordIsNeverReadAsAnotherThatLooksOrSoundsAlike() {
        assertThat(found("Is there a risk of infection?", "The injection takes about 15 minutes."))
                .isEmpty();
        assertThat(found("Will my leg feel numb?", "Some patients notice weakness for a day."))
                .isEmpty();
        assertThat(found("Will they put me to sleep?", "Most people are awake and comfortable."))
                .isEmpty();
        assertThat(found("Is it a kyphoplasty?", "Vertebroplasty injects cement without a balloon."))
                .isEmpty();
    }

    @Test
    void aQuestionsOwnWordsStayWhereTheGlossaryHasNone() {
        assertThat(question("what is a Modic change")).contains("modic");
        assertThat(found("what is a Modic change", "Modic changes are seen on an MRI."))
                .contains("modic");
    }
}
