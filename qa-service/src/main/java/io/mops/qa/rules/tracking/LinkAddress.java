package io.mops.qa.rules.tracking;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A link's address taken apart: where it leads (without its UTM tags) and the UTM tags it carries.
 *
 * @param destination scheme, host, path and the non-UTM query parameters in a canonical order: two links with the
 *                    same destination lead to the same page
 * @param utm         the {@code utm_*} parameters with their decoded values, by parameter name
 */
public record LinkAddress(URI uri, String destination, Map<String, String> utm) {

    /** Empty when the text is not an absolute http(s) URL with a host. */
    public static Optional<LinkAddress> parse(String url) {
        if (url == null || url.isBlank() || url.chars().anyMatch(Character::isWhitespace)) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            return Optional.empty();
        }
        Map<String, String> utm = new TreeMap<>();
        Map<String, String> other = new TreeMap<>();
        String query = uri.getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                if (key.toLowerCase(Locale.ROOT).startsWith("utm_")) {
                    utm.putIfAbsent(key.toLowerCase(Locale.ROOT), value);
                } else {
                    other.putIfAbsent(key, value);
                }
            }
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String destination = scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + path + (other.isEmpty() ? "" : "?" + other);
        return Optional.of(new LinkAddress(uri, destination, Map.copyOf(utm)));
    }

    public boolean isHttps() {
        return "https".equalsIgnoreCase(uri.getScheme());
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }
}
