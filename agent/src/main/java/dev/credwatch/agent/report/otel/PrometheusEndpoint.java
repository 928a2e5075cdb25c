package dev.credwatch.agent.report.otel;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.credwatch.agent.log.AgentLog;

import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The scrape endpoint: the JDK's own HTTP server (module jdk.httpserver, in every JDK and JRE since 6), so no
 * server library is shaded into the jar. {@code GET /metrics} (and {@code /}, as the OpenTelemetry agent's) answers
 * the current metrics. Its threads are daemon threads, so it never keeps the JVM alive, and a scrape runs on them,
 * never on an application thread.
 */
final class PrometheusEndpoint {
    private final HttpServer server;
    private final ExecutorService executor;
    private final String address;

    private PrometheusEndpoint(HttpServer server, ExecutorService executor, String address) {
        this.server = server;
        this.executor = executor;
        this.address = address;
    }

    /** Listening, or null with one problem line when the port is taken or the host unusable. */
    static PrometheusEndpoint start(PrometheusSettings settings, Supplier<String> metrics, List<String> problems) {
        String where = settings.host + ':' + settings.port;
        HttpServer server;
        try {
            InetSocketAddress address = new InetSocketAddress(settings.host, settings.port);
            if (address.isUnresolved()) {
                problems.add(cannotServe(where, "the host name " + settings.host + " does not resolve"));
                return null;
            }
            server = HttpServer.create(address, 0);
        } catch (BindException e) {
            String why = String.valueOf(e.getMessage());
            problems.add(cannotServe(where, why.contains("in use") ? "the port is already in use" : why));
            return null;
        } catch (IOException | RuntimeException e) {
            problems.add(cannotServe(where, String.valueOf(e)));
            return null;
        }
        // Two threads: a scrape that reads its answer slowly cannot hold up the next one.
        ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "credwatch-prometheus");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", exchange -> answer(exchange, metrics));
        startAsDaemon(server);
        PrometheusEndpoint endpoint = new PrometheusEndpoint(server, executor,
                "http://" + settings.host + ':' + server.getAddress().getPort() + "/metrics");
        AgentLog.info("credwatch serves its metrics to Prometheus", "address", endpoint.address);
        return endpoint;
    }

    String address() {
        return address;
    }

    void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static String cannotServe(String where, String why) {
        return "credwatch cannot serve its Prometheus metrics on " + where + " (OTEL_EXPORTER_PROMETHEUS_HOST and"
                + " OTEL_EXPORTER_PROMETHEUS_PORT): " + why + "; its metrics are not served, the application is not affected";
    }

    /**
     * The server's dispatcher thread takes its daemon flag from the thread that starts it: started from a daemon
     * thread, always, whichever thread calls (the export thread is one; a caller at start-up may not be).
     */
    private static void startAsDaemon(HttpServer server) {
        if (Thread.currentThread().isDaemon()) {
            server.start();
            return;
        }
        Thread starter = new Thread(server::start, "credwatch-prometheus-start");
        starter.setDaemon(true);
        starter.start();
        try {
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The metrics' text, or null when collecting failed: a failed scrape for Prometheus, not a thread's death. */
    private static byte[] collect(Supplier<String> metrics) {
        try {
            return metrics.get().getBytes(StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static void answer(HttpExchange exchange, Supplier<String> metrics) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            int status;
            byte[] body;
            if (!path.equals("/") && !path.equals("/metrics")) {
                status = 404;
                body = "credwatch serves /metrics\n".getBytes(StandardCharsets.UTF_8);
            } else if (!method.equals("GET") && !method.equals("HEAD")) {
                status = 405;
                body = new byte[0];
            } else {
                body = collect(metrics);
                status = body == null ? 500 : 200;
                body = body == null ? new byte[0] : body;
                exchange.getResponseHeaders().set("Content-Type", PrometheusText.CONTENT_TYPE);
            }
            boolean head = method.equals("HEAD");
            exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
            if (!head && body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } finally {
            exchange.close();
        }
    }
}
