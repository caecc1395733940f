package io.tickstock.engine.trades;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.ToIntFunction;

/**
 * Massive trade-condition rules for building one-minute bars, read from a table (bundled:
 * {@code massive-trade-conditions.csv}, whose header cites its source): for each condition id, whether a
 * trade may update high/low, open/close and volume of a minute bar. A trade updates a field only if every
 * one of its conditions allows it; a trade without conditions is a regular sale. An id missing from the
 * table updates volume only (never prices) and is counted in {@link #unknownConditions()}. Immutable
 * apart from that counter; safe to share.
 */
public final class TradeConditions {
    private static final int MAX_ID = 256;

    /**
     * One row of the table: a condition id, Massive's name for it, and its {@link TradeUpdates} flags for
     * consolidated (daily) bars and for one-minute bars.
     */
    public record Condition(int id, String name, int consolidatedUpdates, int minuteUpdates) {}

    private static final List<Condition> BUNDLED_TABLE = read("massive-trade-conditions.csv");
    private static final int[] BUNDLED_CONSOLIDATED = byId(BUNDLED_TABLE, Condition::consolidatedUpdates);
    private static final TradeConditions BUNDLED =
            new TradeConditions(byId(BUNDLED_TABLE, Condition::minuteUpdates), "bundled table");
    private final int[] minuteRules; // by id, -1 unknown
    private final String source;
    private final LongAdder unknown = new LongAdder(); // decoders on several threads share one table

    private TradeConditions(int[] minuteRules, String source) {
        this.minuteRules = minuteRules;
        this.source = source;
    }

    /** Where the rules came from: the bundled table or Massive's reference endpoint. */
    public String source() {
        return source;
    }

    /**
     * Rules from Massive's condition reference: {@code consolidated} maps a condition id to its consolidated
     * {@link TradeUpdates} flags (parsed from {@code /v3/reference/conditions} by the feed). The minute-bar
     * exceptions are kept from the bundled table: where its minute columns differ from its consolidated ones
     * (condition 12), the bundled minute rule wins, as Massive documents; ids the map lacks keep the bundled rule.
     *
     * @param source where the rules came from, for {@link #source()}
     */
    public static TradeConditions fromConsolidated(Map<Integer, Integer> consolidated, String source) {
        int[] rules = BUNDLED.minuteRules.clone();
        consolidated.forEach((id, flags) -> {
            if (id < 0 || id >= MAX_ID) return;
            boolean minuteException =
                    BUNDLED_CONSOLIDATED[id] >= 0 && BUNDLED_CONSOLIDATED[id] != BUNDLED.minuteRules[id];
            rules[id] = minuteException ? BUNDLED.minuteRules[id] : flags;
        });
        return new TradeConditions(rules, source);
    }

    /** The bundled snapshot of Massive's table. */
    public static TradeConditions bundled() {
        return BUNDLED;
    }

    /** The rows of the bundled table, in its order. */
    public static List<Condition> bundledTable() {
        return BUNDLED_TABLE;
    }

    /**
     * The {@link TradeUpdates} flags of a trade with these condition ids, for a minute bar.
     *
     * @param conditions condition ids; empty for a regular sale
     */
    public int minuteUpdates(int[] conditions) {
        int updates = TradeUpdates.ALL;
        for (int id : conditions) {
            int rule = id >= 0 && id < MAX_ID ? minuteRules[id] : -1;
            if (rule < 0) {
                unknown.increment();
                rule = TradeUpdates.VOLUME;
            }
            updates &= rule;
        }
        return updates;
    }

    /** Condition ids seen that the table does not list. */
    public long unknownConditions() {
        return unknown.sum();
    }

    private static List<Condition> read(String resource) {
        List<Condition> rows = new ArrayList<>();
        try (InputStream in = TradeConditions.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing bundled resource " + resource);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            boolean header = true;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) continue;
                if (header) {
                    header = false;
                    continue;
                }
                String[] f = line.split(",", -1);
                // id, name, consolidated high_low/open_close/volume, minute high_low/open_close/volume
                int n = f.length;
                rows.add(new Condition(
                        Integer.parseInt(f[0]),
                        f[1],
                        flags(f[n - 6], f[n - 5], f[n - 4]),
                        flags(f[n - 3], f[n - 2], f[n - 1])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(rows);
    }

    private static int[] byId(List<Condition> table, ToIntFunction<Condition> updates) {
        int[] rules = new int[MAX_ID];
        Arrays.fill(rules, -1);
        for (Condition c : table) rules[c.id()] = updates.applyAsInt(c);
        return rules;
    }

    private static int flags(String highLow, String openClose, String volume) {
        return flag(highLow, TradeUpdates.HIGH_LOW)
                | flag(openClose, TradeUpdates.OPEN_CLOSE)
                | flag(volume, TradeUpdates.VOLUME);
    }

    private static int flag(String yn, int bit) {
        return switch (yn.trim()) {
            case "Y" -> bit;
            case "N" -> 0;
            default -> throw new IllegalStateException("condition table: expected Y or N, was '" + yn + "'");
        };
    }
}
