package io.mops.simulator.market;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Reads market files (JSON, or YAML when the name ends in .yaml/.yml) and the bundled markets by name. */
public final class MarketFiles {

    /** The markets that ship with MOPS (src/main/resources/markets). */
    public static final List<String> BUNDLED = List.of("stationary-concave", "s-shaped-with-idle-channel",
            "drifting-with-outage");

    private MarketFiles() {
    }

    /** A path to a file, or the name of a bundled market. */
    public static MarketSpec load(String pathOrName) {
        Path path = Path.of(pathOrName);
        if (Files.isRegularFile(path)) {
            try (InputStream in = Files.newInputStream(path)) {
                return parse(in, isYaml(path.getFileName().toString()), path.toString());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path, e);
            }
        }
        String resource = "markets/" + pathOrName + ".yaml";
        InputStream in = MarketFiles.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new MarketSpecException("market", "'" + pathOrName + "' is neither a file nor a bundled market "
                    + BUNDLED);
        }
        try (in) {
            return parse(in, true, resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static MarketSpec parse(InputStream in, boolean yaml, String source) throws IOException {
        ObjectMapper mapper = (yaml ? new ObjectMapper(new YAMLFactory()) : new ObjectMapper())
                .registerModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        try {
            return mapper.readValue(in, MarketSpec.class).validated();
        } catch (UnrecognizedPropertyException e) {
            throw new MarketSpecException(path(e), "unknown field in " + source + " (known: "
                    + e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", ")) + ")");
        } catch (MismatchedInputException e) {
            throw new MarketSpecException(path(e), "cannot be read as " + e.getTargetType().getSimpleName() + " in " + source);
        } catch (JsonProcessingException e) {
            throw new MarketSpecException("(" + source + ")", e.getOriginalMessage());
        }
    }

    private static boolean isYaml(String name) {
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    private static String path(MismatchedInputException e) {
        StringBuilder field = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "(root)" : field.toString();
    }
}
