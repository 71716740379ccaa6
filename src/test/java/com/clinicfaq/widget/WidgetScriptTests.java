package com.clinicfaq.widget;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** What can be checked on the widget's source without a browser. */
class WidgetScriptTests {

    static final Path SCRIPT = Path.of("widget/src/clinicfaq-widget.js");
    static final Path PROTOCOL = Path.of("docs/protocol.md");

    @Test
    void staysWithinFifteenKilobytesGzipped() throws IOException {
        var gzipped = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(gzipped)) {
            gzip.write(Files.readAllBytes(SCRIPT));
        }

        assertThat(gzipped.size()).as("gzipped size of %s in bytes", SCRIPT).isLessThanOrEqualTo(15 * 1024);
    }

    @Test
    void neverParsesMarkupOrEvaluatesCode() throws IOException {
        String source = Files.readString(SCRIPT);

        assertThat(source)
                .doesNotContain(
                        "innerHTML",
                        "outerHTML",
                        "insertAdjacentHTML",
                        "document.write",
                        "eval(",
                        "new Function",
                        "DOMParser",
                        "createContextualFragment",
                        "srcdoc");
    }

    @Test
    void makesNoRequestButItsOwnSocket() throws IOException {
        String source = Files.readString(SCRIPT);

        assertThat(source)
                .doesNotContain("fetch(", "XMLHttpRequest", "import(", "sendBeacon", "EventSource", "@import");
        assertThat(Pattern.compile("https?://[^'\"\\s]*")
                        .matcher(source)
                        .results()
                        .map(java.util.regex.MatchResult::group)
                        .toList())
                .as("URLs in the script")
                .containsOnly("http://www.w3.org/2000/svg");
    }

    @Test
    void mirrorsTheFrameTypesOfTheProtocol() throws IOException {
        String source = Files.readString(SCRIPT);
        String protocol = Files.readString(PROTOCOL, StandardCharsets.UTF_8);

        assertThat(quoted(block(source, "client: Object.freeze({")))
                .containsExactlyInAnyOrderElementsOf(tableTypes(protocol, "## Client → server"));
        assertThat(quoted(block(source, "server: Object.freeze({")))
                .allSatisfy(type -> assertThat(protocol).contains("\"type\":\"" + type + "\""));
        assertThat(quoted(block(source, "kind: Object.freeze({")))
                .allSatisfy(kind -> assertThat(protocol).contains("| `" + kind + "` |"));
        assertThat(source).contains("version: 1,", "path: 'ws/chat'", "resumeParam: 'conversation'");
    }

    private static String block(String source, String start) {
        int from = source.indexOf(start);
        assertThat(from).as("the widget's PROTOCOL has %s", start).isNotNegative();
        return source.substring(from + start.length(), source.indexOf("})", from));
    }

    private static Set<String> quoted(String block) {
        Set<String> values = new LinkedHashSet<>();
        Pattern.compile(":\\s*'([^']+)'").matcher(block).results().forEach(m -> values.add(m.group(1)));
        return values;
    }

    /** The `type` column of the first table after a heading. */
    private static Set<String> tableTypes(String protocol, String heading) {
        String section = protocol.substring(protocol.indexOf(heading));
        section = section.substring(0, section.indexOf("\n\n", section.indexOf("|---")));
        Set<String> types = new LinkedHashSet<>();
        Pattern.compile("(?m)^\\| `([a-z.]+)` \\|").matcher(section).results().forEach(m -> types.add(m.group(1)));
        return types;
    }
}
