package dev.credwatch.agent.log;

import dev.credwatch.agent.config.CredwatchConfig;
import dev.credwatch.agent.config.LoadedConfig;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code log.file} that cannot be appended to is found at start, said in words, and reported as a bad value
 * of {@code log.file}: one line, stderr instead, and a start line that says stderr.
 */
class LogFileProblemTest {
    @TempDir
    Path dir;

    @Test
    void aDirectoryIsNoLogFile() {
        assertThat(LogWriter.problemAppendingTo(dir.toString())).isEqualTo(dir + " is a directory");
    }

    @Test
    void aPathUnderARegularFileNamesTheFileThatIsNoDirectory() throws IOException {
        Path plainFile = Files.createFile(dir.resolve("plain-file"));

        assertThat(LogWriter.problemAppendingTo(plainFile.resolve("cw.log").toString()))
                .isEqualTo(plainFile + " is not a directory");
        assertThat(LogWriter.problemAppendingTo(plainFile.resolve("deeper/cw.log").toString()))
                .startsWith(plainFile.toString()).contains("Not a directory");
    }

    @Test
    void aNulCharacterIsNoPath() {
        assertThat(LogWriter.problemAppendingTo("cw\u0000.log")).isEqualTo("it is not a valid path (Nul character not allowed)");
    }

    @Test
    void missingDirectoriesAreCreatedAsTheLogWouldAndNothingIsWritten() throws IOException {
        Path file = dir.resolve("new/nested/cw.log");

        assertThat(LogWriter.problemAppendingTo(file.toString())).isNull();
        assertThat(file).exists();
        assertThat(Files.size(file)).isZero();
    }

    @Test
    void aDirectoryWithoutWritePermissionIsRefusedWhenNotRoot() throws IOException {
        Path readOnly = Files.createDirectory(dir.resolve("read-only"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("r-xr-xr-x")));
        // root writes anyway: the other tests use paths that refuse root too.
        Assumptions.assumeFalse("root".equals(System.getProperty("user.name")), "running as root");

        assertThat(LogWriter.problemAppendingTo(readOnly.resolve("cw.log").toString()))
                .isEqualTo("permission denied on " + readOnly.resolve("cw.log"));
    }

    @Test
    void atStartAnUnusableLogFileIsOneBadValueLineAndTheStartLineSaysStderr() throws IOException {
        Path plainFile = Files.createFile(dir.resolve("plain-file"));
        String path = plainFile.resolve("cw.log").toString();
        Properties properties = new Properties();
        properties.setProperty("credwatch.log.file", path);

        LoadedConfig loaded = CredwatchConfig.load(null, properties, Collections.emptyMap(),
                LogWriter::problemAppendingTo);

        assertThat(loaded.problems()).containsExactly("invalid value \"" + path + "\" for log.file (system property "
                + "credwatch.log.file): expected a file credwatch can append to, but " + plainFile
                + " is not a directory; using the default stderr");
        assertThat(loaded.config().logFile()).isNull();
        assertThat(loaded.config().describe()).contains(" log.file=stderr ");
    }

    @Test
    void aUsableLogFileIsNoProblemAndIsKept() {
        String path = dir.resolve("logs/cw.log").toString();

        LoadedConfig loaded = CredwatchConfig.load("log.file=" + path, null, null, LogWriter::problemAppendingTo);

        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.config().logFile()).isEqualTo(path);
    }
}
