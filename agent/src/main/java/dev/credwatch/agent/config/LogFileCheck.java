package dev.credwatch.agent.config;

/**
 * Whether {@code log.file} can be used, asked while the configuration is read: a file that cannot be
 * appended to is then reported like any other bad value (key, value, origin) and the default, stderr, is
 * used, so that the start line shows where the lines really go. Passed in because only a starting agent
 * should create the file; reading a configuration elsewhere (tests, the attach command) touches no disk.
 */
public interface LogFileCheck {
    /** Accepts every path: the configuration is read without touching the file system. */
    LogFileCheck NONE = path -> null;

    /** Null when lines can be appended to the file at {@code path}, else why not, in words. */
    String problemWith(String path);
}
