package dev.credwatch.it.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU time of this JVM's children that have ended and been waited for, as the kernel accounts it
 * ({@code cutime + cstime} of {@code /proc/self/stat}): a child process's whole CPU, every thread of it,
 * measured from outside. Only meaningful while one child runs at a time.
 */
final class ChildCpu {
    /** Linux's USER_HZ, the unit of those fields, is 100 on every architecture the JDK runs on here. */
    private static final long TICKS_PER_SECOND = 100;

    private ChildCpu() {
    }

    static long millis() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // Fields after the command name, which is in parentheses and may hold spaces: state is field 3.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[16 - 3]) + Long.parseLong(fields[17 - 3]);
            return ticks * 1000 / TICKS_PER_SECOND;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
