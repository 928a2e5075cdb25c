package dev.credwatch.agent.log;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;

/**
 * Where the agent's lines go: stderr or a file appended to. Each line is written whole and flushed at
 * once, so lines from concurrent threads never interleave and nothing is lost when the host exits.
 */
public final class LogWriter {
    private final Writer out;
    private final String destination;

    private LogWriter(Writer out, String destination) {
        this.out = out;
        this.destination = destination;
    }

    /** The process's stderr at the time of the call, in its default encoding. */
    public static LogWriter stderr() {
        return new LogWriter(new OutputStreamWriter(System.err), "stderr");
    }

    public static LogWriter to(Writer out, String destination) {
        return new LogWriter(out, destination);
    }

    /** Opens the file for appending (UTF-8), creating it and its missing parent directories. */
    public static LogWriter appendingTo(String path) throws IOException {
        Path file = Paths.get(path).toAbsolutePath();
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        return new LogWriter(out, file.toString());
    }

    /** "stderr" or the file's absolute path, for error lines. */
    public String destination() {
        return destination;
    }

    public synchronized void writeLine(String line) throws IOException {
        out.write(line);
        out.write('\n');
        out.flush();
    }
}
