package com.clinicfaq.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * A bar chart of figures by day, laid out here and drawn by the template as inline SVG: no script,
 * no inline style (colours come from the stylesheet by class), so it renders under a strict
 * Content-Security-Policy. Bars of several series are stacked.
 *
 * @param summary what the chart shows, in words, for screen readers (the page's table has the figures)
 */
record BarChart(
        String title, String summary, List<Series> series, List<Rect> bars, List<Label> labels, List<Line> grid) {

    static final int WIDTH = 720;
    static final int HEIGHT = 200;
    private static final int LEFT = 40;
    private static final int RIGHT = 8;
    private static final int TOP = 10;
    private static final int BOTTOM = 24;
    private static final int MAX_DAY_LABELS = 8;

    /** @param cssClass the stylesheet class that colours the series */
    record Series(String name, String cssClass, ToIntFunction<Analytics.Day> value) {}

    record Rect(double x, double y, double width, double height, String cssClass, String tooltip) {}

    record Label(double x, double y, String text, String anchor) {}

    record Line(double x1, double y1, double x2, double y2) {}

    static BarChart of(String title, List<Analytics.Day> days, List<Series> series) {
        int max = days.stream()
                .mapToInt(day ->
                        series.stream().mapToInt(s -> s.value().applyAsInt(day)).sum())
                .max()
                .orElse(0);
        int top = niceCeiling(max);
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double slot = plotWidth / Math.max(1, days.size());
        double barWidth = Math.max(1, slot * 0.8);

        List<Rect> bars = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        int labelEvery = (int) Math.ceil(days.size() / (double) MAX_DAY_LABELS);
        for (int i = 0; i < days.size(); i++) {
            Analytics.Day day = days.get(i);
            double x = LEFT + i * slot + (slot - barWidth) / 2;
            double base = TOP + plotHeight;
            for (Series s : series) {
                int value = s.value().applyAsInt(day);
                if (value > 0) {
                    double height = plotHeight * value / top;
                    base -= height;
                    bars.add(new Rect(
                            round(x),
                            round(base),
                            round(barWidth),
                            round(height),
                            s.cssClass(),
                            day.date() + " · " + s.name() + ": " + value));
                }
            }
            if (i % labelEvery == 0) {
                labels.add(new Label(round(LEFT + i * slot + slot / 2), HEIGHT - 6, shortDate(day.date()), "middle"));
            }
        }
        List<Line> grid = new ArrayList<>();
        for (int tick : new int[] {0, top / 2, top}) {
            double y = round(TOP + plotHeight - plotHeight * tick / top);
            grid.add(new Line(LEFT, y, WIDTH - RIGHT, y));
            labels.add(new Label(LEFT - 6, y + 4, Integer.toString(tick), "end"));
        }
        return new BarChart(title, summary(title, days, series, max), series, bars, labels, grid);
    }

    private static String summary(String title, List<Analytics.Day> days, List<Series> series, int max) {
        List<String> totals = series.stream()
                .map(s -> s.name() + ": " + days.stream().mapToInt(s.value()).sum())
                .toList();
        return title + ", " + days.getFirst().date() + " to " + days.getLast().date() + ". " + String.join(", ", totals)
                + ". At most " + max + " in a day.";
    }

    /** The top of the scale: the least of 2, 5, 10, 20, 50, 100, ... that is at least {@code max}. */
    static int niceCeiling(int max) {
        int step = 1;
        while (true) {
            for (int factor : new int[] {2, 5, 10}) {
                if (step * factor >= max) {
                    return step * factor;
                }
            }
            step *= 10;
        }
    }

    private static String shortDate(LocalDate date) {
        return date.getMonthValue() + "/" + date.getDayOfMonth();
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
