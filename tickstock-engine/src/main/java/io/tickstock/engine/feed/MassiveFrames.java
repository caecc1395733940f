package io.tickstock.engine.feed;

import io.tickstock.engine.trades.Trade;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.tickstock.contract.Limits;
import io.tickstock.engine.bars.Bar;
import io.tickstock.engine.bars.MarketSession;
import io.tickstock.engine.trades.TradeConditions;
import java.io.IOException;

/**
 * Decodes Massive stocks WebSocket frames (../shared/docs/massive.md): a JSON array of events, possibly
 * mixed. Trade events ({@code "ev":"T"}) become {@link Trade}s (SIP time {@code t} in ms, conditions
 * {@code c} through {@link TradeConditions}), status events ({@code "ev":"status"}) go to
 * {@link Sink#onStatus}; other events (aggregates) are counted in {@link Sink#onOther}. Field by field with
 * Jackson's streaming parser: no reflection, no tree. A frame that is not a JSON array, or an event missing
 * a required field, or one outside what the contract accepts ({@link Limits}: a symbol not of the form
 * {@code [A-Z][A-Z0-9.]{0,9}} — Massive's lower-case suffixes such as preferred shares' {@code p} — a price, size
 * or time out of range), is reported to {@link Sink#onMalformed} with its reason and the rest of the frame is
 * still read where possible. Not thread-safe: one decoder per reading thread.
 */
public final class MassiveFrames {
    /** Receives decoded events, on the decoding thread. */
    public interface Sink {
        void onTrade(Trade trade, long sequence);

        void onStatus(String status, String message);

        default void onOther(String ev) {}

        /**
         * A minute aggregate ({@code "ev":"AM"}): Massive's own bar, start {@code s} (epoch ms), OHLC, volume
         * {@code v}, VWAP {@code vw}.
         */
        default void onAggregate(Bar bar) {}

        void onMalformed(String reason);
    }

    private static final JsonFactory JSON = new JsonFactory();
    private final TradeConditions conditions;
    private final int[] ids = new int[16];

    public MassiveFrames(TradeConditions conditions) {
        this.conditions = conditions;
    }

    /** Decodes one whole text frame. */
    public void decode(String frame, Sink sink) {
        try (JsonParser p = JSON.createParser(frame)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                sink.onMalformed("frame is not a JSON array");
                return;
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.START_OBJECT) event(p, sink);
            if (t != JsonToken.END_ARRAY) sink.onMalformed("array holds a " + t + ", expected event objects");
        } catch (IOException | RuntimeException e) {
            sink.onMalformed("unreadable JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private void event(JsonParser p, Sink sink) throws IOException {
        String ev = null, sym = null, status = null, message = null;
        double price = Double.NaN, open = Double.NaN, high = Double.NaN, low = Double.NaN, close = Double.NaN, vwap = Double.NaN;
        long volume = -1;
        long size = -1, time = Long.MIN_VALUE, sequence = -1;
        int nConditions = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            switch (field) {
                case "ev" -> ev = p.getValueAsString();
                case "sym" -> sym = p.getValueAsString();
                case "p" -> price = v.isNumeric() ? p.getDoubleValue() : Double.NaN;
                case "s" -> size = v.isNumeric() ? p.getLongValue() : -1;
                case "t" -> time = v.isNumeric() ? p.getLongValue() : Long.MIN_VALUE;
                case "q" -> sequence = v.isNumeric() ? p.getLongValue() : -1;
                case "status" -> status = p.getValueAsString();
                case "message" -> message = p.getValueAsString();
                case "c" -> { // trade conditions (T) or the close (AM)
                    if (v == JsonToken.START_ARRAY) {
                        while (p.nextToken() != JsonToken.END_ARRAY) if (nConditions < ids.length) ids[nConditions++] = p.getIntValue();
                    } else if (v.isNumeric()) {
                        close = p.getDoubleValue();
                    } else {
                        p.skipChildren();
                    }
                }
                case "o" -> open = v.isNumeric() ? p.getDoubleValue() : Double.NaN;
                case "h" -> high = v.isNumeric() ? p.getDoubleValue() : Double.NaN;
                case "l" -> low = v.isNumeric() ? p.getDoubleValue() : Double.NaN;
                case "v" -> volume = v.isNumeric() ? p.getLongValue() : -1;
                case "vw" -> vwap = v.isNumeric() ? p.getDoubleValue() : Double.NaN;
                default -> p.skipChildren();
            }
        }
        if (ev == null) {
            sink.onMalformed("event without 'ev'");
        } else if (ev.equals("T")) {
            if (sym == null || sym.isEmpty() || !(price > 0) || size < 0 || time == Long.MIN_VALUE) {
                sink.onMalformed("trade event missing sym, p, s or t");
                return;
            }
            if (!Limits.isSymbol(sym)) {
                sink.onMalformed("trade symbol outside the contract's form " + Limits.SYMBOL_FORM);
                return;
            }
            if (!Limits.isPrice(price) || !Limits.isSize(size) || !Limits.isTime(time)) {
                sink.onMalformed("trade p, s or t out of range");
                return;
            }
            int[] c = nConditions == 0 ? NONE : java.util.Arrays.copyOf(ids, nConditions);
            sink.onTrade(new Trade(sym, time, price, size, conditions.minuteUpdates(c)), sequence);
        } else if (ev.equals("AM")) {
            if (sym == null || !(open > 0) || !(high > 0) || !(low > 0) || !(close > 0) || volume < 0 || size < 0) {
                sink.onMalformed("aggregate event missing sym, o, h, l, c, v or s");
                return;
            }
            if (!Limits.isSymbol(sym) || !Limits.isPrice(open) || !Limits.isPrice(high) || !Limits.isPrice(low)
                    || !Limits.isPrice(close) || !Limits.isSize(volume) || !Limits.isTime(size)) {
                sink.onMalformed("aggregate sym, o, h, l, c, v or s outside the contract's limits");
                return;
            }
            sink.onAggregate(new Bar(sym, size, open, high, low, close, volume, Double.isNaN(vwap) ? close : vwap, 0,
                    MarketSession.of(size)));
        } else if (ev.equals("status")) {
            sink.onStatus(status == null ? "" : status, message == null ? "" : message);
        } else {
            sink.onOther(ev);
        }
    }

    private static final int[] NONE = new int[0];
}
