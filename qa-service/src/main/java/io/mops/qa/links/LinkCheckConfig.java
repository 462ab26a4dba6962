package io.mops.qa.links;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** {@code mops.qa.links.*}: how qa-service resolves a campaign's links and images (docs/qa.md, "Links and images"). */
@ConfigMapping(prefix = "mops.qa.links")
public interface LinkCheckConfig {

    /** Resolve links and images at all; when off, every run says they were not checked. */
    @WithDefault("true")
    boolean enabled();

    @WithDefault("2s")
    Duration connectTimeout();

    /** One attempt's limit, headers and (for images) body included. */
    @WithDefault("5s")
    Duration requestTimeout();

    /** Further attempts after a timeout, a connection failure or a 5xx answer. */
    @WithDefault("1")
    int retries();

    @WithDefault("200ms")
    Duration retryDelay();

    /** Requests in flight to one host at a time, across all runs. */
    @WithDefault("4")
    int perHostConcurrency();

    /** How long a decided result (works, broken) is reused; undecided ones are asked again the next run. */
    @WithDefault("10m")
    Duration cacheTtl();

    @WithDefault("10000")
    long cacheSize();

    @WithDefault("10")
    int maxRedirects();

    /** A link whose redirect chain takes longer than this to answer is slow (warn). */
    @WithDefault("1500ms")
    Duration slowThreshold();

    /** Only these hosts (and subdomains) are ever requested; unset = any. Tests set the loopback address. */
    Optional<List<String>> allowedHosts();

    /** Click-tracking and open-pixel hosts (and subdomains) that must never be sent a GET. */
    @WithDefault(LinkCheckSettings.TRACKING_HOSTS)
    List<String> trackingHosts();

    /** {@code none}: never request them (follow the destination their query carries); {@code head}: HEAD only. */
    @WithDefault("none")
    LinkCheckSettings.TrackingRequests trackingRequests();

    /** Gmail clips a message whose HTML is larger than about 102 KB. */
    @WithDefault("104448")
    long htmlClipBytes();

    /** An image above this many bytes is heavy (warn). */
    @WithDefault("204800")
    long imageMaxBytes();

    /** HTML plus every image above this many bytes is a heavy email (warn). */
    @WithDefault("1048576")
    long emailMaxBytes();

    /** At most this much of an image is downloaded; a larger one is reported as "more than" it. */
    @WithDefault("5242880")
    long imageReadLimitBytes();

    default LinkCheckSettings settings() {
        return new LinkCheckSettings(enabled(), connectTimeout(), requestTimeout(), retries(), retryDelay(),
                perHostConcurrency(), cacheTtl(), cacheSize(), maxRedirects(), slowThreshold(), allowedHosts(),
                trackingHosts(), trackingRequests(), htmlClipBytes(), imageMaxBytes(), emailMaxBytes(),
                imageReadLimitBytes());
    }
}
