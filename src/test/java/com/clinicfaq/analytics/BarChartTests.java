package com.clinicfaq.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The layout of the server-drawn charts. */
class BarChartTests {

    private static final List<BarChart.Series> ANSWERED_AND_NOT = List.of(
            new BarChart.Series("Answered", "answered", Analytics.Day::answered),
            new BarChart.Series("Not answered", "not-answered", Analytics.Day::notAnswered));

    @Test
    void stacksTheSeriesOfADayOnTopOfEachOther() {
        BarChart chart = BarChart.of("Questions", List.of(day(1, 3, 1), day(2, 0, 0), day(3, 1, 1)), ANSWERED_AND_NOT);

        assertThat(chart.bars())
                .extracting(BarChart.Rect::cssClass)
                .containsExactly("answered", "not-answered", "answered", "not-answered");
        BarChart.Rect answered = chart.bars().get(0);
        BarChart.Rect notAnswered = chart.bars().get(1);
        assertThat(notAnswered.y() + notAnswered.height())
                .isCloseTo(answered.y(), org.assertj.core.data.Offset.offset(0.2));
        assertThat(answered.height()).isCloseTo(3 * notAnswered.height(), org.assertj.core.data.Offset.offset(0.5));
        assertThat(answered.tooltip()).isEqualTo("2026-11-01 · Answered: 3");
    }

    @Test
    void describesItselfInWordsForScreenReaders() {
        BarChart chart = BarChart.of("Questions", List.of(day(1, 3, 1), day(2, 0, 0)), ANSWERED_AND_NOT);

        assertThat(chart.summary())
                .isEqualTo("Questions, 2026-11-01 to 2026-11-02. Answered: 3, Not answered: 1. At most 4 in a day.");
    }

    @Test
    void roundsTheTopOfTheScaleUp() {
        assertThat(BarChart.niceCeiling(0)).isEqualTo(2);
        assertThat(BarChart.niceCeiling(3)).isEqualTo(5);
        assertThat(BarChart.niceCeiling(7)).isEqualTo(10);
        assertThat(BarChart.niceCeiling(11)).isEqualTo(20);
        assertThat(BarChart.niceCeiling(120)).isEqualTo(200);
    }

    private static Analytics.Day day(int dayOfMonth, int answered, int notAnswered) {
        return new Analytics.Day(LocalDate.of(2026, 11, dayOfMonth), 0, answered, notAnswered, 0, 0);
    }
}
