package dev.credwatch.demo.fakeaws;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A small HTTP/1.1 server on 127.0.0.1 with keep-alive. It exists because the JDK's
 * {@code com.sun.net.httpserver} always replaces the {@code Date} response header with the real
 * time, and the fake must be able to report a shifted clock.
 */
final class LoopbackHttpServer implements AutoCloseable {
    private static final int IDLE_TIMEOUT_MILLIS = 30_000;
    /** An unanswered request is held at most this long, so that a client without a timeout cannot pin a thread. */
    private static final long MAX_HOLD_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final ServerSocket serverSocket;
    private final Function<HttpRequest, HttpResponse> handler;
    private final Supplier<String> dateHeader;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final ExecutorService workers;
    private volatile boolean closed;

    LoopbackHttpServer(int port, Function<HttpRequest, HttpResponse> handler, Supplier<String> dateHeader)
            throws IOException {
        // 127.0.0.1 explicitly: the endpoint URL names it, and getLoopbackAddress() may be ::1.
        this.serverSocket = new ServerSocket(port, 50, InetAddress.getByName("127.0.0.1"));
        this.handler = handler;
        this.dateHeader = dateHeader;
        AtomicInteger threads = new AtomicInteger();
        // Daemon threads: a test that forgets close() must not keep its JVM alive.
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-aws-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        workers.execute(this::acceptLoop);
    }

    int port() {
        return serverSocket.getLocalPort();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("[fake-aws] accept failed: " + e);
                }
                continue;
            }
            connections.add(socket);
            // close() may have run between accept() and add(): then nobody else will close this socket.
            if (closed) {
                closeQuietly(socket);
                return;
            }
            try {
                workers.execute(() -> serve(socket));
            } catch (RejectedExecutionException e) {
                closeQuietly(socket);
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setSoTimeout(IDLE_TIMEOUT_MILLIS);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            InputStream in = new BufferedInputStream(socket.getInputStream());
            HttpRequestReader reader = new HttpRequestReader(in, out);
            while (!closed) {
                HttpRequest request;
                try {
                    request = reader.next();
                } catch (SocketTimeoutException | SocketException e) {
                    return;
                } catch (IOException | RuntimeException e) {
                    HttpResponse.of(400, "text/plain", "Bad request: " + e.getMessage())
                            .writeTo(out, dateHeader.get(), false, true);
                    return;
                }
                if (request == null) {
                    return;
                }
                boolean close = "close".equalsIgnoreCase(request.header("connection"));
                HttpResponse response = respond(request);
                if (response.isUnanswered()) {
                    holdSilently(socket, in);
                    return;
                }
                response.writeTo(out, dateHeader.get(), "HEAD".equals(request.method()), close);
                if (close) {
                    return;
                }
            }
        } catch (IOException ignored) {
            // the client went away; nothing to report
        } finally {
            connections.remove(socket);
        }
    }

    /**
     * Keeps the connection open without answering until the client gives up and closes it, the
     * server closes (which closes the socket under the read), or the bound passes; the caller then
     * drops the connection. Only this connection's thread waits: other connections are served.
     */
    private void holdSilently(Socket socket, InputStream in) throws IOException {
        long deadline = System.nanoTime() + MAX_HOLD_NANOS;
        try {
            for (long left = MAX_HOLD_NANOS; left > 0 && !closed; left = deadline - System.nanoTime()) {
                socket.setSoTimeout((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                if (in.read() == -1) {
                    return;
                }
            }
        } catch (SocketTimeoutException e) {
            // held long enough
        }
    }

    private HttpResponse respond(HttpRequest request) {
        try {
            return handler.apply(request);
        } catch (RuntimeException e) {
            e.printStackTrace();
            return HttpResponse.of(500, "text/plain", "Internal error in the fake: " + e);
        }
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(serverSocket);
        connections.forEach(LoopbackHttpServer::closeQuietly);
        workers.shutdownNow();
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
