package dev.credwatch.agent.report.otel;

import dev.credwatch.agent.config.CredwatchConfig;
import dev.credwatch.agent.credentials.AccessKeyMask;
import dev.credwatch.agent.config.OtelMode;
import dev.credwatch.agent.diagnosis.Diagnosis;
import dev.credwatch.agent.log.AgentLog;
import dev.credwatch.agent.observation.CallObservation;
import dev.credwatch.agent.observation.Observation;
import dev.credwatch.agent.otelbridge.ForeignOtel;
import dev.credwatch.agent.report.Reporter;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Reports calls to OpenTelemetry. On the application's thread it only decides and hands over: beside the
 * OpenTelemetry Java agent it decorates the agent's span of the call; otherwise, when exporting is wanted,
 * it offers the call to {@link ExportQueue} and returns. No OpenTelemetry SDK class is loaded before then.
 *
 * <p>{@code otel=auto} exports once the user configured an exporter ({@code OTEL_EXPORTER_OTLP_ENDPOINT},
 * {@code OTEL_TRACES_EXPORTER}, …), {@code on} always (to the OTLP default, localhost:4318, if nothing
 * else), {@code off} never.
 */
public final class OtelReporter implements Reporter {
    /**
     * The most exporting may add to the JVM's exit: time for local work (a process that exits right after its
     * first call has credwatch's OpenTelemetry SDK still starting). Waiting for the backend is bounded far
     * tighter, by {@link ExportQueue#BACKEND_WAIT_NANOS}.
     */
    private static final long EXIT_BUDGET_NANOS = TimeUnit.SECONDS.toNanos(3);

    private final boolean exportWanted;
    private final AgentSpanDecorator decorator;
    private final ExportQueue<ReportedObservation> queue;
    private final DropCounter drops = new DropCounter();
    private final AccessKeyMask mask;
    private final String version;
    private volatile boolean agentPipelineLooked;
    private AgentPipelineTelemetry agentPipelineTelemetry;

    private OtelReporter(CredwatchConfig config, OtelSettings settings, String version) {
        this.exportWanted = !settings.sdkDisabled
                && (config.otel() == OtelMode.ON || settings.exporterConfigured);
        this.decorator = new AgentSpanDecorator(config.mask());
        this.mask = config.mask();
        this.version = version;
        // A factory, not the sink: OtelExport's verification would load SDK classes at start-up.
        this.queue = new ExportQueue<ReportedObservation>(() -> new OtelExport(settings, config.mask(), drops, version), drops);
    }

    /** The reporter, or null when {@code otel=off}. Reads settings only; starts nothing. */
    public static OtelReporter create(CredwatchConfig config, Properties systemProperties,
                                      Map<String, String> environment, String version) {
        if (config.otel() == OtelMode.OFF) {
            return null;
        }
        OtelSettings settings = new OtelSettings(new OtelProperties(systemProperties, environment));
        OtelReporter reporter = new OtelReporter(config, settings, version);
        if (reporter.exportWanted) {
            // At start-up, beside credwatch's other settings: the export itself starts with the first call.
            for (String problem : settings.problems) {
                AgentLog.error(problem);
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(reporter::exit, "credwatch-otel-exit"));
        return reporter;
    }

    /** True when credwatch exports spans of its own (not when it only decorates the OpenTelemetry agent's). */
    public boolean exports() {
        return exportWanted;
    }

    @Override
    public void report(Observation observed, List<Diagnosis> diagnoses, Instant now) {
        if (ForeignOtel.agentPresent()) {
            // The agent's spans carry what credwatch found; a fetch no call waited for has no span there.
            Object agentSpan = observed instanceof CallObservation
                    ? decorator.decorate((CallObservation) observed, diagnoses, now) : null;
            if (MetricPoints.anyFor(observed, diagnoses)) {
                AgentPipelineTelemetry pipeline = agentPipeline();
                if (pipeline != null) {
                    pipeline.record(observed, diagnoses, now, agentSpan);
                }
            }
        } else if (exportWanted) {
            queue.offer(new ReportedObservation(observed, diagnoses, now));
        }
    }

    private AgentPipelineTelemetry agentPipeline() {
        if (!agentPipelineLooked) {
            synchronized (this) {
                if (!agentPipelineLooked) {
                    agentPipelineTelemetry = AgentPipelineTelemetry.create(mask, version);
                    agentPipelineLooked = true;
                }
            }
        }
        return agentPipelineTelemetry;
    }

    /** At JVM exit: sends what is pending within a short budget, so that exit is never held up for long. */
    private void exit() {
        try {
            queue.close(System.nanoTime() + EXIT_BUDGET_NANOS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        drops.logSummary();
    }
}
