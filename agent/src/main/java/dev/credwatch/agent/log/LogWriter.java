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
        return new LogWriter(open(file), file.toString());
    }

    /**
     * Null when {@link #appendingTo} will succeed, else why not, in words. It opens the file as the log
     * will, so it creates the file and its directories; nothing is written.
     */
    public static String problemAppendingTo(String path) {
        try {
            open(Paths.get(path).toAbsolutePath()).close();
            return null;
        } catch (IOException | RuntimeException cannotOpen) { // InvalidPathException is a RuntimeException
            return FileFailure.describe(cannotOpen);
        }
    }

    private static Writer open(Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        return Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE);
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
