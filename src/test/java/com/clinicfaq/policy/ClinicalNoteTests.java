package com.clinicfaq.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClinicalNoteTests {

    @Test
    void aNoteCarriesMarksOfTwoKinds() {
        assertThat(ClinicalNote.written("Rxn to contrast? Lips swelling, wheeze, BP 80/50. No EpiPen."))
                .isTrue();
        assertThat(ClinicalNote.written("New L leg weakness 3/5, numb to groin. Worsening over hrs. s/p kypho L1."))
                .isTrue();
        assertThat(ClinicalNote.written("Progressive bilat LE weakness 6h. Numb below umbilicus. Kypho T11 2d ago."))
                .isTrue();
    }

    @Test
    void aPatientsMessageIsNoNoteThoughItNamesALevelOrSpeaksSpanish() {
        assertThat(ClinicalNote.written("I had my T8 kyphoplasty in 2021 and it went great, can I golf?"))
                .isFalse();
        assertThat(ClinicalNote.written("dice mi abuelo que no le duele el pecho ni le falta el aire"))
                .isFalse();
        assertThat(ClinicalNote.written("will I need pt after the ablation? I sat for 2 hours yesterday"))
                .isFalse();
    }
}
