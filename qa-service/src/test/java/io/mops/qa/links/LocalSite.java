package io.mops.qa.links;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A web site on the loopback address for one test (JDK's HttpServer on a free port): pages, redirects, errors, slow
 * answers and images, and a log of every request it received, so that a test can assert that a tracking host was
 * never asked. Nothing leaves the machine.
 */
final class LocalSite implements AutoCloseable {

    /** One request as the site saw it. */
    record Request(String method, String path) {
    }

    interface Answer {
        void answer(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();

    LocalSite() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath()));
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Answer answer = answers.get(exchange.getRequestURI().getPath());
                if (answer == null) {
                    send(exchange, 404, "text/html", "<h1>not found</h1>".getBytes());
                } else {
                    answer.answer(exchange);
                }
            } catch (IOException e) {
                // the checker hung up (a cancelled download): nothing to answer
            } finally {
                inFlight.decrementAndGet();
                exchange.close();
            }
        });
        server.start();
    }

    String url(String pathAndQuery) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery;
    }

    String hostAndPort() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    LocalSite page(String path) {
        return on(path, exchange -> send(exchange, 200, "text/html", "<h1>ok</h1>".getBytes()));
    }

    LocalSite status(String path, int status) {
        return on(path, exchange -> send(exchange, status, "text/html", ("<h1>" + status + "</h1>").getBytes()));
    }

    LocalSite redirect(String path, int status, String location) {
        return on(path, exchange -> {
            exchange.getResponseHeaders().add("Location", location);
            exchange.sendResponseHeaders(status, -1);
        });
    }

    LocalSite slowPage(String path, long millis) {
        return on(path, exchange -> {
            sleep(millis);
            send(exchange, 200, "text/html", "<h1>slow</h1>".getBytes());
        });
    }

    LocalSite image(String path, byte[] bytes, String contentType) {
        return on(path, exchange -> send(exchange, 200, contentType, bytes));
    }

    /** An image of {@code bytes} bytes (a PNG header, then padding), streamed in chunks without a length. */
    LocalSite hugeImage(String path, int width, int height, long bytes) {
        byte[] head = png(width, height);
        return on(path, exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "image/png");
            if ("HEAD".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(head);
                byte[] chunk = new byte[64 * 1024];
                for (long sent = head.length; sent < bytes; sent += chunk.length) {
                    out.write(chunk);
                }
            }
        });
    }

    LocalSite on(String path, Answer answer) {
        answers.put(path, answer);
        return this;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    List<Request> requestsTo(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    int mostConcurrentRequests() {
        return mostInFlight.get();
    }

    static byte[] png(int width, int height) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", contentType);
        if ("HEAD".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
