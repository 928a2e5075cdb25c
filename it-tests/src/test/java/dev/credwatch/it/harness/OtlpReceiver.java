package dev.credwatch.it.harness;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.trace.v1.Span;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

/**
 * A local OTLP/HTTP backend on 127.0.0.1 and a free port: decodes {@code /v1/traces}, {@code /v1/metrics} and
 * {@code /v1/logs} with the real protobuf classes and keeps every raw body and request path, so tests can assert
 * on spans, metrics and log records and scan all exported bytes for secrets. {@link #failing} makes one with a fault: it hangs, is slow, answers 500,
 * 429 or garbage.
 */
public final class OtlpReceiver implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Fault fault;
    private final CountDownLatch released = new CountDownLatch(1);
    private final AtomicInteger received = new AtomicInteger();
    private final List<byte[]> bodies = new CopyOnWriteArrayList<>();
    private final List<ExportTraceServiceRequest> traces = new CopyOnWriteArrayList<>();
    private final List<ExportMetricsServiceRequest> metrics = new CopyOnWriteArrayList<>();
    private final List<String> jsonBodies = new CopyOnWriteArrayList<>();
    private final List<ExportLogsServiceRequest> logs = new CopyOnWriteArrayList<>();
    private final List<String> paths = new CopyOnWriteArrayList<>();

    /** What a failing backend does with each request, after reading it whole. */
    public enum Fault {
        NONE, HANG, SLOW_5S, STATUS_500, STATUS_429_RETRY_AFTER, GARBAGE
    }

    private OtlpReceiver(Fault fault) {
        this.fault = fault;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static OtlpReceiver start() {
        return new OtlpReceiver(Fault.NONE);
    }

    public static OtlpReceiver failing(Fault fault) {
        return new OtlpReceiver(fault);
    }

    /** A backend that reads each request and then never answers, until closed. */
    public static OtlpReceiver hanging() {
        return failing(Fault.HANG);
    }

    /** The base URL, as OTEL_EXPORTER_OTLP_ENDPOINT takes it. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int requestCount() {
        return received.get();
    }

    public List<Span> spans() {
        List<Span> spans = new ArrayList<>();
        traces.forEach(request -> request.getResourceSpansList().forEach(resource -> resource.getScopeSpansList()
                .forEach(scope -> spans.addAll(scope.getSpansList()))));
        return spans;
    }

    public List<ExportTraceServiceRequest> traceRequests() {
        return traces;
    }

    public List<ExportMetricsServiceRequest> metricRequests() {
        return metrics;
    }

    public List<Metric> metrics() {
        List<Metric> all = new ArrayList<>();
        metrics.forEach(request -> request.getResourceMetricsList().forEach(resource -> resource.getScopeMetricsList()
                .forEach(scope -> all.addAll(scope.getMetricsList()))));
        return all;
    }

    public List<LogRecord> logRecords() {
        List<LogRecord> all = new ArrayList<>();
        logs.forEach(request -> request.getResourceLogsList().forEach(resource -> resource.getScopeLogsList()
                .forEach(scope -> all.addAll(scope.getLogRecordsList()))));
        return all;
    }

    public List<ExportLogsServiceRequest> logRequests() {
        return logs;
    }

    /** The path of every request received ({@code /v1/traces}, …), faulty backends included. */
    public List<String> requestPaths() {
        return paths;
    }

    /** Each OTLP/JSON request as "path body". */
    public List<String> jsonRequests() {
        return jsonBodies;
    }

    /** Every body received, decompressed, as bytes: for secret scans. */
    public List<byte[]> rawBodies() {
        return bodies;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = readBody(exchange);
            received.incrementAndGet();
            bodies.add(body);
            String path = exchange.getRequestURI().getPath();
            paths.add(path);
            if (answeredWithFault(exchange)) {
                return;
            }
            byte[] response;
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            if ("application/json".equals(contentType)) {
                // OTLP/JSON (http/json): kept as text; its ids are hex, which protobuf's own JSON parser rejects.
                jsonBodies.add(path + " " + new String(body, StandardCharsets.UTF_8));
                response = "{}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, response.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(response);
                }
                return;
            }
            if (path.endsWith("/v1/traces")) {
                traces.add(ExportTraceServiceRequest.parseFrom(body));
                response = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            } else if (path.endsWith("/v1/metrics")) {
                metrics.add(ExportMetricsServiceRequest.parseFrom(body));
                response = ExportMetricsServiceResponse.getDefaultInstance().toByteArray();
            } else if (path.endsWith("/v1/logs")) {
                logs.add(ExportLogsServiceRequest.parseFrom(body));
                response = ExportLogsServiceResponse.getDefaultInstance().toByteArray();
            } else {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, response.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** True if the fault answered (or swallowed) the request. */
    private boolean answeredWithFault(HttpExchange exchange) throws IOException, InterruptedException {
        switch (fault) {
            case HANG -> released.await();
            case SLOW_5S -> {
                released.await(5, TimeUnit.SECONDS);
                return false;
            }
            case STATUS_500 -> exchange.sendResponseHeaders(500, -1);
            case STATUS_429_RETRY_AFTER -> {
                exchange.getResponseHeaders().set("Retry-After", "30");
                exchange.sendResponseHeaders(429, -1);
            }
            case GARBAGE -> {
                byte[] page = "<html><body>502 Bad Gateway</body></html>\u0000\u00ff".getBytes(StandardCharsets.ISO_8859_1);
                exchange.getResponseHeaders().set("Content-Type", "text/html");
                exchange.sendResponseHeaders(200, page.length);
                exchange.getResponseBody().write(page);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        byte[] raw = exchange.getRequestBody().readAllBytes();
        if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
                return in.readAllBytes();
            }
        }
        return raw;
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
