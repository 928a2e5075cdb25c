package dev.credwatch.it;

import dev.credwatch.it.apps.V1App;
import dev.credwatch.it.harness.FakeAwsForIts;
import dev.credwatch.it.harness.ForkedJvm;
import dev.credwatch.it.harness.ForkedRun;
import dev.credwatch.it.harness.OtlpReceiver;
import dev.credwatch.it.harness.SecretScan;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad settings for every credwatch key and for the {@code OTEL_*} settings credwatch reads, as agent arguments,
 * system properties and environment variables, several in one JVM: the application's output and exit code are
 * those of the run without the agent; the agent prints one line per bad setting, naming it, and no other error;
 * it still starts and diagnoses the failing call, on stderr when the log file is unusable; a header's value is
 * never printed; and with bad OTLP values the export still reaches the backend through the defaults.
 */
class BadConfigurationIT {
    private static final String KEY = "AKIACREDWATCHBADCFG1";
    private static final String SECRET = "badConfigItSecret/0123456789abcdefghijklm";
    private static final String UNKNOWN_KEY = "AKIACREDWATCHBADCFG2";
    private static final String HEADER_TOKEN = "otlpHeaderT0ken-do-not-print";
    private static final String NOT_SHOWN = "(not shown, it may hold credentials)";

    @RegisterExtension
    static final FakeAwsForIts fakeAws = FakeAwsForIts.acceptingLongTermKey(KEY, SECRET);

    @TempDir
    static Path dir;
    private static OtlpReceiver receiver;
    private static ForkedRun withoutAgent;

    static Stream<Arguments> runs() {
        String overflowing = "999999999d".repeat(120);
        return Stream.of(
                run("credwatch keys as agent arguments, log.file under a regular file",
                        arg("expiry.warn", "-5m"), arg("skew.warn", "999999999999h"), arg("log.format", "xml"),
                        arg("log.file", "{dir}/plain-file/credwatch.log"), arg("log.repeat", "10x"),
                        arg("mask", "none"), arg("otel", "maybe"), arg("fetch.warn", "5 parsecs"),
                        arg("log.level", "debug")),
                run("credwatch keys as system properties, empty and blank values",
                        property("expiry.warn", ""), property("skew.warn", "   "), property("log.format", "JSON5"),
                        property("log.file", ""), property("log.repeat", "60"), property("mask", ""),
                        property("otel", "1"), property("fetch.warn", overflowing), property("log.level", "warning")),
                run("credwatch keys as environment variables, log.file a directory",
                        env("expiry.warn", "1.5h"), env("skew.warn", "-1s"), env("log.format", " "),
                        env("log.file", "{dir}"), env("log.repeat", "366d"), env("mask", "partial!"),
                        env("otel", "yes"), env("fetch.warn", "1000"), env("log.level", "error")),
                run("OTEL settings as environment variables",
                        good(Via.ENVIRONMENT, "OTEL_EXPORTER_OTLP_ENDPOINT", "{receiver}"),
                        env("OTEL_EXPORTER_OTLP_PROTOCOL", "banana"), env("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "not a url"),
                        env("OTEL_EXPORTER_OTLP_METRICS_ENDPOINT", "127.0.0.1:4318"),
                        env("OTEL_EXPORTER_OTLP_TIMEOUT", "-5"),
                        env("OTEL_EXPORTER_OTLP_HEADERS", "Authorization: Bearer " + HEADER_TOKEN),
                        env("OTEL_EXPORTER_OTLP_COMPRESSION", "brotli"), env("OTEL_TRACES_EXPORTER", "banana"),
                        env("OTEL_METRICS_EXPORTER", "logging-otlp"), env("OTEL_RESOURCE_ATTRIBUTES", "team"),
                        env("OTEL_METRIC_EXPORT_INTERVAL", "0"), env("OTEL_SDK_DISABLED", "maybe"),
                        env("OTEL_LOGS_EXPORTER", "banana"), env("OTEL_EXPORTER_OTLP_LOGS_ENDPOINT", "localhost:4318"),
                        env("OTEL_EXPORTER_OTLP_LOGS_TIMEOUT", "0")),
                run("OTEL settings as system properties",
                        good(Via.SYSTEM_PROPERTY, "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "{receiver}/v1/traces"),
                        good(Via.SYSTEM_PROPERTY, "OTEL_METRICS_EXPORTER", "none"),
                        good(Via.SYSTEM_PROPERTY, "OTEL_EXPORTER_OTLP_LOGS_ENDPOINT", "{receiver}/v1/logs"),
                        property("OTEL_EXPORTER_OTLP_ENDPOINT", "http://"),
                        property("OTEL_EXPORTER_OTLP_METRICS_ENDPOINT", "ftp://127.0.0.1:4318"),
                        property("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc"),
                        property("OTEL_EXPORTER_OTLP_TRACES_TIMEOUT", "999999999999"),
                        property("OTEL_EXPORTER_OTLP_TRACES_HEADERS", HEADER_TOKEN),
                        property("OTEL_EXPORTER_OTLP_TRACES_COMPRESSION", "zstd"),
                        property("OTEL_TRACES_EXPORTER", "otlp,zipkin"), property("OTEL_RESOURCE_ATTRIBUTES", "x=%zz"),
                        property("OTEL_EXPORTER_OTLP_LOGS_PROTOCOL", "grpc"),
                        property("OTEL_EXPORTER_OTLP_LOGS_HEADERS", HEADER_TOKEN),
                        property("OTEL_EXPORTER_OTLP_LOGS_COMPRESSION", "zstd")));
    }

    @BeforeAll
    static void runTheApplicationWithoutTheAgent() throws IOException {
        Files.createFile(dir.resolve("plain-file"));
        receiver = OtlpReceiver.start();
        withoutAgent = app().withoutAgent().run();
        assertThat(withoutAgent.stdout()).contains("CALL sts.getCallerIdentity -> exception=");
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void eachBadSettingIsOneLineAndTheApplicationRunsOn(String description, List<Setting> settings) {
        int spansBefore = receiver.spans().size();
        int recordsBefore = receiver.logRecords().size();
        ForkedJvm jvm = app();
        settings.forEach(setting -> setting.applyTo(jvm, this::resolve));
        String agentArguments = settings.stream().filter(setting -> setting.via() == Via.AGENT_ARGUMENT)
                .map(setting -> setting.key() + '=' + resolve(setting.value())).collect(Collectors.joining(";"));
        ForkedRun run = (agentArguments.isEmpty() ? jvm : jvm.agentArgs(agentArguments)).run();

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(withoutAgent.exitCode());
        assertThat(run.stdout()).as(run.describe()).isEqualTo(withoutAgent.stdout());
        assertThat(withoutTimes(run.applicationStderr())).isEqualTo(withoutTimes(withoutAgent.applicationStderr()));
        List<Setting> bad = settings.stream().filter(Setting::bad).toList();
        for (Setting setting : bad) {
            assertThat(run.agentLines()).as(run.describe()).filteredOn(line -> line.contains(setting.named()))
                    .singleElement().satisfies(line -> assertThat(line).startsWith("[credwatch] ERROR invalid value ")
                            .contains(setting.shownValue(resolve(setting.value())))
                            .containsAnyOf("; using the default ", "; using ", "; ignoring "));
        }
        assertThat(run.agentLines()).as(run.describe()).filteredOn(line -> line.contains(" ERROR ")).hasSize(bad.size());
        assertThat(run.agentLines()).as("started, with the defaults").filteredOn(line -> line.contains(" started ("))
                .singleElement().asString().contains("log.file=stderr", "expiry.warn=5m", "log.level=info");
        assertThat(run.agentLines()).as("the failing call is still diagnosed, on stderr")
                .filteredOn(line -> line.contains("diagnosis=invalid_credentials")).hasSize(1);
        SecretScan.assertNoSecretIn(run.stdout() + run.stderr(), List.of(SECRET, HEADER_TOKEN));
        if (settings.stream().anyMatch(setting -> setting.value().contains("{receiver}"))) {
            assertThat(receiver.spans().size()).as("exported through the defaults").isGreaterThan(spansBefore);
            assertThat(receiver.logRecords().size()).as("the warning's log record too").isGreaterThan(recordsBefore);
        }
    }

    private String resolve(String value) {
        return value.replace("{dir}", dir.toString()).replace("{receiver}", receiver.endpoint());
    }

    private static ForkedJvm app() {
        return ForkedJvm.main(V1App.class).quickStart().sysProp("app.endpoint", fakeAws.fake().endpoint())
                .sysProp("app.accessKey", UNKNOWN_KEY).sysProp("app.secretKey", SECRET)
                .args("sts.getCallerIdentity");
    }

    /** SDK v1 logs through java.util.logging, whose lines start with the time of day. */
    private static String withoutTimes(String text) {
        return text.replaceAll("\\d{1,2}:\\d{2}:\\d{2} [AP]M", "<time>").strip();
    }

    private static Arguments run(String description, Setting... settings) {
        return Arguments.of(description, List.of(settings));
    }

    private static Setting arg(String key, String value) {
        return new Setting(Via.AGENT_ARGUMENT, key, value, true);
    }

    private static Setting property(String key, String value) {
        return new Setting(Via.SYSTEM_PROPERTY, key, value, true);
    }

    private static Setting env(String key, String value) {
        return new Setting(Via.ENVIRONMENT, key, value, true);
    }

    private static Setting good(Via via, String key, String value) {
        return new Setting(via, key, value, false);
    }

    enum Via { AGENT_ARGUMENT, SYSTEM_PROPERTY, ENVIRONMENT }

    /** One setting: a credwatch key ({@code expiry.warn}) or an OTEL variable name, and where it is given. */
    record Setting(Via via, String key, String value, boolean bad) {
        private boolean otel() {
            return key.startsWith("OTEL_");
        }

        private String propertyName() {
            return otel() ? key.toLowerCase(Locale.ROOT).replace('_', '.') : "credwatch." + key;
        }

        private String variableName() {
            return otel() ? key : "CREDWATCH_" + key.replace('.', '_').toUpperCase(Locale.ROOT);
        }

        void applyTo(ForkedJvm jvm, java.util.function.UnaryOperator<String> resolve) {
            if (via == Via.SYSTEM_PROPERTY) {
                jvm.sysProp(propertyName(), resolve.apply(value));
            } else if (via == Via.ENVIRONMENT) {
                jvm.env(variableName(), resolve.apply(value));
            }
        }

        /** How the problem line names the setting and its origin. */
        String named() {
            return switch (via) {
                case AGENT_ARGUMENT -> " for " + key + " (agent argument)";
                case SYSTEM_PROPERTY -> otel() ? " for " + propertyName() + " (system property)"
                        : " for " + key + " (system property " + propertyName() + ")";
                case ENVIRONMENT -> otel() ? " for " + key + " (environment variable)"
                        : " for " + key + " (environment variable " + variableName() + ")";
            };
        }

        /** The value as the line quotes it: shortened past 80 characters, a header's never. */
        String shownValue(String resolved) {
            if (key.endsWith("_HEADERS")) {
                return NOT_SHOWN;
            }
            return '"' + (resolved.length() > 80 ? resolved.substring(0, 80) + "..." : resolved) + '"';
        }
    }
}
