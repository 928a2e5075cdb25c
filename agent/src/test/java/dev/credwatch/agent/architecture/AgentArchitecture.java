package dev.credwatch.agent.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.Architectures;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The agent's layering as rules (DESIGN.md "Inside the agent"), over any root package, so that a fixture
 * with known violations can prove each rule bites. Lowest layer first: log, credentials, config, observation,
 * otelbridge, then instrument and diagnosis side by side, report, bootstrap. A layer uses only layers below it.
 */
final class AgentArchitecture {
    static final String[] SDK_NAME_PREFIXES = {
        "com.amazonaws.", "com/amazonaws/", "software.amazon.awssdk.", "software/amazon/awssdk/"
    };

    private AgentArchitecture() {
    }

    static List<ArchRule> rules(String root) {
        return Arrays.asList(layers(root), sdkTypesOnlyInInstrument(root), sdkNamesOnlyInInstrument(root),
                asmOnlyInWeave(root), openTelemetrySdkOnlyInReportOtel(root), noPackageCycles(root),
                dispatchUsesOnlyTheJdk(root), networkOnlyForExport(root));
    }

    static ArchRule layers(String root) {
        return Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("log").definedBy(root + ".log..")
                .layer("credentials").definedBy(root + ".credentials..")
                .layer("config").definedBy(root + ".config..")
                .layer("observation").definedBy(root + ".observation..")
                .layer("otelbridge").definedBy(root + ".otelbridge..")
                .layer("instrument").definedBy(root + ".instrument..")
                .layer("diagnosis").definedBy(root + ".diagnosis..")
                .layer("report").definedBy(root + ".report..")
                .layer("bootstrap").definedBy(root + ".bootstrap..")
                .whereLayer("log").mayNotAccessAnyLayer()
                .whereLayer("credentials").mayOnlyAccessLayers("log")
                .whereLayer("config").mayOnlyAccessLayers("credentials", "log")
                .whereLayer("observation").mayOnlyAccessLayers("credentials", "log")
                .whereLayer("otelbridge").mayOnlyAccessLayers("observation", "credentials", "log")
                .whereLayer("instrument").mayOnlyAccessLayers("otelbridge", "observation", "credentials", "log")
                .whereLayer("diagnosis").mayOnlyAccessLayers("observation", "config", "credentials", "log")
                .whereLayer("report").mayOnlyAccessLayers("diagnosis", "otelbridge", "observation", "config",
                        "credentials", "log")
                .whereLayer("bootstrap").mayNotBeAccessedByAnyLayer()
                .ensureAllClassesAreContainedInArchitecture()
                .as("each layer uses only the layers below it");
    }

    static ArchRule sdkTypesOnlyInInstrument(String root) {
        return noClasses().that().resideInAPackage(root + "..").and().resideOutsideOfPackage(root + ".instrument..")
                .should().dependOnClassesThat().resideInAnyPackage("com.amazonaws..", "software.amazon.awssdk..")
                .as("AWS SDK types are used only in instrument");
    }

    /** The agent reads the SDK by name; a name is as much a dependency as a type. */
    static ArchRule sdkNamesOnlyInInstrument(String root) {
        return classes().that().resideInAPackage(root + "..").and().resideOutsideOfPackage(root + ".instrument..")
                .should(nameNoSdkType()).as("AWS SDK type names (ExecutionAttributes and the like) appear only in"
                        + " instrument");
    }

    /** Byte Buddy's agent builder is gone from the agent: only the ASM it bundles weaves, in one package. */
    static ArchRule asmOnlyInWeave(String root) {
        return noClasses().that().resideInAPackage(root + "..")
                .and().resideOutsideOfPackage(root + ".instrument.weave..")
                .should().dependOnClassesThat().resideInAPackage("net.bytebuddy..")
                .as("Byte Buddy's ASM is used only in instrument.weave");
    }

    static ArchRule openTelemetrySdkOnlyInReportOtel(String root) {
        // The extension entry point implements the OpenTelemetry Java agent's SPI: those names are the agent's, not
        // credwatch's own OpenTelemetry (the shade plugin leaves them unrelocated).
        return noClasses().that().resideInAPackage(root + "..").and().resideOutsideOfPackage(root + ".report.otel..")
                .and().doNotHaveSimpleName("OtelAgentExtension")
                .should().dependOnClassesThat().resideInAPackage("io.opentelemetry..")
                .as("credwatch's own OpenTelemetry is used only in report.otel");
    }

    /** The dispatch package is copied onto the boot class path, where nothing else of the agent is. */
    static ArchRule dispatchUsesOnlyTheJdk(String root) {
        return classes().that().resideInAPackage(root + ".instrument.dispatch..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", root + ".instrument.dispatch..")
                .allowEmptyShould(true)
                .as("the boot class path's dispatch classes use the JDK only");
    }

    /**
     * DESIGN.md: the agent makes no network call of its own, except exporting where the user pointed it; and it
     * listens only for the Prometheus scrape the user asked for (OTEL_METRICS_EXPORTER=prometheus).
     */
    static ArchRule networkOnlyForExport(String root) {
        return noClasses().that().resideInAPackage(root + "..").and().resideOutsideOfPackage(root + ".report.otel..")
                .should().dependOnClassesThat().resideInAnyPackage("java.net.http..", "java.nio.channels..",
                        "com.sun.net.httpserver..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.Socket")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.ServerSocket")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.URLConnection")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.HttpURLConnection")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.DatagramSocket")
                .orShould().callMethod(java.net.URL.class, "openConnection")
                .orShould().callMethod(java.net.URL.class, "openStream")
                .as("only the OpenTelemetry export opens connections or listens");
    }

    static ArchRule noPackageCycles(String root) {
        return slices().matching(root + ".(**)").should().beFreeOfCycles().as("no cycles between packages");
    }

    /** The class file holds an SDK name in its constant pool: a string constant or a type descriptor. */
    private static ArchCondition<JavaClass> nameNoSdkType() {
        return new ArchCondition<JavaClass>("name no AWS SDK type") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                String text = classFileText(type);
                for (String prefix : SDK_NAME_PREFIXES) {
                    if (text.contains(prefix)) {
                        events.add(SimpleConditionEvent.violated(type, type.getName() + " names " + prefix + "..."));
                    }
                }
            }
        };
    }

    private static String classFileText(JavaClass type) {
        String resource = "/" + type.getName().replace('.', '/') + ".class";
        try (InputStream in = type.reflect().getResourceAsStream(resource)) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }
}
