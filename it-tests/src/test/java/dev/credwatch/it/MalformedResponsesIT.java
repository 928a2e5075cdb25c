package dev.credwatch.it;

import dev.credwatch.it.apps.MalformedResponsesApp;
import dev.credwatch.it.harness.ForkedJvm;
import dev.credwatch.it.harness.ForkedRun;
import dev.credwatch.it.harness.LogLine;
import dev.credwatch.it.harness.SecretScan;
import dev.credwatch.it.harness.malformed.Documents;
import dev.credwatch.it.harness.malformed.MalformedAws;
import dev.credwatch.it.harness.malformed.MalformedCase;
import dev.credwatch.it.harness.malformed.MalformedCases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hundreds of malformed AWS answers (see {@link MalformedCases}) through SDK v1 and v2 clients, without and with
 * the agent: case by case the application must see exactly the same outcome, credwatch must log no ERROR, none of
 * its frames may reach the application, and the warnings it writes must stay parseable lines without secrets.
 */
class MalformedResponsesIT {
    private static final String KEY = "AKIACREDWATCHMALFORM1";
    private static final String SECRET = "malformedAppSecret/0123456789abcdefghijklmnop";
    private static final Set<String> LOG_KEYS = Set.of("diagnosis", "service", "operation", "code", "status",
            "source", "provider", "kind", "key", "expires_at", "ttl_s", "skew_s", "reason", "fetch_ms", "region",
            "request_id", "hint", "suppressed");
    private static final Set<String> DIAGNOSES = Set.of("expired_credentials", "invalid_credentials",
            "signature_mismatch", "clock_skew", "region_mismatch", "access_denied", "missing_credentials",
            "credentials_expiring", "credentials_shadowed", "credentials_refresh_failed", "credentials_slow");
    private static MalformedAws fake;

    @BeforeAll
    static void startMalformedAws() {
        fake = MalformedAws.start();
    }

    @AfterAll
    static void stopMalformedAws() {
        fake.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v2"})
    void everyMalformedAnswerReachesTheApplicationAsWithoutTheAgent(String sdk) {
        List<MalformedCase> cases = MalformedCases.all();
        int[] requestsBefore = cases.stream().mapToInt(c -> fake.requests(c.id())).toArray();
        fake.takeRequestHeads();
        ForkedRun plain = app(sdk).withoutAgent().run();
        List<String> plainRequests = fake.takeRequestHeads();
        ForkedRun watched = app(sdk).run();
        List<String> watchedRequests = fake.takeRequestHeads();

        assertThat(plain.exitCode()).as(plain.describe()).isZero();
        assertThat(watched.exitCode()).as(watched.describe()).isZero();
        List<String> plainLines = caseLines(plain);
        assertThat(cases).hasSizeGreaterThanOrEqualTo(300);
        assertThat(plainLines).as(plain.describe()).hasSize(cases.size());
        assertThat(differences(plainLines, caseLines(watched))).isEmpty();
        for (MalformedCase malformed : cases) {
            assertThat(fake.requests(malformed.id()) - requestsBefore[malformed.id() - 1])
                    .as("requests that reached %s", malformed).isGreaterThanOrEqualTo(2);
        }
        // No request added, repeated or changed (headers included), and no call of the agent's own.
        assertThat(watchedRequests).as("requests with the agent").hasSize(plainRequests.size())
                .containsExactlyElementsOf(plainRequests);
        assertThat(withoutTimes(watched.applicationStderr())).isEqualTo(withoutTimes(plain.applicationStderr()));
        assertNoAgentFailure(watched);
        assertThat(plain.stderr()).doesNotContain("[credwatch]");
        System.out.printf("%s: %d cases, %d ok, %d warnings; %d ms without the agent, %d ms with it%n", sdk,
                plainLines.size(), plainLines.stream().filter(line -> line.contains(" -> ok ")).count(),
                watched.warnings().size(), plain.duration().toMillis(), watched.duration().toMillis());
    }

    private static void assertNoAgentFailure(ForkedRun watched) {
        // AssertJ names the offending lines; the whole run's output would be megabytes (64 KiB request ids).
        assertThat(watched.agentLines()).noneMatch(line -> line.startsWith("[credwatch] ERROR"))
                .allMatch(line -> line.startsWith("[credwatch] INFO ") || line.startsWith("[credwatch] WARN "));
        // The application's own frames are dev.credwatch.it: only the agent's package counts.
        assertThat(watched.stdout() + watched.applicationStderr()).doesNotContain("dev.credwatch.agent");
        List<String> requestIds = new ArrayList<>();
        for (String warning : watched.warnings()) {
            Map<String, String> fields = LogLine.parse(warning);
            // A forged "diagnosis=…" or key inside a quoted value would show up here as a second or unknown key.
            assertThat(DIAGNOSES).as(warning).contains(fields.get("diagnosis"));
            assertThat(fields.keySet()).as(warning).isSubsetOf(LOG_KEYS);
            requestIds.add(fields.get("request_id"));
        }
        // The answers reach the diagnoses (an agent that saw nothing would pass the rest), the forged request ids
        // of the hostile cases too: written quoted, they parse back whole.
        assertThat(requestIds).isNotEmpty().anyMatch(id -> id != null && id.endsWith("\" diagnosis=injected"));
        List<String> secrets = new ArrayList<>(Documents.SECRET_MARKERS);
        secrets.add(SECRET);
        SecretScan.assertNoSecretIn(String.join("\n", watched.agentLines()), secrets);
    }

    private static ForkedJvm app(String sdk) {
        // log.repeat=0: every diagnosis is written, so every line the malformed answers produce is checked.
        return ForkedJvm.main(MalformedResponsesApp.class).quickStart().agentArgs("log.repeat=0")
                .timeout(Duration.ofSeconds(120)).sysProp("app.endpoint", fake.endpoint())
                .sysProp("app.accessKey", KEY).sysProp("app.secretKey", SECRET).args(sdk);
    }

    private static List<String> caseLines(ForkedRun run) {
        return Arrays.stream(run.stdout().split("\\R")).filter(line -> line.startsWith("CASE "))
                .collect(Collectors.toList());
    }

    /** Each case whose line differs, with what it answered: the comparison's failure message. */
    private static List<String> differences(List<String> plain, List<String> watched) {
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < Math.max(plain.size(), watched.size()); i++) {
            String without = i < plain.size() ? plain.get(i) : "(missing)";
            String with = i < watched.size() ? watched.get(i) : "(missing)";
            if (!without.equals(with)) {
                differences.add(MalformedCases.byId(i + 1) + "\n  without the agent: " + without
                        + "\n  with the agent:    " + with);
            }
        }
        return differences;
    }

    /**
     * The SDKs' own warnings, less the local clock's readings: SDK v1 logs through java.util.logging, whose lines
     * start with the date and time, and both name the local time when a Date is too far off to adjust to.
     */
    private static String withoutTimes(String text) {
        return text.replaceAll("[A-Z][a-z]{2} \\d{2}, \\d{4} \\d{1,2}:\\d{2}:\\d{2} [AP]M", "<time>")
                .replaceAll("clientTime: \\d+", "clientTime: <now>")
                .replaceAll("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d+Z versus", "<now> versus").strip();
    }
}
