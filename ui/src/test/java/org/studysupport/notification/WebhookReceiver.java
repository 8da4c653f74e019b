package org.studysupport.notification;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
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

/**
 * A hospital's system as the tests play it: an HTTP server on the loopback address that records
 * every webhook request it gets (headers and body) and answers as told: 200, a number of failures
 * first, or not at all until released.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request received, and the status it was answered with (0 when it was not answered). */
    record Received(String id, String timestamp, String signature, String body, int answeredWith) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile int failureStatus = 500;
    private volatile CountDownLatch hold;

    private WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/hooks", this::handle);
        server.start();
    }

    static WebhookReceiver start() {
        return new WebhookReceiver();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    /** The next {@code count} requests are answered with {@code status}. */
    WebhookReceiver failingFirst(int count, int status) {
        failureStatus = status;
        failuresLeft.set(count);
        return this;
    }

    /** Requests get no answer until {@link #release()}. */
    WebhookReceiver hanging() {
        hold = new CountDownLatch(1);
        return this;
    }

    void release() {
        CountDownLatch latch = hold;
        hold = null;
        if (latch != null) {
            latch.countDown();
        }
    }

    List<Received> received() {
        return new ArrayList<>(received);
    }

    /** The requests answered 2xx. */
    List<Received> accepted() {
        return received.stream().filter(r -> r.answeredWith() >= 200 && r.answeredWith() < 300).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String id = exchange.getRequestHeaders().getFirst("webhook-id");
        String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
        String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
        CountDownLatch latch = hold;
        if (latch != null) {
            received.add(new Received(id, timestamp, signature, body, 0));
            try {
                latch.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        int status = failuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0 ? failureStatus : 200;
        received.add(new Received(id, timestamp, signature, body, status));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        threads.shutdownNow();
    }
}
