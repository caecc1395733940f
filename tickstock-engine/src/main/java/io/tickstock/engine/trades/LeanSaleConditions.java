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
 * suspicious print updates nothing; a print carrying a {@code volume_fallback} bit updates volume, and prices only
 * in a minute without other trades; any other print updates everything. A print carrying a {@code closing_auction}
 * bit is also marked {@link TradeUpdates#CLOSING_AUCTION}. Immutable; safe to share.
 */
public final class LeanSaleConditions {
    private static final LeanSaleConditions BUNDLED = load("lean-sale-conditions.csv");
    private final long fallbackMask, auctionMask;

    private LeanSaleConditions(long fallbackMask, long auctionMask) {
        this.fallbackMask = fallbackMask;
        this.auctionMask = auctionMask;
    }

    public static LeanSaleConditions bundled() {
        return BUNDLED;
    }

    /** The {@link TradeUpdates} of a print with these sale-condition flags. */
    public int updates(long flags, boolean suspicious) {
        if (suspicious) return TradeUpdates.NONE;
        int updates =
                (flags & fallbackMask) != 0 ? TradeUpdates.VOLUME | TradeUpdates.PRICE_FALLBACK : TradeUpdates.ALL;
        return (flags & auctionMask) != 0 ? updates | TradeUpdates.CLOSING_AUCTION : updates;
    }

    private static LeanSaleConditions load(String resource) {
        long mask = 0, auction = 0;
        try (InputStream in = LeanSaleConditions.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing bundled resource " + resource);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            boolean header = true;
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                if (header) {
                    header = false;
                    continue;
                }
                String[] f = line.split(",", -1);
                switch (f[1].trim()) {
                    case "volume_fallback" -> mask |= Long.decode(f[0].trim());
                    case "closing_auction" -> auction |= Long.decode(f[0].trim());
                    default -> throw new IllegalStateException(resource + ": unknown updates '" + f[1] + "'");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new LeanSaleConditions(mask, auction);
    }
}
