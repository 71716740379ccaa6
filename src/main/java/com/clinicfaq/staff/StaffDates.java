package com.clinicfaq.staff;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates and times as the console shows them (issue #17): in the practice's time zone, to the minute, with the zone's
 * name, "Dec 5, 2026, 9:46 AM PST", where pages showed "2026-12-05T17:46:12.345678Z".
 */
public final class StaffDates {

    private final DateTimeFormatter format;

    StaffDates(ZoneId zone) {
        this.format =
                DateTimeFormatter.ofPattern("MMM d, yyyy, h:mm a z", Locale.US).withZone(zone);
    }

    /** The instant in the practice's time zone; an empty string for none. */
    public String format(Instant at) {
        return at == null ? "" : format.format(at);
    }
}
