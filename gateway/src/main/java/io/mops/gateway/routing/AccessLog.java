package io.mops.gateway.routing;

import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.Logger;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * One line per {@code /api} request, in its own category ({@code io.mops.gateway.access}) so that operations can
 * route or silence it: caller, method, path, the allowance it counted against, status, duration and trace id.
 * <p>
 * The trace id is the W3C {@code traceparent}'s when the caller sent one, otherwise a new one, which is passed on to
 * the service as {@code traceparent} so that the service's side of the request can be found by the same id.
 */
final class AccessLog {

    static final Logger LOG = Logger.getLogger("io.mops.gateway.access");
    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private AccessLog() {
    }

    /** The request's trace id; sets a {@code traceparent} on the request when it had none (or a malformed one). */
    static String traceId(RoutingContext ctx) {
        String header = ctx.request().getHeader("traceparent");
        if (header != null) {
            var matcher = TRACEPARENT.matcher(header.trim());
            if (matcher.matches() && !matcher.group(1).equals("0".repeat(32))) {
                return matcher.group(1);
            }
        }
        String traceId = hex(16);
        ctx.request().headers().set("traceparent", "00-" + traceId + "-" + hex(8) + "-01");
        return traceId;
    }

    /** Logs the request once its answer has been written, whatever the answer was. */
    static void onEnd(RoutingContext ctx, String caller, String allowance, String traceId) {
        long start = System.nanoTime();
        String method = ctx.request().method().name();
        String path = ctx.request().path();
        ctx.addEndHandler(done -> LOG.info(String.format(java.util.Locale.ROOT,
                "caller=%s method=%s path=%s allowance=%s status=%d duration_ms=%.1f trace_id=%s", caller, method, path,
                allowance, ctx.response().getStatusCode(), (System.nanoTime() - start) / 1e6, traceId)));
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
