package io.tickstock.app.subscriber;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tickstock.contract.IsoTime;
import io.tickstock.contract.Limits;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Checks of one field of an inbound object, by the contract's types and the tables' limits. Each failure is an
 * {@link UnreadableMessage} whose reason names the field and the rule, never the value, so reasons stay a small
 * set of counter keys ({@code "missing detection.symbol"}, {@code "detection.confidence: not a number in [0, 1]"}).
 * Times are read leniently ({@link IsoTime#parseMillisLenient}) and rewritten in the contract's form, so every
 * time that reaches a browser parses. {@code where} is the object's name in the reason. Pure; thread-safe.
 */
final class Fields {
    private Fields() {}

    private static final Pattern UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** Longest free text kept (messages, issues); longer text is refused. */
    static final int MAX_TEXT = 2_000;

    static String symbol(ObjectNode o, String where) throws UnreadableMessage {
        JsonNode v = o.get("symbol");
        if (v == null || v.isNull()) throw new UnreadableMessage("missing " + where + ".symbol");
        if (!v.isTextual() || !Limits.isSymbol(v.asText())) {
            throw new UnreadableMessage(where + ".symbol: not a symbol of the form " + Limits.SYMBOL_FORM);
        }
        return v.asText();
    }

    /** A required string of 1 to {@code max} characters. */
    static String text(ObjectNode o, String field, String where, int max) throws UnreadableMessage {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) throw new UnreadableMessage("missing " + where + "." + field);
        return checkText(v, field, where, max);
    }

    /** An optional string of 1 to {@code max} characters (absent or null is fine). */
    static void optionalText(ObjectNode o, String field, String where, int max) throws UnreadableMessage {
        JsonNode v = o.get(field);
        if (v != null && !v.isNull()) checkText(v, field, where, max);
    }

    private static String checkText(JsonNode v, String field, String where, int max) throws UnreadableMessage {
        if (!v.isTextual() || v.asText().isBlank() || v.asText().length() > max) {
            throw new UnreadableMessage(where + "." + field + ": not a text of 1 to " + max + " characters");
        }
        return v.asText();
    }

    /** A string among {@code allowed}; when absent, {@code fallback} is set (or the field is required when null). */
    static String oneOf(ObjectNode o, String field, String where, Set<String> allowed, @Nullable String fallback)
            throws UnreadableMessage {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            if (fallback == null) throw new UnreadableMessage("missing " + where + "." + field);
            o.put(field, fallback);
            return fallback;
        }
        if (!v.isTextual() || !allowed.contains(v.asText()))
            throw new UnreadableMessage(where + "." + field + ": not one of " + allowed);
        return v.asText();
    }

    /** A required finite number in [{@code min}, {@code max}]. */
    static double number(ObjectNode o, String field, String where, double min, double max) throws UnreadableMessage {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) throw new UnreadableMessage("missing " + where + "." + field);
        return checkNumber(v, field, where, min, max);
    }

    /** An optional finite number in [{@code min}, {@code max}] (absent or null is fine). */
    static void optionalNumber(ObjectNode o, String field, String where, double min, double max)
            throws UnreadableMessage {
        JsonNode v = o.get(field);
        if (v != null && !v.isNull()) checkNumber(v, field, where, min, max);
    }

    private static double checkNumber(JsonNode v, String field, String where, double min, double max)
            throws UnreadableMessage {
        double d = v.isNumber() ? v.asDouble() : Double.NaN;
        if (!(d >= min && d <= max))
            throw new UnreadableMessage(where + "." + field + ": not a number in [" + fmt(min) + ", " + fmt(max) + "]");
        return d;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    /** A price the tables hold: a number in (0, 1e10). */
    static void price(ObjectNode o, String field, String where, boolean required) throws UnreadableMessage {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            if (required) throw new UnreadableMessage("missing " + where + "." + field);
            return;
        }
        if (!v.isNumber() || !Limits.isPrice(v.asDouble()))
            throw new UnreadableMessage(where + "." + field + ": not a price in (0, 1e10)");
    }

    /**
     * A time: ISO-8601 text (with or without offset, read as UTC) or epoch seconds; rewritten in the contract's form.
     * When absent, {@code fallbackMillis} is used, or the field is required when it is {@link Long#MIN_VALUE}.
     *
     * @return epoch milliseconds
     */
    static long time(ObjectNode o, String field, String where, long fallbackMillis) throws UnreadableMessage {
        JsonNode v = o.get(field);
        long millis;
        if (v == null || v.isNull()) {
            if (fallbackMillis == Long.MIN_VALUE) throw new UnreadableMessage("missing " + where + "." + field);
            millis = fallbackMillis;
        } else if (v.isNumber()) {
            millis = (long) (v.asDouble() * 1000);
        } else if (v.isTextual()) {
            try {
                millis = IsoTime.parseMillisLenient(v.asText());
            } catch (RuntimeException e) {
                throw new UnreadableMessage(where + "." + field + ": not an ISO-8601 time");
            }
        } else {
            throw new UnreadableMessage(where + "." + field + ": not an ISO-8601 time");
        }
        if (!Limits.isTime(millis)) throw new UnreadableMessage(where + "." + field + ": time out of range");
        o.put(field, IsoTime.format(millis));
        return millis;
    }

    /** An optional UUID text. */
    static void uuid(ObjectNode o, String field, String where) throws UnreadableMessage {
        JsonNode v = o.get(field);
        if (v != null
                && !v.isNull()
                && !(v.isTextual() && UUID.matcher(v.asText()).matches())) {
            throw new UnreadableMessage(where + "." + field + ": not a UUID");
        }
    }

    /** An optional JSON object (absent or null is fine). */
    static @Nullable ObjectNode optionalObject(ObjectNode o, String field, String where) throws UnreadableMessage {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) return null;
        if (v instanceof ObjectNode obj) return obj;
        throw new UnreadableMessage(where + "." + field + ": not an object");
    }

    /** An optional array of at most {@code max} texts. */
    static void optionalTexts(ObjectNode o, String field, String where, int max) throws UnreadableMessage {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) return;
        if (!v.isArray() || v.size() > max)
            throw new UnreadableMessage(where + "." + field + ": not an array of at most " + max + " texts");
        for (JsonNode t : v)
            if (!t.isTextual() || t.asText().length() > MAX_TEXT)
                throw new UnreadableMessage(where + "." + field + ": not texts");
    }
}
