package io.mops.qa.links;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.net.ssl.SSLHandshakeException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Resolves addresses the way a recipient's browser would reach them, without ever counting a click or an open:
 * redirects are followed one by one (so that every hop is recorded and no tracking host is requested on the way),
 * tracking hosts get nothing or a HEAD, hosts outside the allowed ones nothing at all.
 *
 * <p>Plain Java on the JDK's HttpClient, unit-tested against local servers. Retries and timeouts are written here
 * rather than with SmallRye Fault Tolerance's annotations: those need a CDI bean per guarded call, while this class
 * must run (and be tested, and benchmarked) without Quarkus, and its retry policy is three lines — retry a timeout,
 * a connection failure or a 5xx, never a definite answer. Results are cached with Caffeine (already on the class
 * path through Hibernate): a decided result for {@code cacheTtl}, shared by concurrent lookups of the same address;
 * an undecided one is dropped at once, so that the next run asks again. Requests to one host are limited to
 * {@code perHostConcurrency} at a time across all runs, so a campaign with forty links to one shop does not look
 * like an attack on it.
 */
public final class LinkResolver implements AutoCloseable {

    /** What is wanted of the address: a page (status and chain) or an image (its bytes as well). */
    public enum Kind { PAGE, IMAGE }

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    /** 4xx answers that mean "not me, not now" rather than "not here": a person has to look. */
    private static final Set<Integer> UNDECIDED_4XX = Set.of(401, 403, 407, 408, 429);
    /** Enough of an image to read its header; the rest is only counted. */
    private static final int HEADER_BYTES = 256 * 1024;

    private final LinkCheckSettings settings;
    private final HttpClient client;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, Semaphore> perHost = new ConcurrentHashMap<>();
    private final AsyncCache<String, Resolution> cache;
    private final Ticker ticker;

    public LinkResolver(LinkCheckSettings settings) {
        this(settings, Ticker.systemTicker());
    }

    LinkResolver(LinkCheckSettings settings, Ticker ticker) {
        this.settings = settings;
        this.ticker = ticker;
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.connectTimeout())
                .executor(executor)
                .build();
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(settings.cacheTtl())
                .maximumSize(settings.cacheSize())
                .ticker(ticker)
                .executor(executor)
                .buildAsync();
    }

    public LinkCheckSettings settings() {
        return settings;
    }

    /** Resolves every address at once (each on a virtual thread), limited per host; answers in the given order. */
    public List<Resolution> resolveAll(List<URI> addresses, Kind kind) {
        List<CompletableFuture<Resolution>> pending = addresses.stream().map(a -> lookUp(a, kind)).toList();
        return pending.stream().map(CompletableFuture::join).toList();
    }

    public Resolution resolve(URI address, Kind kind) {
        return lookUp(address, kind).join();
    }

    private CompletableFuture<Resolution> lookUp(URI address, Kind kind) {
        String key = kind + " " + address;
        if (settings.cacheTtl().isZero()) {
            return CompletableFuture.supplyAsync(() -> follow(address, kind), executor);
        }
        CompletableFuture<Resolution> future = cache.get(key, (k, ex) ->
                CompletableFuture.supplyAsync(() -> follow(address, kind), executor));
        if (future.isDone() && !future.isCompletedExceptionally() && isStale(future.join())) {
            // Caffeine expires entries on its own schedule; a stale answer is never handed out in between.
            cache.asMap().remove(key, future);
            future = cache.get(key, (k, ex) -> CompletableFuture.supplyAsync(() -> follow(address, kind), executor));
        }
        CompletableFuture<Resolution> cached = future;
        return cached.whenComplete((resolution, failure) -> {
            if (failure != null || resolution.outcome() == Resolution.Outcome.UNDECIDED) {
                cache.asMap().remove(key, cached);
            }
        });
    }

    private boolean isStale(Resolution resolution) {
        return ticker.read() - resolution.resolvedAt() > settings.cacheTtl().toNanos();
    }

    private Resolution follow(URI requested, Kind kind) {
        long start = System.nanoTime();
        List<Resolution.Hop> chain = new ArrayList<>();
        URI current = requested;
        for (int hops = 0; ; hops++) {
            if (hops > settings.maxRedirects()) {
                return done(requested, Resolution.Outcome.BROKEN, chain, current, 0, null, start,
                        "more than " + settings.maxRedirects() + " redirects (a loop?)", null);
            }
            String host = current.getHost();
            if (!settings.isAllowed(current)) {
                return done(requested, Resolution.Outcome.NOT_REQUESTED, chain, current, 0, null, start,
                        "host " + host + " is outside mops.qa.links.allowed-hosts", null);
            }
            String method = "GET";
            if (settings.isTrackingHost(current)) {
                if (settings.trackingRequests() == LinkCheckSettings.TrackingRequests.NONE) {
                    chain.add(new Resolution.Hop(current, "none", 0));
                    Optional<URI> destination = embeddedDestination(current);
                    if (destination.isEmpty()) {
                        return done(requested, Resolution.Outcome.NOT_REQUESTED, chain, current, 0, null, start,
                                "tracking host " + host + " is never requested and the address names no destination",
                                null);
                    }
                    current = destination.get();
                    continue;
                }
                method = "HEAD";
            }
            Attempt attempt = send(current, method, kind);
            if (attempt.failure() != null) {
                chain.add(new Resolution.Hop(current, method, 0));
                Resolution.Outcome outcome = attempt.failure() instanceof SSLHandshakeException
                        ? Resolution.Outcome.BROKEN : Resolution.Outcome.UNDECIDED;
                return done(requested, outcome, chain, current, 0, null, start, describe(attempt.failure()), null);
            }
            int status = attempt.status();
            chain.add(new Resolution.Hop(current, method, status));
            Optional<String> location = attempt.location();
            if (REDIRECTS.contains(status)) {
                if (location.isEmpty()) {
                    return done(requested, Resolution.Outcome.BROKEN, chain, current, status, attempt.tls(), start,
                            status + " redirect without a Location", null);
                }
                try {
                    current = current.resolve(new URI(location.get().trim()));
                } catch (URISyntaxException | IllegalArgumentException e) {
                    return done(requested, Resolution.Outcome.BROKEN, chain, current, status, attempt.tls(), start,
                            "redirect to an unusable address: " + location.get(), null);
                }
                continue;
            }
            if (status / 100 == 2) {
                return done(requested, Resolution.Outcome.WORKS, chain, current, status, attempt.tls(), start, "",
                        attempt.image());
            }
            Resolution.Outcome outcome = status / 100 == 4 && !UNDECIDED_4XX.contains(status)
                    ? Resolution.Outcome.BROKEN : Resolution.Outcome.UNDECIDED;
            String why = status + (status / 100 == 5 ? " after " + attempt.attempts() + " attempt(s)" : "")
                    + ("HEAD".equals(method) ? " to a HEAD request" : "");
            return done(requested, outcome, chain, current, status, attempt.tls(), start, why, null);
        }
    }

    private Resolution done(URI requested, Resolution.Outcome outcome, List<Resolution.Hop> chain, URI last, int status,
                            String tls, long start, String reason, Resolution.ImageFacts image) {
        return new Resolution(requested, outcome, chain, last, status, Optional.ofNullable(tls),
                Duration.ofNanos(System.nanoTime() - start), reason, Optional.ofNullable(image), ticker.read());
    }

    /** One request, retried after a timeout, a connection failure or a 5xx; never after a definite answer. */
    private Attempt send(URI url, String method, Kind kind) {
        Attempt last = null;
        for (int attempt = 1; attempt <= 1 + settings.retries(); attempt++) {
            if (attempt > 1) {
                sleep(settings.retryDelay());
            }
            last = once(url, method, kind, attempt);
            if (last.failure() == null && last.status() < 500) {
                return last;
            }
        }
        return last;
    }

    private Attempt once(URI url, String method, Kind kind, int attempt) {
        Semaphore permits = perHost.computeIfAbsent(url.getHost().toLowerCase(Locale.ROOT) + ":" + url.getPort(),
                host -> new Semaphore(settings.perHostConcurrency(), true));
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(0, Optional.empty(), null, null, attempt, e);
        }
        CompletableFuture<HttpResponse<Void>> sent = null;
        try {
            HttpRequest request = HttpRequest.newBuilder(url)
                    .method(method, HttpRequest.BodyPublishers.noBody())
                    .timeout(settings.requestTimeout())
                    .header("User-Agent", "mops-qa-link-check/1 (pre-launch QA; no clicks are counted)")
                    .build();
            boolean wantBytes = kind == Kind.IMAGE && "GET".equals(method);
            ImageBody body = new ImageBody(settings.imageReadLimitBytes());
            long deadline = System.nanoTime() + settings.requestTimeout().toNanos();
            // The status and headers arrive before the body; an image's body is then read by ImageBody, which may
            // stop early, so its end (not the response future, which waits for the whole body) is what is awaited.
            CompletableFuture<HttpResponse.ResponseInfo> seen = new CompletableFuture<>();
            sent = client.sendAsync(request, info -> {
                seen.complete(info);
                return wantBytes && info.statusCode() / 100 == 2
                        ? HttpResponse.BodySubscribers.fromSubscriber(body, b -> null)
                        : HttpResponse.BodySubscribers.replacing(null);
            });
            sent.whenComplete((response, failure) -> {
                if (failure != null) {
                    seen.completeExceptionally(failure);
                }
            });
            HttpResponse.ResponseInfo info = seen.get(left(deadline), TimeUnit.NANOSECONDS);
            int status = info.statusCode();
            Optional<String> location = info.headers().firstValue("location");
            if (wantBytes && status / 100 == 2) {
                body.done.get(left(deadline), TimeUnit.NANOSECONDS);
                String type = info.headers().firstValue("content-type").orElse("");
                return new Attempt(status, location, null, body.facts(type), attempt, null);
            }
            String tls = sent.get(left(deadline), TimeUnit.NANOSECONDS).sslSession()
                    .map(session -> session.getProtocol()).orElse(null);
            return new Attempt(status, location, tls, null, attempt, null);
        } catch (ExecutionException e) {
            return new Attempt(0, Optional.empty(), null, null, attempt, e.getCause());
        } catch (TimeoutException e) {
            if (sent != null) {
                sent.cancel(true);
            }
            return new Attempt(0, Optional.empty(), null, null, attempt,
                    new HttpTimeoutException("no answer within " + settings.requestTimeout().toMillis() + " ms"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(0, Optional.empty(), null, null, attempt, e);
        } finally {
            permits.release();
        }
    }

    private static long left(long deadline) {
        return Math.max(1, deadline - System.nanoTime());
    }

    private record Attempt(int status, Optional<String> location, String tls, Resolution.ImageFacts image,
                           int attempts, Throwable failure) {
    }

    private String describe(Throwable failure) {
        int attempts = 1 + settings.retries();
        String what = switch (failure) {
            case HttpTimeoutException t -> "no answer within " + settings.requestTimeout().toMillis() + " ms";
            case SSLHandshakeException t -> "TLS handshake failed: " + t.getMessage();
            case java.net.ConnectException t -> "connection refused or unreachable";
            case java.nio.channels.UnresolvedAddressException t -> "the host name does not resolve";
            default -> failure.getClass().getSimpleName()
                    + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
        };
        return failure instanceof SSLHandshakeException ? what : what + " (" + attempts + " attempt(s))";
    }

    /**
     * Click-tracking addresses carry where they lead in their query ({@code ?url=https://shop/...}): the first
     * parameter whose decoded value is an absolute http(s) address.
     */
    static Optional<URI> embeddedDestination(URI tracking) {
        String query = tracking.getRawQuery();
        if (query == null) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String value;
            try {
                value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                continue;
            }
            String lower = value.toLowerCase(Locale.ROOT);
            if (lower.startsWith("https://") || lower.startsWith("http://")) {
                try {
                    URI uri = new URI(value);
                    if (uri.getHost() != null) {
                        return Optional.of(uri);
                    }
                } catch (URISyntaxException e) {
                    // not an address after all; look further
                }
            }
        }
        return Optional.empty();
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        client.shutdownNow();
        executor.shutdownNow();
    }

    /**
     * Keeps the first {@value #HEADER_BYTES} bytes of an image (enough for its header) and counts the rest, up to the
     * read limit; past it the download is cancelled, so a huge image costs at most the limit.
     */
    private static final class ImageBody implements Flow.Subscriber<List<ByteBuffer>> {

        final CompletableFuture<Void> done = new CompletableFuture<>();
        private final long limit;
        private final ByteArrayOutputStream head = new ByteArrayOutputStream();
        private Flow.Subscription subscription;
        private long total;
        private boolean truncated;

        ImageBody(long limit) {
            this.limit = limit;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (done.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                int n = buffer.remaining();
                int keep = (int) Math.min(n, HEADER_BYTES - head.size());
                if (keep > 0) {
                    byte[] bytes = new byte[keep];
                    buffer.get(bytes);
                    head.write(bytes, 0, keep);
                }
                total += n;
            }
            if (total > limit) {
                truncated = true;
                subscription.cancel();
                done.complete(null);
            }
        }

        @Override
        public void onError(Throwable failure) {
            done.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            done.complete(null);
        }

        Resolution.ImageFacts facts(String contentType) {
            Optional<Integer> width = Optional.empty();
            Optional<Integer> height = Optional.empty();
            try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(head.toByteArray()))) {
                Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
                if (readers != null && readers.hasNext()) {
                    ImageReader reader = readers.next();
                    try {
                        reader.setInput(in, true, true);
                        width = Optional.of(reader.getWidth(0));
                        height = Optional.of(reader.getHeight(0));
                    } finally {
                        reader.dispose();
                    }
                }
            } catch (IOException | RuntimeException e) {
                // a format ImageIO cannot read (WebP, SVG) or a damaged header: dimensions stay unknown
            }
            return new Resolution.ImageFacts(contentType, truncated ? limit : total, truncated, width, height);
        }
    }
}
