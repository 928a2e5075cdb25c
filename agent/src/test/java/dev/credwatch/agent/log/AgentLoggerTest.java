package dev.credwatch.agent.log;

import dev.credwatch.agent.config.CredwatchConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class AgentLoggerTest {
    @TempDir
    Path dir;

    private final StringWriter stderr = new StringWriter();
    private final LogWriter stderrWriter = LogWriter.to(stderr, "stderr");

    @Test
    void appendsToTheLogFileCreatingItsDirectories() throws IOException {
        Path file = dir.resolve("logs/nested/credwatch.log");
        Files.createDirectories(file.getParent());
        Files.write(file, "earlier line\n".getBytes(StandardCharsets.UTF_8));

        AgentLogger logger = AgentLogger.open(file.toString(), LogFormat.TEXT, stderrWriter);
        logger.info("credwatch started", "mask", "partial", "attempts", 3);
        logger.error("credwatch turned its v1 instrumentation off");

        assertThat(Files.readAllLines(file)).containsExactly("earlier line",
                "[credwatch] INFO credwatch started mask=partial attempts=3",
                "[credwatch] ERROR credwatch turned its v1 instrumentation off");
        assertThat(stderr.toString()).isEmpty();
        assertThat(AgentLogger.open(dir.resolve("new/dir/cw.log").toString(), LogFormat.TEXT, stderrWriter))
                .isNotNull();
        assertThat(dir.resolve("new/dir/cw.log")).exists();
    }

    @Test
    void aWarnThresholdDropsInfoLinesButNeverAWarningOrAnError() {
        AgentLogger logger = AgentLogger.open(null, LogFormat.TEXT, LogThreshold.WARN, stderrWriter);

        logger.info("credwatch started");
        logger.warn("a warning");
        logger.log(new LogLine(LogLine.Level.WARN, null).field("diagnosis", "expired_credentials"));
        logger.error("an error");

        assertThat(stderr.toString()).isEqualTo("[credwatch] WARN a warning\n"
                + "[credwatch] WARN diagnosis=expired_credentials\n[credwatch] ERROR an error\n");
    }

    @Test
    void writesAgentLinesAsJsonWhenAsked() throws IOException {
        Path file = dir.resolve("cw.jsonl");

        AgentLogger.open(file.toString(), LogFormat.JSON, stderrWriter).warn("odd", "n", 2L, "skipped", null);

        assertThat(Files.readAllLines(file)).containsExactly(
                "{\"level\":\"WARN\",\"logger\":\"credwatch\",\"message\":\"odd\",\"n\":2}");
    }

    @Test
    void aFileThatCannotBeOpenedGivesOneErrorLineAndStderr() throws IOException {
        Path notADirectory = Files.createFile(dir.resolve("plain-file"));
        String path = notADirectory.resolve("cw.log").toString();

        AgentLogger logger = AgentLogger.open(path, LogFormat.TEXT, stderrWriter);
        logger.warn("after the fallback");

        String[] lines = stderr.toString().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).isEqualTo("[credwatch] ERROR credwatch cannot open its log file and writes to stderr "
                + "path=" + path + " reason=\"" + notADirectory + " is not a directory\"");
        assertThat(lines[1]).isEqualTo("[credwatch] WARN after the fallback");
    }

    @Test
    void aWriteFailureSwitchesToStderrOnceAndLosesNoLine() {
        Writer broken = new Writer() {
            @Override
            public void write(char[] buffer, int offset, int length) throws IOException {
                throw new IOException("No space left on device");
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        AgentLogger logger = new AgentLogger(LogWriter.to(broken, "/var/log/cw.log"), LogFormat.TEXT, stderrWriter);

        logger.info("first");
        logger.info("second");

        assertThat(stderr.toString().split("\n")).containsExactly(
                "[credwatch] ERROR credwatch can no longer write its log file and writes to stderr "
                        + "path=/var/log/cw.log reason=\"java.io.IOException: No space left on device\"",
                "[credwatch] INFO first",
                "[credwatch] INFO second");
    }

    @Test
    void theStaticFacadeFollowsTheConfiguration() throws IOException {
        Path file = dir.resolve("facade.log");
        Properties properties = new Properties();
        properties.setProperty("credwatch.log.file", file.toString());

        CredwatchConfig config = CredwatchConfig.load(null, properties, Collections.emptyMap()).config();
        AgentLog.configure(config.logFile(), config.logFormat(), config.logLevel());
        try {
            AgentLog.error("invalid value \"5x\" for expiry.warn (agent argument)");
            AgentLog.info("credwatch started");
        } finally {
            AgentLog.configure(null, LogFormat.TEXT, LogThreshold.INFO);
        }

        assertThat(Files.readAllLines(file)).containsExactly(
                "[credwatch] ERROR invalid value \"5x\" for expiry.warn (agent argument)",
                "[credwatch] INFO credwatch started");
    }
}
