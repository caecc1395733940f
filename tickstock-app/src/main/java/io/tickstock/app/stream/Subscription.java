package io.tickstock.app.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tickstock.contract.Limits;
import io.tickstock.contract.LogText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one browser receives: per stream ({@code pattern}, {@code alert}, {@code indicator}, {@code bar}) every
 * symbol ({@code "*"}) or a set of symbols; a stream not named is not sent. Session, health and critical alerts
 * always go to everyone. A client starts with {@link #ALL} and changes it by sending
 * <pre>{"action":"subscribe","streams":{"pattern":"*","alert":"*","indicator":["SPY"],"bar":["SPY"]}}</pre>
 * optionally with a {@code "format"} ({@link FrameFormat}: {@code json}, the default; {@code compact-1}; {@code compact-2},
 * the dashboard's choice). Immutable; equal subscriptions share one serialized frame per delivery.
 */
public record Subscription(Map<String, Set<String>> streams, FrameFormat format) {
    /** The streams a client can choose. */
    public static final List<String> STREAMS = List.of("pattern", "alert", "indicator", "bar");
    /** Every stream, every symbol (a symbol set of null means all). */
    public static final Subscription ALL;

    static {
        Map<String, Set<String>> all = new LinkedHashMap<>();
        STREAMS.forEach(s -> all.put(s, null));
        ALL = new Subscription(Collections.unmodifiableMap(all), FrameFormat.JSON);
    }

    private static final int MAX_SYMBOLS = 1_000;

    /** A subscribe message that cannot be read; {@code parameter} names the offending field. */
    public static final class Invalid extends Exception {
        private final String parameter;

        Invalid(String parameter, String message) {
            super(message);
            this.parameter = parameter;
        }

        public String parameter() {
            return parameter;
        }
    }

    /**
     * Reads the {@code streams} object and the optional {@code format} of a subscribe message.
     *
     * @throws Invalid naming {@code streams} or {@code streams.<name>} when it is not {@code "*"} or an array of
     *                 up to 1,000 symbols of the contract's form ({@link Limits#SYMBOL}), or names an unknown stream;
     *                 naming {@code format} when it names no {@link FrameFormat}
     */
    public static Subscription parse(JsonNode message) throws Invalid {
        if (!(message.get("streams") instanceof ObjectNode streams))
            throw new Invalid("streams", "streams must be an object of stream → \"*\" or [symbols]");
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (var e : streams.properties()) {
            String name = e.getKey();
            if (!STREAMS.contains(name))
                throw new Invalid("streams." + name, "unknown stream '" + name + "', expected one of " + STREAMS);
            JsonNode v = e.getValue();
            if (v.isTextual() && v.asText().equals("*")) {
                out.put(name, null);
                continue;
            }
            if (!v.isArray() || v.size() > MAX_SYMBOLS)
                throw new Invalid(
                        "streams." + name,
                        "streams." + name + " must be \"*\" or an array of at most " + MAX_SYMBOLS + " symbols");
            Set<String> symbols = new LinkedHashSet<>();
            for (JsonNode s : v) {
                if (!s.isTextual() || !Limits.isSymbol(s.asText())) {
                    throw new Invalid(
                            "streams." + name,
                            "symbol must match " + Limits.SYMBOL_FORM + ", was " + LogText.quote(s.toString()));
                }
                symbols.add(s.asText());
            }
            out.put(name, Set.copyOf(symbols));
        }
        FrameFormat format = FrameFormat.of(message.path("format").asText("json"));
        if (format == null)
            throw new Invalid(
                    "format", "format must be one of " + FrameFormat.names() + " (json: the contract's frames)");
        return new Subscription(Collections.unmodifiableMap(out), format);
    }

    /** The items of {@code stream} this subscription wants: {@code items} itself when all, else a filtered copy (maybe empty). */
    public <T extends StreamItem> List<T> filter(String stream, List<T> items) {
        if (!streams.containsKey(stream)) return List.of();
        Set<String> symbols = streams.get(stream);
        if (symbols == null) return items;
        List<T> out = new ArrayList<>();
        for (T i : items) if (symbols.contains(i.symbol())) out.add(i);
        return out;
    }

    /** Whether indicator values and bars come as {@link CompactFrames} columns. */
    public boolean compact() {
        return format.compact();
    }

    /** Symbols named for {@code stream} (empty when none or all). */
    public Set<String> symbols(String stream) {
        Set<String> s = streams.get(stream);
        return s == null ? Set.of() : s;
    }
}
