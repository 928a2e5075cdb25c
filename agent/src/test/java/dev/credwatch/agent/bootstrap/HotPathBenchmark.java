package dev.credwatch.agent.bootstrap;

import dev.credwatch.agent.config.CredwatchConfig;
import dev.credwatch.agent.credentials.AccessKeyMask;
import dev.credwatch.agent.credentials.CredentialInfo;
import dev.credwatch.agent.credentials.CredentialKind;
import dev.credwatch.agent.credentials.CredentialSource;
import dev.credwatch.agent.credentials.ProfileKeys;
import dev.credwatch.agent.diagnosis.Diagnoser;
import dev.credwatch.agent.log.AgentLogger;
import dev.credwatch.agent.log.LogFormat;
import dev.credwatch.agent.log.LogWriter;
import dev.credwatch.agent.observation.CallObservation;
import dev.credwatch.agent.report.LogReporter;
import dev.credwatch.agent.report.Reporter;
import dev.credwatch.agent.report.inventory.InventoryReporter;
import dev.credwatch.agent.report.otel.OtelReporter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.Writer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The in-process hot path after the advice: an observation built as the SDK readers build it, diagnosed, and
 * handed to the reporters {@code AgentStartup} wires (log, inventory, OpenTelemetry with no exporter), for a
 * healthy call and for a failing one (an expired session, the log's repeat limit holding the lines back as it
 * does under load). Run by {@link HotPathBenchmarkRun}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HotPathBenchmark {
    private DiagnoseAndReport pipeline;
    private CredentialInfo longTerm;
    private CredentialInfo session;

    @Setup
    public void wire() {
        CredwatchConfig config = CredwatchConfig.load("", new Properties(), new HashMap<String, String>(), path -> null)
                .config();
        Clock clock = Clock.systemUTC();
        LogWriter nowhere = LogWriter.to(Writer.nullWriter(), "benchmark");
        List<Reporter> reporters = new ArrayList<Reporter>();
        reporters.add(new LogReporter(new AgentLogger(nowhere, LogFormat.TEXT, nowhere), AccessKeyMask.PARTIAL,
                Duration.ofMinutes(1), clock));
        reporters.add(new InventoryReporter(AccessKeyMask.PARTIAL, clock, false, "benchmark", config.describe()));
        reporters.add(OtelReporter.create(config, new Properties(), Collections.<String, String>emptyMap(), "benchmark"));
        pipeline = new DiagnoseAndReport(new Diagnoser(config.expiryWarn(), config.skewWarn(), config.fetchWarn(),
                name -> null, new ProfileKeys(name -> null, "/nonexistent")), reporters, clock);
        longTerm = CredentialInfo.builder().provider("AWSStaticCredentialsProvider").source(CredentialSource.STATIC)
                .kind(CredentialKind.LONG_TERM).accessKeyId("AKIAIOSFODNN7EXAMPLE").build();
        session = CredentialInfo.builder().provider("ProfileCredentialsProvider").source(CredentialSource.PROFILE)
                .kind(CredentialKind.TEMPORARY).accessKeyId("ASIAIOSFODNN7EXAWXYZ")
                .expiresAt(Instant.now().minusSeconds(720)).build();
    }

    @Benchmark
    public CallObservation healthyCall() {
        CallObservation call = CallObservation.builder().sdk("v1").service("SQS").operation("ListQueues")
                .region("us-east-1").endpointHost("127.0.0.1").httpStatus(200).requestId("7a62c49f-347e-4fc4")
                .clockSkewSeconds(0L).credentials(longTerm).build();
        pipeline.accept(call);
        return call;
    }

    @Benchmark
    public CallObservation failingCall() {
        CallObservation call = CallObservation.builder().sdk("v1").service("SQS").operation("SendMessage")
                .region("us-east-1").endpointHost("127.0.0.1").httpStatus(403).errorCode("ExpiredToken")
                .errorMessage("The security token included in the request is expired")
                .exceptionClass("com.amazonaws.services.sqs.model.AmazonSQSException").requestId("7a62c49f-347e-4fc4")
                .clockSkewSeconds(0L).credentials(session).build();
        pipeline.accept(call);
        return call;
    }
}
