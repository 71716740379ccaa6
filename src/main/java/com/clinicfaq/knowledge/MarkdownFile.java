package com.clinicfaq.knowledge;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * The small subset of Markdown that knowledge-base files use: YAML front matter, then headings
 * ({@code ## Title {#anchor}}) each followed by its lines. Keeps line numbers for error messages.
 */
record MarkdownFile(Path path, Map<String, Object> frontMatter, List<Heading> headings) {

    private static final Pattern HEADING =
            Pattern.compile("^(#{1,6})\\s+(.*?)\\s*(?:\\{#([A-Za-z0-9][A-Za-z0-9_-]*)})?\\s*$");

    record Line(int number, String text) {}

    record Heading(int level, String title, String anchor, int line, List<Line> body) {}

    static MarkdownFile parse(Path path, String content) {
        String[] lines = content.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        int index = 0;
        Map<String, Object> frontMatter = Map.of();
        if (lines.length > 0 && lines[0].strip().equals("---")) {
            int end = -1;
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].strip().equals("---")) {
                    end = i;
                    break;
                }
            }
            if (end < 0) {
                throw KnowledgeBaseFormatException.at(path, 1, "front matter starts with --- but has no closing ---");
            }
            frontMatter =
                    yaml(path, String.join("\n", java.util.Arrays.asList(lines).subList(1, end)));
            index = end + 1;
        }
        List<Heading> headings = new ArrayList<>();
        List<Line> current = null;
        for (int i = index; i < lines.length; i++) {
            String text = lines[i];
            Matcher heading = HEADING.matcher(text);
            if (heading.matches()) {
                current = new ArrayList<>();
                headings.add(new Heading(
                        heading.group(1).length(), heading.group(2).strip(), heading.group(3), i + 1, current));
            } else if (current != null) {
                current.add(new Line(i + 1, text));
            } else if (!text.isBlank()) {
                throw KnowledgeBaseFormatException.at(
                        path, i + 1, "text before the first heading: start a section with '## Title'");
            }
        }
        return new MarkdownFile(path, frontMatter, headings);
    }

    private static Map<String, Object> yaml(Path path, String text) {
        try {
            Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
            if (loaded == null) {
                return Map.of();
            }
            if (!(loaded instanceof Map<?, ?> map)) {
                throw KnowledgeBaseFormatException.at(path, 2, "front matter must be 'key: value' lines");
            }
            Map<String, Object> result = new LinkedHashMap<>();
            map.forEach((k, v) -> result.put(String.valueOf(k), v));
            return result;
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 2;
            throw KnowledgeBaseFormatException.at(path, line, "front matter is not valid YAML: " + e.getProblem());
        }
    }

    String required(String key) {
        String value = optional(key);
        if (value.isEmpty()) {
            throw KnowledgeBaseFormatException.at(path, 1, "front matter lacks '" + key + "'");
        }
        return value;
    }

    String optional(String key) {
        return switch (frontMatter.get(key)) {
            case null -> "";
            // YAML reads 2026-11-27 as a timestamp at midnight UTC; staff wrote a date.
            case java.util.Date date ->
                date.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate().toString();
            case Object value -> String.valueOf(value).strip();
        };
    }

    /**
     * Splits a heading's body into blocks: paragraphs (consecutive lines joined by a space),
     * "- " list items and "> " quotations, separated by blank lines.
     */
    static List<NumberedBlock> blocks(List<Line> body) {
        List<NumberedBlock> blocks = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        Block.Kind kind = null;
        int start = 0;
        for (Line line : body) {
            String stripped = line.text().strip();
            Block.Kind lineKind = stripped.startsWith("- ") || stripped.startsWith("* ")
                    ? Block.Kind.BULLET
                    : stripped.startsWith(">") ? Block.Kind.QUOTE : Block.Kind.PARAGRAPH;
            boolean continues = kind != null
                    && !stripped.isEmpty()
                    && (lineKind == kind && kind != Block.Kind.BULLET
                            || lineKind == Block.Kind.PARAGRAPH && kind == Block.Kind.BULLET);
            if (stripped.isEmpty() || !continues) {
                if (kind != null) {
                    blocks.add(new NumberedBlock(start, new Block(kind, text.toString())));
                }
                text.setLength(0);
                kind = null;
                if (stripped.isEmpty()) {
                    continue;
                }
            }
            String content = switch (lineKind) {
                case BULLET -> kind == null ? stripped.substring(2).strip() : stripped;
                case QUOTE -> stripped.substring(1).strip();
                case PARAGRAPH -> stripped;
            };
            if (kind == null) {
                kind = lineKind;
                start = line.number();
            }
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(content);
        }
        if (kind != null) {
            blocks.add(new NumberedBlock(start, new Block(kind, text.toString())));
        }
        return blocks;
    }

    record NumberedBlock(int line, Block block) {}
}
