package com.clinicfaq.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Who an article's author is, as the bot names them before quoting their words. */
class AttributionTests {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Jacqueline Weisbein, D.O.                  | Dr. Weisbein
            Ana María Ruiz, MD, FAAPMR                 | Dr. Ruiz
            Dr. Sam O'Neil                             | Dr. O'Neil
            Lee Chen, PA-C                             | Lee Chen
            Maria Lopez, DPT                           | Maria Lopez
            '  '                                       | ''
            """)
    void namesADoctorByTheirFamilyNameAndAnyoneElseInFull(String byline, String named) {
        assertThat(Attribution.author(byline)).isEqualTo(named);
    }
}
