package io.mops.qa.links;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What resolving one address found: every hop of its redirect chain, where it ended, and whether that means the
 * address works, is broken, could not be decided, or was deliberately not requested.
 *
 * @param finalUrl the last address of the chain (the requested one when there was no redirect)
 * @param status   the last HTTP status, 0 when nothing answered
 * @param tls      the TLS protocol of the last hop ({@code TLSv1.3}), empty over plain http or when not requested
 * @param reason   why it is broken, undecided or not requested; empty when it works
 * @param image    for images that answered 2xx: type, size and pixel dimensions
 * @param resolvedAt when it was resolved, on the resolver's ticker (nanoseconds): cached results expire by it
 */
public record Resolution(URI requested, Outcome outcome, List<Hop> chain, URI finalUrl, int status,
                         Optional<String> tls, Duration elapsed, String reason, Optional<ImageFacts> image,
                         long resolvedAt) {

    public Resolution {
        chain = List.copyOf(chain);
    }

    public enum Outcome {
        /** A 2xx at the end of the chain. */
        WORKS,
        /** A definite failure: 404, 410 and the other 4xx that mean "not here", a redirect loop, a bad TLS certificate. */
        BROKEN,
        /** Nothing definite: timed out, refused, a 5xx, or 401/403/429 (the server refuses checkers). A person must look. */
        UNDECIDED,
        /** Deliberately not requested: a tracking host, or a host outside the allowed ones. */
        NOT_REQUESTED
    }

    /**
     * One request of the chain; {@code method} is {@code none} for a tracking host that was not requested but whose
     * destination was read from its query.
     */
    public record Hop(URI url, String method, int status) {
        @Override
        public String toString() {
            return status == 0 ? url + " (not requested)" : method + " " + url + " → " + status;
        }
    }

    /**
     * @param bytes     the image's size; when {@code truncated}, at least this many (downloading stopped there)
     * @param width     pixel width read from the image's header; empty when the format could not be read
     */
    public record ImageFacts(String contentType, long bytes, boolean truncated, Optional<Integer> width,
                             Optional<Integer> height) {
    }

    public boolean redirected() {
        return chain.size() > 1;
    }

    /** The chain as people read it: {@code GET a → 301, GET b → 200}. */
    public String describeChain() {
        return String.join(", ", chain.stream().map(Hop::toString).toList());
    }
}
