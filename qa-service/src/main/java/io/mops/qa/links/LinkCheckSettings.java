package io.mops.qa.links;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How links and images are resolved: plain values, so that the checker runs (and is tested) without Quarkus.
 * {@link LinkCheckConfig} fills them from {@code mops.qa.links.*}.
 *
 * @param allowedHosts     when present, only these hosts (and their subdomains; {@code host:port} for one server) are
 *                         ever requested; links elsewhere
 *                         are reported as not checked. Tests set it to the loopback address so that no request leaves
 *                         the machine
 * @param trackingHosts    click-tracking and open-pixel hosts (and their subdomains): requesting them would count a
 *                         click or an open that nobody made
 * @param trackingRequests what may be sent to a tracking host: nothing, or a HEAD request only
 */
public record LinkCheckSettings(boolean enabled, Duration connectTimeout, Duration requestTimeout, int retries,
                                Duration retryDelay, int perHostConcurrency, Duration cacheTtl, long cacheSize,
                                int maxRedirects, Duration slowThreshold, Optional<List<String>> allowedHosts,
                                List<String> trackingHosts, TrackingRequests trackingRequests, long htmlClipBytes,
                                long imageMaxBytes, long emailMaxBytes, long imageReadLimitBytes) {

    /** Click-tracking and open-pixel hosts of widespread email and ad platforms. */
    public static final String TRACKING_HOSTS = "list-manage.com,ct.sendgrid.net,mandrillapp.com,hubspotlinks.com,exacttarget.com,exct.net,doubleclick.net,google-analytics.com";

    public enum TrackingRequests {
        /** Never request a tracking host: follow the destination it carries in its query, if any. */
        NONE,
        /** Send HEAD requests only: servers count GETs as clicks and opens, a HEAD fetches no pixel. */
        HEAD
    }

    public LinkCheckSettings {
        allowedHosts = allowedHosts.map(hosts -> hosts.stream().map(LinkCheckSettings::lower).toList());
        trackingHosts = trackingHosts.stream().map(LinkCheckSettings::lower).toList();
    }

    /** The defaults of application.properties, for tests and benchmarks. */
    public static LinkCheckSettings defaults() {
        return new LinkCheckSettings(true, Duration.ofSeconds(2), Duration.ofSeconds(5), 1, Duration.ofMillis(200), 4,
                Duration.ofMinutes(10), 10_000, 10, Duration.ofMillis(1500), Optional.empty(),
                List.of(TRACKING_HOSTS.split(",")), TrackingRequests.NONE, 102 * 1024, 200 * 1024, 1024 * 1024,
                5 * 1024 * 1024);
    }

    public LinkCheckSettings withAllowedHosts(List<String> hosts) {
        return new LinkCheckSettings(enabled, connectTimeout, requestTimeout, retries, retryDelay, perHostConcurrency,
                cacheTtl, cacheSize, maxRedirects, slowThreshold, Optional.of(hosts), trackingHosts, trackingRequests,
                htmlClipBytes, imageMaxBytes, emailMaxBytes, imageReadLimitBytes);
    }

    public LinkCheckSettings withTrackingHosts(List<String> hosts, TrackingRequests requests) {
        return new LinkCheckSettings(enabled, connectTimeout, requestTimeout, retries, retryDelay, perHostConcurrency,
                cacheTtl, cacheSize, maxRedirects, slowThreshold, allowedHosts, hosts, requests, htmlClipBytes,
                imageMaxBytes, emailMaxBytes, imageReadLimitBytes);
    }

    public LinkCheckSettings withTimeouts(Duration request, int retries, Duration slow) {
        return new LinkCheckSettings(enabled, connectTimeout, request, retries, Duration.ofMillis(20),
                perHostConcurrency, cacheTtl, cacheSize, maxRedirects, slow, allowedHosts, trackingHosts,
                trackingRequests, htmlClipBytes, imageMaxBytes, emailMaxBytes, imageReadLimitBytes);
    }

    public LinkCheckSettings withPerHostConcurrency(int permits) {
        return new LinkCheckSettings(enabled, connectTimeout, requestTimeout, retries, retryDelay, permits, cacheTtl,
                cacheSize, maxRedirects, slowThreshold, allowedHosts, trackingHosts, trackingRequests, htmlClipBytes,
                imageMaxBytes, emailMaxBytes, imageReadLimitBytes);
    }

    public LinkCheckSettings withCacheTtl(Duration ttl) {
        return new LinkCheckSettings(enabled, connectTimeout, requestTimeout, retries, retryDelay, perHostConcurrency,
                ttl, cacheSize, maxRedirects, slowThreshold, allowedHosts, trackingHosts, trackingRequests,
                htmlClipBytes, imageMaxBytes, emailMaxBytes, imageReadLimitBytes);
    }

    public LinkCheckSettings withWeights(long htmlClip, long imageMax, long emailMax, long imageReadLimit) {
        return new LinkCheckSettings(enabled, connectTimeout, requestTimeout, retries, retryDelay, perHostConcurrency,
                cacheTtl, cacheSize, maxRedirects, slowThreshold, allowedHosts, trackingHosts, trackingRequests,
                htmlClip, imageMax, emailMax, imageReadLimit);
    }

    public boolean isTrackingHost(URI url) {
        return matches(trackingHosts, url);
    }

    public boolean isAllowed(URI url) {
        return allowedHosts.map(hosts -> matches(hosts, url)).orElse(true);
    }

    /** An entry is a host name that covers its subdomains, or {@code host:port} for exactly that server. */
    private static boolean matches(List<String> hosts, URI url) {
        String h = lower(url.getHost());
        String withPort = h + ":" + url.getPort();
        return hosts.stream().anyMatch(known -> known.contains(":") ? withPort.equals(known)
                : h.equals(known) || h.endsWith("." + known));
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
