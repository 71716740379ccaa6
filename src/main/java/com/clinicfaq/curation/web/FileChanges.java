package com.clinicfaq.curation.web;

import com.clinicfaq.curation.KnowledgeEditor;
import java.util.ArrayList;
import java.util.List;

/**
 * One file's unified diff as a page shows it: each line marked added, removed, unchanged or the start of a
 * hunk, with the counts for the file's heading.
 *
 * @param change "added", "removed" or "changed": what happened to the file as a whole
 */
record FileChanges(String path, String change, int added, int removed, List<Line> lines) {

    enum Kind {
        ADDED,
        REMOVED,
        CONTEXT,
        HUNK
    }

    /** A line without its sign: the page shows the sign, a colour and, for screen readers, a word. */
    record Line(Kind kind, String text) {

        public String sign() {
            return switch (kind) {
                case ADDED -> "+";
                case REMOVED -> "−";
                case CONTEXT, HUNK -> " ";
            };
        }
    }

    static List<FileChanges> of(List<KnowledgeEditor.FileDiff> diffs) {
        return diffs.stream().map(FileChanges::of).toList();
    }

    /** The first two lines of a unified diff name the files ("--- a/x", "+++ b/x"); the rest are hunks. */
    private static FileChanges of(KnowledgeEditor.FileDiff diff) {
        List<String> unified = diff.lines();
        String change = unified.get(0).equals("--- /dev/null")
                ? "added"
                : unified.get(1).equals("+++ /dev/null") ? "removed" : "changed";
        List<Line> lines = new ArrayList<>();
        int added = 0;
        int removed = 0;
        for (String line : unified.subList(2, unified.size())) {
            if (line.startsWith("@@")) {
                lines.add(new Line(Kind.HUNK, line));
            } else if (line.startsWith("+")) {
                lines.add(new Line(Kind.ADDED, line.substring(1)));
                added++;
            } else if (line.startsWith("-")) {
                lines.add(new Line(Kind.REMOVED, line.substring(1)));
                removed++;
            } else {
                lines.add(new Line(Kind.CONTEXT, line.isEmpty() ? "" : line.substring(1)));
            }
        }
        return new FileChanges(diff.path(), change, added, removed, List.copyOf(lines));
    }
}
