package com.clinicfaq.knowledge;

import java.util.ArrayList;
import java.util.List;

/** The knowledge base's and the checks' CSV: one RFC 4180 record on one line; fields may be quoted, with "" for a quote. */
public final class CsvRecords {

    private CsvRecords() {}

    /** The line's fields; a quotation mark left open runs to the end of the line. */
    public static List<String> fields(String line) {
        return parse(line, false);
    }

    /**
     * The line's fields, for a file staff edit: a quotation mark left open is refused.
     *
     * @throws IllegalArgumentException "a quotation mark is not closed"
     */
    public static List<String> strictFields(String line) {
        return parse(line, true);
    }

    private static List<String> parse(String line, boolean strict) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (strict && quoted) {
            throw new IllegalArgumentException("a quotation mark is not closed");
        }
        fields.add(field.toString());
        return fields;
    }
}
