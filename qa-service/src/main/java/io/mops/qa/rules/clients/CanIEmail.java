package io.mops.qa.rules.clients;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The caniemail data set: for every HTML and CSS feature, which email clients (family, platform, version) support it.
 * Shipped pinned inside the service, copied unchanged from the npm package {@value #VERSION}
 * ({@code dist/data/caniemail.json}), so that a rule set names the data it was judged with and runs offline.
 */
public final class CanIEmail {

    /** The npm package the data set was taken from; a rule set's {@code clientSupport.dataSet} must name it. */
    public static final String VERSION = "caniemail@2.0.2";
    static final String RESOURCE = "caniemail/caniemail-2.0.2.json";

    private static final class Bundled {
        static final CanIEmail DATA = load();
    }

    /**
     * @param stats family → platform → the newest tested version's support (caniemail lists versions oldest first)
     */
    public record Feature(String slug, String title, String url, Map<String, Map<String, Support>> stats) {
    }

    /**
     * One cell of the table: {@code y} supported, {@code a} partially, {@code n} not, {@code u} unknown, each possibly
     * followed by note numbers ({@code "n #1"}).
     */
    public record Support(String version, String value) {
        public boolean unsupported() {
            return value.startsWith("n");
        }
    }

    private final Map<String, Feature> features;
    private final Map<String, String> families;
    private final Map<String, String> platforms;
    private final String lastUpdate;

    private CanIEmail(Map<String, Feature> features, Map<String, String> families, Map<String, String> platforms,
                      String lastUpdate) {
        this.features = features;
        this.families = families;
        this.platforms = platforms;
        this.lastUpdate = lastUpdate;
    }

    public static CanIEmail bundled() {
        return Bundled.DATA;
    }

    public Optional<Feature> feature(String slug) {
        return Optional.ofNullable(features.get(slug));
    }

    public boolean knows(String slug) {
        return features.containsKey(slug);
    }

    /** Client families by id ({@code gmail} → "Gmail"). */
    public Map<String, String> families() {
        return families;
    }

    /** Platforms by id ({@code windows} → "Windows"). */
    public Map<String, String> platforms() {
        return platforms;
    }

    /** The data set's own date, e.g. "2026-05-13". */
    public String lastUpdate() {
        return lastUpdate;
    }

    private static CanIEmail load() {
        ObjectMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        try (InputStream in = CanIEmail.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            JsonNode root = json.readTree(in);
            Map<String, Feature> features = new LinkedHashMap<>();
            for (JsonNode feature : root.path("data")) {
                Map<String, Map<String, Support>> stats = new LinkedHashMap<>();
                feature.path("stats").properties().forEach(family -> {
                    Map<String, Support> newest = new LinkedHashMap<>();
                    family.getValue().properties().forEach(platform -> {
                        Support last = null;
                        for (Map.Entry<String, JsonNode> version : platform.getValue().properties()) {
                            last = new Support(version.getKey(), version.getValue().asText().strip());
                        }
                        if (last != null) {
                            newest.put(platform.getKey(), last);
                        }
                    });
                    stats.put(family.getKey(), Collections.unmodifiableMap(newest));
                });
                String slug = feature.path("slug").asText();
                features.put(slug, new Feature(slug, feature.path("title").asText(), feature.path("url").asText(),
                        Collections.unmodifiableMap(stats)));
            }
            return new CanIEmail(Collections.unmodifiableMap(features), names(root.at("/nicenames/family")),
                    names(root.at("/nicenames/platform")), root.path("last_update_date").asText().split(" ")[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> names(JsonNode node) {
        Map<String, String> names = new LinkedHashMap<>();
        node.properties().forEach(e -> names.put(e.getKey(), e.getValue().asText()));
        return Collections.unmodifiableMap(names);
    }
}
