package dev.credwatch.it.prometheus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alerting rules shipped in {@code agent/prometheus}: valid for Prometheus ({@code promtool check rules}), and
 * their tests pass ({@code promtool test rules}). That the tests really evaluate every alert is checked too: each
 * alert has a test case expecting it to fire, and a copy of the tests expecting other labels fails for each one.
 */
class PrometheusRulesIT {
    private static final String RULES = "credwatch-alerts.yml";
    private static final String TESTS = "credwatch-alerts.test.yml";

    @Test
    void theRulesAreValidAndTheirTestsPass() throws Exception {
        Path promtool = PrometheusTools.require("promtool");
        Path directory = PrometheusTools.rulesDirectory();
        List<String> alerts = PrometheusTools.alertNames(directory.resolve(RULES));
        assertThat(alerts).as("alerts in " + RULES).hasSizeGreaterThanOrEqualTo(3);

        PrometheusTools.Result check = PrometheusTools.run(directory, promtool.toString(), "check", "rules", RULES);
        assertThat(check.exitCode).as(check.toString()).isZero();
        assertThat(check.output).contains("SUCCESS: " + alerts.size() + " rules found");

        PrometheusTools.Result test = PrometheusTools.run(directory, promtool.toString(), "test", "rules", TESTS);
        System.out.println("[it] promtool test rules " + TESTS + ": " + test);
        assertThat(test.exitCode).as(test.toString()).isZero();
        assertThat(test.output).contains("Unit Testing:  " + TESTS).contains("SUCCESS").doesNotContain("FAILED");
    }

    @Test
    void everyAlertIsExpectedToFireSomewhereAndPromtoolReallyComparesIt(@TempDir Path copy) throws Exception {
        Path promtool = PrometheusTools.require("promtool");
        Path directory = PrometheusTools.rulesDirectory();
        List<String> alerts = PrometheusTools.alertNames(directory.resolve(RULES));
        String tests = new String(Files.readAllBytes(directory.resolve(TESTS)), StandardCharsets.UTF_8);
        for (String alert : alerts) {
            assertThat(tests).as("a test case where " + alert + " fires")
                    .containsPattern("alertname: " + alert + "\\s+exp_alerts:\\s+- exp_labels:");
        }

        // Every firing alert expected with another severity: promtool must report each alert as failed.
        Files.copy(directory.resolve(RULES), copy.resolve(RULES));
        Files.write(copy.resolve(TESTS), tests.replaceAll("severity: (warning|critical)", "severity: none")
                .getBytes(StandardCharsets.UTF_8));
        PrometheusTools.Result broken = PrometheusTools.run(copy, promtool.toString(), "test", "rules", TESTS);

        assertThat(broken.exitCode).as(broken.toString()).isNotZero();
        assertThat(broken.output).contains("FAILED");
        for (String alert : alerts) {
            assertThat(broken.output).as(broken.toString()).contains("alertname: " + alert + ",");
        }
    }
}
