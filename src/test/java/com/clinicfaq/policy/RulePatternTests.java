package com.clinicfaq.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RulePatternTests {

    private static boolean matches(String pattern, String message) {
        return RulePattern.parse(pattern).matches(Words.of(message));
    }

    @Test
    void everyGroupMustBeFoundInAnyOrder() {
        assertThat(matches("leg* + numb*|weak*", "numbness in my legs")).isTrue();
        assertThat(matches("leg* + numb*|weak*", "my legs hurt")).isFalse();
    }

    @Test
    void manyMatchesACountOfFiveOrMore() {
        assertThat(matches("took + <many> tramadol|<many> pills", "took 30 tramadol"))
                .isTrue();
        assertThat(matches("took + <many> tramadol|<many> pills", "I took 5 pills"))
                .isTrue();
        assertThat(matches("took + <many> tramadol|<many> pills", "took 2 tramadol"))
                .isFalse();
        assertThat(matches("took + <many> tramadol|<many> pills", "took tramadol every 6 hours"))
                .isFalse();
    }

    @Test
    void aNumberAloneBeforeATimeOrADoseCountsNothing() {
        assertThat(matches("me tomo|tomo + <number>", "vomite la pastilla a los 10 minutos, me tomo otra?"))
                .isFalse();
        assertThat(matches("tomo + <number>", "tomo la oxicodona cada 6 horas")).isFalse();
        assertThat(matches("se tomo + <number>", "se tomo 10 de sus pastillas")).isTrue();
        // a number with its unit in the pattern keeps it: "bleeding for 45 minutes"
        assertThat(matches("bleeding + <number> minutes", "still bleeding after 45 minutes"))
                .isTrue();
        assertThat(matches("fever <number>", "fever 102 since last night")).isTrue();
    }

    @Test
    void manyMatchesACountWrittenInWordsInEitherLanguage() {
        assertThat(matches("taken + <many> tablets|<many> paracetamol", "she has taken forty paracetamol tablets"))
                .isTrue();
        assertThat(matches("se tomo + <many> pastillas", "se tomo veinte pastillas"))
                .isTrue();
        assertThat(matches("took + <many> pills", "took two pills")).isFalse();
        assertThat(matches("took + <many> pills", "took the pills once")).isFalse();
    }

    @Test
    void feverMatchesABodyTemperatureThatIsAFeverInEitherScale() {
        String pattern = "temp is <fever>|temperature of <fever>";
        assertThat(matches(pattern, "my temp is 102 since the injection")).isTrue();
        assertThat(matches(pattern, "a temperature of 100.6 tonight")).isTrue();
        assertThat(matches(pattern, "her temp is 38.9 since the shot")).isTrue();
        // a normal temperature, told to reassure, is not a fever ("Temp is 98.4. Is this from the steroid?")
        assertThat(matches(pattern, "Temp is 98.4. Is this from the steroid?")).isFalse();
        assertThat(matches(pattern, "temp is 99 today")).isFalse();
        assertThat(matches(pattern, "temp is 36.8")).isFalse();
        assertThat(matches(pattern, "temperature of 1020")).isFalse();
    }

    @Test
    void lowOxygenMatchesASaturationBelowNinetyPerCent() {
        String pattern = "spo2 <low-oxygen>|sats <low-oxygen>";
        assertThat(matches(pattern, "acute SOB, SpO2 84% RA, RR 30")).isTrue();
        assertThat(matches(pattern, "sats 88 on room air")).isTrue();
        assertThat(matches(pattern, "SpO2 96% on room air")).isFalse();
        assertThat(matches(pattern, "sats 100")).isFalse();
        // the number must follow the word: a heart rate of 80 beside a normal saturation is not one
        assertThat(matches(pattern, "SpO2 97, HR 80")).isFalse();
    }

    @Test
    void phrasesNeedConsecutiveWords() {
        assertThat(matches("i want to die", "i want to die")).isTrue();
        assertThat(matches("i want to die", "i dont want to die during surgery"))
                .isFalse();
    }

    @Test
    void aStarMatchesAnyEndingAndNumberMatchesDigits() {
        assertThat(matches("numb*", "numbness")).isTrue();
        assertThat(matches("numb*", "number")).isTrue();
        assertThat(matches("numb*", "num")).isFalse();
        assertThat(matches("im <number> + and", "im 78 and fell")).isTrue();
        assertThat(matches("im <number> + and", "im old and tired")).isFalse();
    }

    @Test
    void readsMessagesInLowerCaseWithoutApostrophesOrPunctuation() {
        assertThat(Words.of("I CAN’T feel my legs!!! (x-ray)"))
                .containsExactly("i", "cant", "feel", "my", "legs", "x", "ray");
        assertThat(matches("can't feel", "CANT FEEL")).isTrue();
    }

    @Test
    void forgivesOneTypoFromFiveLettersAndTwoFromEight() {
        assertThat(matches("chest", "cheast")).isTrue();
        assertThat(matches("chest", "chets")).isTrue();
        assertThat(matches("legs", "lgs")).isFalse();
        assertThat(matches("bladder", "blader")).isTrue();
        assertThat(matches("bladder", "blddr")).isFalse();
        assertThat(matches("incision", "incison")).isTrue();
        assertThat(matches("incision", "incisn")).isTrue();
        assertThat(matches("suicid*", "sucidal")).isTrue();
    }

    @Test
    void refusesEmptyGroupsAlternativesAndBareStars() {
        assertThatThrownBy(() -> RulePattern.parse("a + ")).hasMessageContaining("empty group");
        assertThatThrownBy(() -> RulePattern.parse("a || b")).hasMessageContaining("empty alternative");
        assertThatThrownBy(() -> RulePattern.parse("chest + *")).hasMessageContaining("'*' on its own");
        assertThatThrownBy(() -> RulePattern.parse("a*")).hasMessageContaining("at least 3 letters");
        assertThatThrownBy(() -> RulePattern.parse("n*mb")).hasMessageContaining("'*' may only end a word");
        assertThatThrownBy(() -> RulePattern.parse("<numbr>")).hasMessageContaining("placeholder");
    }
}
