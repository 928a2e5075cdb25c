package dev.credwatch.agent.report.otel;

import dev.credwatch.agent.credentials.AccessKeyMask;
import dev.credwatch.agent.log.AgentLog;
import dev.credwatch.agent.observation.CallObservation;
import dev.credwatch.agent.observation.CredentialFetch;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.SdkMeterProviderBuilder;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SpanExporter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * credwatch's own OpenTelemetry SDK: built on the export thread when the first call arrives (never at
 * start-up), exporting where the {@code OTEL_*} settings point. Runs on the export thread only.
 */
final class OtelExport implements ExportQueue.Sink<ReportedObservation> {
    static final String SCOPE = "dev.credwatch.agent";

    /**
     * The SDK's own java.util.logging loggers (relocated names): silenced, because JUL may be bridged into
     * the application's logging, and {@link DropCounter} already reports losses once. Held strongly, as
     * JUL keeps only weak references to loggers.
     */
    private static final Logger SDK_LOGGER = Logger.getLogger(
            io.opentelemetry.api.OpenTelemetry.class.getName().replace(".api.OpenTelemetry", ""));

    private final OtelSettings settings;
    private final AccessKeyMask mask;
    private final DropCounter drops;
    private final String version;
    private boolean started;
    private CallTelemetry telemetry;
    private SpanBatcher spans;
    private LogRecordBatcher logs;
    private SdkMeterProvider meterProvider;

    OtelExport(OtelSettings settings, AccessKeyMask mask, DropCounter drops, String version) {
        this.settings = settings;
        this.mask = mask;
        this.drops = drops;
        this.version = version;
    }

    @Override
    public void write(ReportedObservation item) {
        if (!started) {
            started = true;
            start();
        }
        if (telemetry != null) {
            if (item.observation instanceof CallObservation) {
                telemetry.record((CallObservation) item.observation, item.diagnoses, item.now);
            } else if (item.observation instanceof CredentialFetch) {
                telemetry.record((CredentialFetch) item.observation, item.diagnoses, item.now);
            }
            idle();
        }
    }

    /** Sends the partial batches that waited long enough; also after each item, as a busy queue is never idle. */
    @Override
    public void idle() {
        if (spans != null) {
            spans.exportIfDue();
            logs.exportIfDue();
        }
    }

    @Override
    public void finish(long deadlineNanos) {
        if (spans == null) {
            return;
        }
        // All last exports are sent before any is waited for: waited for in turn, a cold first metric
        // export (its classes load now) found the deadline already spent on the spans and was lost.
        spans.forceFlush();
        logs.forceFlush();
        // A last collection, so short-lived processes export their counts too. Not shutdown(): the SDK's
        // metric reader then waits up to 5 s for its export, whatever deadline the caller has.
        CompletableResultCode lastMetrics = meterProvider.forceFlush();
        spans.finish(deadlineNanos);
        logs.finish(deadlineNanos);
        lastMetrics.join(Math.max(1, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (!lastMetrics.isDone()) {
            drops.metricExportFailed("the last metric export did not finish before the JVM exited (the backend is slow)");
        }
    }

    private void start() {
        SDK_LOGGER.setLevel(Level.OFF);
        // The settings' own problems were reported at start-up (OtelReporter.create).
        List<String> problems = new ArrayList<String>();
        ExporterFactory factory = new ExporterFactory(settings, problems, JavaVersion.feature());
        List<SpanExporter> spanExporters = factory.spanExporters();
        List<MetricExporter> metricExporters = factory.metricExporters();
        List<LogRecordExporter> logExporters = factory.logRecordExporters();
        PrometheusReader scrape = factory.prometheusReader();
        for (String problem : problems) {
            AgentLog.error(problem);
        }
        Resource resource = resource();
        spans = new SpanBatcher(SpanExporter.composite(spanExporters), settings.traces.timeout, drops);
        SdkTracerProvider tracerProvider = SdkTracerProvider.builder().setResource(resource).addSpanProcessor(spans).build();
        SdkMeterProviderBuilder meters = SdkMeterProvider.builder().setResource(resource);
        for (MetricExporter exporter : metricExporters) {
            meters.registerMetricReader(PeriodicMetricReader.builder(new CountingMetricExporter(exporter, drops))
                    .setInterval(settings.metricInterval).build());
        }
        if (scrape != null) {
            meters.registerMetricReader(scrape);
        }
        meterProvider = meters.build();
        logs = new LogRecordBatcher(LogRecordExporter.composite(logExporters), settings.logs.timeout, drops);
        SdkLoggerProvider loggerProvider = SdkLoggerProvider.builder().setResource(resource).addLogRecordProcessor(logs).build();
        telemetry = new CallTelemetry(tracerProvider.get(SCOPE, version), meterProvider.get(SCOPE),
                loggerProvider.loggerBuilder(SCOPE).setInstrumentationVersion(version).build(), mask);
        String metrics = describe(metricExporters, settings.metrics);
        if (scrape != null) {
            metrics = (metricExporters.isEmpty() ? "" : metrics + ",") + "prometheus:" + scrape.address();
        }
        AgentLog.info("credwatch exports OpenTelemetry data", "traces", describe(spanExporters, settings.traces),
                "metrics", metrics, "logs", describe(logExporters, settings.logs));
    }

    private Resource resource() {
        AttributesBuilder attributes = Attributes.builder();
        for (Map.Entry<String, String> attribute : settings.resourceAttributes.entrySet()) {
            attributes.put(attribute.getKey(), attribute.getValue());
        }
        if (settings.serviceName != null) {
            attributes.put(AttributeKey.stringKey("service.name"), settings.serviceName);
        }
        return Resource.getDefault().merge(Resource.create(attributes.build()));
    }

    /** Where data goes, for the log: the endpoint of an OTLP exporter, never its headers (they hold API keys). */
    private static String describe(List<?> exporters, OtelSettings.Signal signal) {
        if (exporters.isEmpty()) {
            return "none";
        }
        StringBuilder text = new StringBuilder();
        for (Object exporter : exporters) {
            text.append(text.length() == 0 ? "" : ",")
                    .append(exporter instanceof ConsoleSpanExporter || exporter instanceof ConsoleMetricExporter
                            || exporter instanceof ConsoleLogRecordExporter ? "console" : signal.endpoint);
        }
        return text.toString();
    }
}
