package com.clinicfaq;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each table belongs to one module, and only that module's SQL names it (issue #18): another module reads or changes
 * it through the owner's API or its events. The SQL is found in the string literals of each module's main sources.
 */
class TableOwnershipTests {

    /** Every table of the Flyway migrations, and the module that owns it. */
    static final Map<String, String> OWNERS = Map.ofEntries(
            entry("conversation", "conversation"),
            entry("message", "conversation"),
            entry("failed_turn", "conversation"),
            entry("handoff_request", "handoff"),
            entry("handoff_note", "handoff"),
            entry("users", "staff"),
            entry("authorities", "staff"),
            entry("audit_event", "audit"),
            entry("missed_emergency_mark", "staff"),
            entry("spring_session", "staff"),
            entry("spring_session_attributes", "staff"),
            entry("cluster_event", "cluster"),
            entry("knowledge_version", "curation"),
            entry("knowledge_file", "curation"),
            entry("knowledge_draft", "curation"),
            entry("knowledge_draft_file", "curation"),
            entry("unanswered_dismissed", "curation"));

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Path MODULES = Path.of("src/main/java/com/clinicfaq");
    private static final Pattern CREATED = Pattern.compile("(?i)\\bcreate\\s+table\\s+(\\w+)");
    /** A table named where SQL names one: after from, join, into, update (and "delete from", "alter table"). */
    private static final Pattern NAMED = Pattern.compile("(?i)\\b(?:from|join|into|update|table)\\s+(\\w+)");

    @Test
    void everyTableHasAnOwner() throws IOException {
        Set<String> created = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                Matcher table = CREATED.matcher(Files.readString(file));
                while (table.find()) {
                    created.add(table.group(1).toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        assertThat(created).isEqualTo(new TreeSet<>(OWNERS.keySet()));
    }

    @Test
    void noModuleNamesAnotherModulesTable() throws IOException {
        List<String> foreign = new ArrayList<>();
        Set<String> own = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(MODULES)) {
            for (Path source :
                    sources.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = MODULES.relativize(source);
                if (relative.getNameCount() < 2) {
                    continue; // the application class, in no module
                }
                String module = relative.getName(0).toString();
                for (String literal : stringLiterals(Files.readString(source))) {
                    Matcher named = NAMED.matcher(literal);
                    while (named.find()) {
                        String owner = OWNERS.get(named.group(1).toLowerCase(java.util.Locale.ROOT));
                        if (owner == null) {
                            continue;
                        }
                        if (owner.equals(module)) {
                            own.add(named.group(1).toLowerCase(java.util.Locale.ROOT));
                        } else {
                            foreign.add(relative + " names " + named.group(1) + ", a table of " + owner);
                        }
                    }
                }
            }
        }
        assertThat(own)
                .as("the tables the scan finds named by their owners")
                .contains("message", "handoff_request", "users");
        assertThat(foreign).isEmpty();
    }

    /** The contents of a Java source's string literals and text blocks; comments and char literals are skipped. */
    static List<String> stringLiterals(String java) {
        List<String> literals = new ArrayList<>();
        int i = 0;
        while (i < java.length()) {
            if (java.startsWith("//", i)) {
                int end = java.indexOf('\n', i);
                i = end < 0 ? java.length() : end + 1;
            } else if (java.startsWith("/*", i)) {
                int end = java.indexOf("*/", i + 2);
                i = end < 0 ? java.length() : end + 2;
            } else if (java.startsWith("\"\"\"", i)) {
                int end = java.indexOf("\"\"\"", i + 3);
                literals.add(java.substring(i + 3, end));
                i = end + 3;
            } else if (java.charAt(i) == '"' || java.charAt(i) == '\'') {
                char quote = java.charAt(i);
                StringBuilder literal = new StringBuilder();
                i++;
                while (java.charAt(i) != quote) {
                    if (java.charAt(i) == '\\') {
                        literal.append(java.charAt(i++));
                    }
                    literal.append(java.charAt(i++));
                }
                i++;
                if (quote == '"') {
                    literals.add(literal.toString());
                }
            } else {
                i++;
            }
        }
        return literals;
    }
}
