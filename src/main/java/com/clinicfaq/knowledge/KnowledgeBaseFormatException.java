package com.clinicfaq.knowledge;

import java.nio.file.Path;

/** A knowledge-base file that cannot be read, with the file and line at fault. */
public class KnowledgeBaseFormatException extends RuntimeException {

    private final String file;
    private final int line;

    public KnowledgeBaseFormatException(String file, int line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
        this.file = file;
        this.line = line;
    }

    public static KnowledgeBaseFormatException at(Path file, int line, String problem) {
        return new KnowledgeBaseFormatException(file.toString(), line, problem);
    }

    public String file() {
        return file;
    }

    /** The 1-based line, or 0 when the problem concerns the whole file. */
    public int line() {
        return line;
    }
}
