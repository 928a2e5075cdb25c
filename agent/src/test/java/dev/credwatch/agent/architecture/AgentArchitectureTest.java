package dev.credwatch.agent.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The agent's classes keep their layers; a fixture that breaks each rule shows that the rules would notice. */
class AgentArchitectureTest {
    private static final String AGENT = "dev.credwatch.agent";
    private static final String FIXTURE = "dev.credwatch.archfixture";

    private static final JavaClasses AGENT_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(AGENT);
    private static final JavaClasses FIXTURE_CLASSES = new ClassFileImporter().importPackages(FIXTURE);

    @Test
    void theAgentIsImportedWhole() {
        assertThat(AGENT_CLASSES.containPackage(AGENT + ".instrument.v2")).isTrue();
        assertThat(AGENT_CLASSES.contain(AGENT + ".bootstrap.CredwatchAgent")).isTrue();
        assertThat(AGENT_CLASSES.contain(AGENT + ".report.LogReporterTest")).isFalse();
    }

    @Test
    void theAgentKeepsEveryRule() {
        List<String> broken = AgentArchitecture.rules(AGENT).stream()
                .map(rule -> rule.evaluate(AGENT_CLASSES))
                .filter(EvaluationResult::hasViolation)
                .map(result -> result.getFailureReport().toString())
                .collect(Collectors.toList());

        assertThat(broken).isEmpty();
    }

    @Test
    void aBackUpImportBreaksTheLayers() {
        assertThat(violations(AgentArchitecture::layers))
                .contains("archfixture.log.FixtureLog").contains("archfixture.report.FixtureReporter");
    }

    @Test
    void anSdkTypeOutsideInstrumentIsFound() {
        assertThat(violations(AgentArchitecture::sdkTypesOnlyInInstrument)).contains("BasicAWSCredentials");
    }

    @Test
    void anSdkTypeNameOutsideInstrumentIsFound() {
        assertThat(violations(AgentArchitecture::sdkNamesOnlyInInstrument))
                .contains("FixtureReporter names software.amazon.awssdk.");
    }

    @Test
    void aCycleBetweenPackagesIsFound() {
        assertThat(violations(AgentArchitecture::noPackageCycles)).contains("Cycle detected");
    }

    @Test
    void openTelemetryOutsideReportOtelIsFound() {
        assertThat(violations(AgentArchitecture::openTelemetrySdkOnlyInReportOtel)).contains("io.opentelemetry");
    }

    @Test
    void aDispatchClassUsingTheAgentIsFound() {
        assertThat(violations(AgentArchitecture::dispatchUsesOnlyTheJdk)).contains("FixtureHooks")
                .contains("FixtureLog");
    }

    @Test
    void aConnectionOutsideTheExportIsFound() {
        assertThat(violations(AgentArchitecture::networkOnlyForExport)).contains("FixtureReporter")
                .contains("openStream");
    }

    private static String violations(Function<String, ArchRule> rule) {
        EvaluationResult result = rule.apply(FIXTURE).evaluate(FIXTURE_CLASSES);
        assertThat(result.hasViolation()).as("the fixture breaks the rule").isTrue();
        return String.join("\n", result.getFailureReport().getDetails());
    }
}
