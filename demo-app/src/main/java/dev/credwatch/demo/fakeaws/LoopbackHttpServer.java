package dev.credwatch.demo.fakeaws;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
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
            HttpRequestReader reader = new HttpRequestReader(new BufferedInputStream(socket.getInputStream()), out);
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
                respond(request).writeTo(out, dateHeader.get(), "HEAD".equals(request.method()), close);
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
