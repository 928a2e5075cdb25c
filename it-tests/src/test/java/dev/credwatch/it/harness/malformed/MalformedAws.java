package dev.credwatch.it.harness.malformed;

import dev.credwatch.it.harness.malformed.MalformedCase.Exchange;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake AWS that answers every request with the malformed case its {@value MalformedCases#CASE_HEADER} header
 * names: a raw socket server, since no HTTP library would write these answers. Bound to 127.0.0.1 on an
 * ephemeral port; it reads each request whole before answering (unread bytes would turn a close into a reset)
 * and ends every connection after one answer.
 */
public final class MalformedAws implements AutoCloseable {
    private final ServerSocket server;
    private final ExecutorService connections = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "malformed-aws");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<Integer, AtomicInteger> requestsPerCase = new ConcurrentHashMap<>();
    private final List<String> requestHeads = new CopyOnWriteArrayList<>();

    private MalformedAws() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        Thread acceptor = new Thread(this::acceptLoop, "malformed-aws-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Headers whose values change with every request, agent or not (and amz-sdk-request's ttl, by time). */
    private static final java.util.Set<String> VARYING = java.util.Set.of("x-amz-date", "authorization",
            "amz-sdk-invocation-id", "x-amz-content-sha256", "date");

    public static MalformedAws start() {
        try {
            return new MalformedAws();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** How many requests named this case so far. */
    public int requests(int caseId) {
        AtomicInteger count = requestsPerCase.get(caseId);
        return count == null ? 0 : count.get();
    }

    /**
     * Every request head since the last call, in arrival order, with the values that differ from request to
     * request (time, signature, invocation id) replaced: two runs of the same calls give the same list unless
     * something added, changed or repeated a request.
     */
    public List<String> takeRequestHeads() {
        List<String> taken = new ArrayList<>(requestHeads);
        requestHeads.removeAll(taken);
        return taken;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.execute(() -> answer(socket));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void answer(Socket socket) {
        try (socket) {
            socket.setSoTimeout(5_000);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            StringBuilder head = new StringBuilder();
            String caseHeader = readRequest(in, head);
            requestHeads.add(head.toString());
            MalformedCase malformed = caseHeader == null ? null : MalformedCases.byId(Integer.parseInt(caseHeader));
            Exchange exchange = malformed == null ? HttpAnswer.of(404, new byte[0]).toExchange()
                    : malformed.answer().get();
            if (malformed != null) {
                requestsPerCase.computeIfAbsent(malformed.id(), id -> new AtomicInteger()).incrementAndGet();
            }
            OutputStream out = socket.getOutputStream();
            out.write(exchange.bytes());
            out.flush();
            if (exchange.reset()) {
                // Time for the client to read what was sent, so that it always sees the reset after those bytes.
                Thread.sleep(50);
                socket.setSoLinger(true, 0);
            } else {
                socket.shutdownOutput();
            }
        } catch (IOException | RuntimeException e) {
            // The client went away first: nothing to answer.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads the head and the Content-Length body of one request; returns the case header's value, if any. */
    private static String readRequest(InputStream in, StringBuilder head) throws IOException {
        String caseId = null;
        int contentLength = 0;
        for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                head.append(line).append('\n');
                continue;
            }
            String name = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            head.append(name).append(": ").append(VARYING.contains(name.toLowerCase(java.util.Locale.ROOT))
                    ? "<varies>" : value.replaceAll("ttl=[0-9TZ]+", "ttl=<varies>")).append('\n');
            if (name.equalsIgnoreCase(MalformedCases.CASE_HEADER)) {
                caseId = value;
            } else if (name.equalsIgnoreCase("Content-Length")) {
                contentLength = Integer.parseInt(value);
            }
        }
        in.readNBytes(contentLength);
        return caseId;
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (b == '\n') {
                return line.toString(StandardCharsets.ISO_8859_1).stripTrailing();
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        connections.shutdownNow();
    }
}
