package io.tickstock.engine.feed;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Named symbol universes from YAML ({@code name: [SYM, …]}): the bundled {@code universes.yaml}
 * ({@code market_leaders:top_500}, {@code lean:recorded}, {@code etf:core}), optionally extended by a user
 * file. Immutable.
 */
public final class Universes {
    /** The default universe of synthetic runs. */
    public static final String DEFAULT = "market_leaders:top_500";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private final Map<String, List<String>> universes;

    private Universes(Map<String, List<String>> universes) {
        this.universes = universes;
    }

    /** The bundled universes, plus those of {@code file} when not null (same names override). */
    public static Universes load(@Nullable Path file) throws IOException {
        Map<String, List<String>> all = new LinkedHashMap<>();
        try (InputStream in = Universes.class.getResourceAsStream("universes.yaml")) {
            if (in == null) throw new IllegalStateException("missing bundled universes.yaml");
            all.putAll(YAML.readValue(in, new TypeReference<Map<String, List<String>>>() {}));
        }
        if (file != null) {
            try (InputStream in = Files.newInputStream(file)) {
                all.putAll(YAML.readValue(in, new TypeReference<Map<String, List<String>>>() {}));
            } catch (IOException e) {
                throw new IOException(file + ": not a universes file (name: [SYMBOL, …]): " + e.getMessage(), e);
            }
        }
        return new Universes(all);
    }

    public static Universes bundled() {
        try {
            return load(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The first {@code count} symbols of a universe; beyond its size, generated names {@code SYN00001}, ….
     *
     * @throws IllegalArgumentException for an unknown name (listing the known ones) or a count below 1
     */
    public List<String> symbols(String name, int count) {
        List<String> u = universes.get(name);
        if (u == null)
            throw new IllegalArgumentException(
                    "unknown universe '" + name + "' (known: " + String.join(", ", universes.keySet()) + ")");
        if (count < 1) throw new IllegalArgumentException("symbol count must be >= 1, was " + count);
        List<String> out = new ArrayList<>(u.subList(0, Math.min(count, u.size())));
        for (int i = out.size() + 1; out.size() < count; i++) out.add(String.format("SYN%05d", i));
        return out;
    }

    /** The whole universe. */
    public List<String> symbols(String name) {
        List<String> u = universes.get(name);
        return u == null ? symbols(name, 1) : List.copyOf(u);
    }
}
