package dev.credwatch.agent.bootstrap;

import dev.credwatch.agent.config.CredwatchConfig;
import dev.credwatch.agent.config.LoadedConfig;
import dev.credwatch.agent.credentials.ProfileKeys;
import dev.credwatch.agent.diagnosis.Diagnoser;
import dev.credwatch.agent.instrument.SdkInstrumentation;
import dev.credwatch.agent.log.AgentLog;
import dev.credwatch.agent.log.LogWriter;
import dev.credwatch.agent.observation.ObservationPipeline;
import dev.credwatch.agent.report.LogReporter;
import dev.credwatch.agent.report.Reporter;
import dev.credwatch.agent.report.inventory.InventoryReporter;
import dev.credwatch.agent.report.otel.OtelReporter;

import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** Wires configuration, the log, the diagnosis pipeline and the instrumentation, in that order. */
final class AgentStartup {
    private AgentStartup() {
    }

    static void start(String arguments, Instrumentation instrumentation, String mode) {
        // The log file is tried here, so that one that cannot be appended to is a bad log.file like any other
        // bad value (one line naming where it was set), and the start line says stderr.
        LoadedConfig loaded = CredwatchConfig.load(arguments, System.getProperties(), System.getenv(),
                LogWriter::problemAppendingTo);
        CredwatchConfig config = loaded.config();
        AgentLog.configure(config.logFile(), config.logFormat(), config.logLevel());
        for (String problem : loaded.problems()) {
            AgentLog.error(problem);
        }
        String version = version();
        List<Reporter> reporters = new ArrayList<Reporter>(3);
        reporters.add(new LogReporter(config, Clock.systemUTC()));
        reporters.add(new InventoryReporter(config.mask(), Clock.systemUTC(), true, version, config.describe()));
        // Reads OTEL_* settings only; the OpenTelemetry SDK starts with the first call to export.
        OtelReporter otel = OtelReporter.create(config, System.getProperties(), System.getenv(), version);
        if (otel != null) {
            reporters.add(otel);
        }
        Diagnoser diagnoser = new Diagnoser(config.expiryWarn(), config.skewWarn(), config.fetchWarn(), System::getenv,
                new ProfileKeys(System::getenv, System.getProperty("user.home")));
        ObservationPipeline.install(new DiagnoseAndReport(diagnoser, reporters, Clock.systemUTC()));
        // Only premain runs before every SDK class could be loaded: after an attach, and in an extension whose agent
        // delayed its listeners, some may be already.
        SdkInstrumentation.install(instrumentation, !"premain".equals(mode), otel != null, otel != null && otel.exports());
        AgentLog.info("credwatch " + version + " started (" + mode + ", Java " + System.getProperty("java.version")
                + "): " + config.describe());
    }

    /**
     * The jar's Implementation-Version, which the class loader read with the manifest already; the properties file
     * only where there is no manifest (classes run from a build directory). Opening it from the jar costs start-up
     * a second open of the jar and the URL connection classes: about 10 ms.
     */
    private static String version() {
        String fromManifest = AgentStartup.class.getPackage().getImplementationVersion();
        if (fromManifest != null) {
            return fromManifest;
        }
        Properties properties = new Properties();
        try (InputStream in = AgentStartup.class.getResourceAsStream("/dev/credwatch/agent/version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (Exception e) {
            // The version only decorates the start line and the exported telemetry.
        }
        return properties.getProperty("version", "unknown");
    }
}
