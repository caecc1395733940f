package io.tickstock.engine.trades;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Which minute-bar fields a LEAN tick may update, from its suspicious flag and its sale-condition bit set,
 * by the bundled table {@code lean-sale-conditions.csv} (whose header says how it was measured). A
 * suspicious print updates nothing; a print carrying a listed bit gets that row's updates; any other print
 * updates everything. Immutable; safe to share.
 */
public final class LeanSaleConditions {
    private static final LeanSaleConditions BUNDLED = load("lean-sale-conditions.csv");
    private final long fallbackMask;

    private LeanSaleConditions(long fallbackMask) {
        this.fallbackMask = fallbackMask;
    }

    public static LeanSaleConditions bundled() {
        return BUNDLED;
    }

    /** The {@link TradeUpdates} of a print with these sale-condition flags. */
    public int updates(long flags, boolean suspicious) {
        if (suspicious) return TradeUpdates.NONE;
        return (flags & fallbackMask) != 0 ? TradeUpdates.VOLUME | TradeUpdates.PRICE_FALLBACK : TradeUpdates.ALL;
    }

    private static LeanSaleConditions load(String resource) {
        long mask = 0;
        try (InputStream in = LeanSaleConditions.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing bundled resource " + resource);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            boolean header = true;
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                if (header) { header = false; continue; }
                String[] f = line.split(",");
                if (!f[1].trim().equals("volume_fallback")) throw new IllegalStateException(resource + ": unknown updates '" + f[1] + "'");
                mask |= Long.decode(f[0].trim());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new LeanSaleConditions(mask);
    }
}
