package com.clinicfaq.analytics;

import com.clinicfaq.conversation.RetentionProperties;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The analytics page of the staff console, for editors and administrators. It shows counts and
 * visitors' words without contact details or any link to a conversation, so viewing it is not
 * audited. Served with a strict Content-Security-Policy: the page has no script and no inline style.
 */
@Controller
class AnalyticsController {

    static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 366;

    private final Analytics analytics;
    private final Duration retention;

    AnalyticsController(Analytics analytics, RetentionProperties retention) {
        this.analytics = analytics;
        this.retention = retention.conversationsWithoutHandoff();
    }

    @GetMapping("/staff/analytics")
    String analytics(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Model model,
            HttpServletResponse response) {
        LocalDate today = analytics.today();
        LocalDate end = to != null ? to : today;
        LocalDate start = from != null ? from : end.minusDays(DEFAULT_DAYS - 1);
        if (start.isAfter(end) || ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST,
                    "Choose a start on or before the end, at most " + MAX_DAYS + " days apart.");
        }
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        Analytics.Report report = analytics.report(start, end);
        model.addAttribute("report", report);
        model.addAttribute("outcomes", Outcome.values());
        model.addAttribute(
                "charts",
                List.of(
                        BarChart.of(
                                "Conversations per day",
                                report.days(),
                                List.of(new BarChart.Series(
                                        "Conversations", "conversations", Analytics.Day::conversations))),
                        BarChart.of(
                                "Knowledge-base questions per day",
                                report.days(),
                                List.of(
                                        new BarChart.Series("Answered", "answered", Analytics.Day::answered),
                                        new BarChart.Series(
                                                "Not answered", "not-answered", Analytics.Day::notAnswered))),
                        BarChart.of(
                                "Handoff requests per day",
                                report.days(),
                                List.of(new BarChart.Series(
                                        "Handoff requests", "handoffs", Analytics.Day::handoffs)))));
        model.addAttribute("chartWidth", BarChart.WIDTH);
        model.addAttribute("chartHeight", BarChart.HEIGHT);
        model.addAttribute("retentionNote", start.isBefore(today.minusDays(retention.toDays())));
        model.addAttribute("retentionDays", retention.toDays());
        return "staff/analytics";
    }
}
