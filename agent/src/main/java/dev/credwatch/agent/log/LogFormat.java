package dev.credwatch.agent.log;

/** How the agent writes its lines: logfmt after a {@code [credwatch] LEVEL } prefix, or one JSON object. */
public enum LogFormat {
    TEXT,
    JSON
}
