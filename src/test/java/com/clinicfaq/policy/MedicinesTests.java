package com.clinicfaq.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MedicinesTests {

    @Test
    void aPillAPatchOrAMedicineByNameIsOneButNeitherABloodThinnerNorOxygen() {
        assertThat(Medicines.mentioned(Words.of("donde tiro las pastillas viejas")))
                .isTrue();
        assertThat(Medicines.mentioned(Words.of("can I cut my oxycodone in half")))
                .isTrue();
        assertThat(Medicines.mentioned(Words.of("my dad's fentanyl patches"))).isTrue();
        // a message naming a blood thinner is most often about bleeding, which that model knows little of
        assertThat(Medicines.mentioned(Words.of("she takes warfarin and the site won't stop bleeding")))
                .isFalse();
        assertThat(Medicines.mentioned(Words.of("my oxygen is at 85"))).isFalse();
    }
}
