package io.mops.gateway.limits;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which allowance a request counts against: the first configured route (by name) whose path pattern and method
 * match, otherwise the caller's general allowance. Plain Java so that the matching is tested without a server.
 */
public final class RouteAllowances {

    /** The allowance a request counts against: its bucket key and requests per minute for this replica. */
    public record Allowance(String bucket, String route, int perMinute) {
    }

    private record Route(String name, Pattern path, Set<String> methods, int perMinute, Map<String, Integer> perCaller) {
    }

    static final String GENERAL = "general";

    private final List<Route> routes = new ArrayList<>();
    private final int generalPerMinute;
    private final Map<String, Integer> generalPerCaller;
    private final int replicas;

    public RouteAllowances(RateLimitConfig config) {
        if (config.replicas() < 1) {
            throw new IllegalArgumentException("mops.gateway.rate-limit.replicas must be at least 1");
        }
        this.replicas = config.replicas();
        this.generalPerMinute = positive("mops.gateway.rate-limit.requests-per-minute", config.requestsPerMinute());
        this.generalPerCaller = config.perCaller();
        new TreeMap<>(config.routes()).forEach((name, route) -> {
            if (!route.path().startsWith("/")) {
                throw new IllegalArgumentException("mops.gateway.rate-limit.routes." + name + ".path must start with /");
            }
            routes.add(new Route(name, compile(route.path()),
                    route.methods().orElse(List.of()).stream().filter(m -> !m.isBlank()).map(m -> m.trim().toUpperCase(Locale.ROOT))
                            .collect(Collectors.toSet()),
                    positive("mops.gateway.rate-limit.routes." + name + ".requests-per-minute", route.requestsPerMinute()),
                    route.perCaller()));
        });
    }

    /** @param path the path after {@code /api} */
    public Allowance of(String method, String path, String caller) {
        for (Route route : routes) {
            if ((route.methods().isEmpty() || route.methods().contains(method)) && route.path().matcher(path).matches()) {
                return new Allowance(route.name() + " " + caller, route.name(),
                        share(route.perCaller().getOrDefault(caller, route.perMinute())));
            }
        }
        return new Allowance(GENERAL + " " + caller, GENERAL, share(generalPerCaller.getOrDefault(caller, generalPerMinute)));
    }

    private int share(int perMinute) {
        return Math.max(1, (perMinute + replicas - 1) / replicas);
    }

    static Pattern compile(String glob) {
        String body = glob.endsWith("/**") ? glob.substring(0, glob.length() - 3) : glob;
        StringBuilder regex = new StringBuilder();
        for (String part : body.split("(?=/)")) {
            if (part.isEmpty()) {
                continue;
            }
            String segment = part.substring(1);
            regex.append('/').append(segment.equals("*") ? "[^/]+" : Pattern.quote(segment));
        }
        if (glob.endsWith("/**")) {
            regex.append("(/.*)?");
        }
        return Pattern.compile(regex.append("/?").toString());
    }

    private static int positive(String key, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(key + " must be at least 1, was " + value);
        }
        return value;
    }
}
