package io.tickstock.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.LongFunction;

/**
 * The legacy test plan's scenarios ("Test Data Scenarios") as timelines of contract-valid messages, so a consumer can
 * be tested without an engine ({@code tickstock publish scenario NAME}). Each step is published at its offset from
 * the start (scenario time, ms; {@code --speed} compresses it) with the wall-clock time of its publication.
 *
 * <ul>
 *   <li>{@code normal} (30 min): session start (500 symbols), 75 patterns and 25 indicator alerts evenly spread,
 *       health {@code healthy} every 10 s, no error.
 *   <li>{@code high-volume} (15 min): 1,000 patterns and 100 indicator alerts a minute (15,000 and 1,500), health
 *       every 10 s.
 *   <li>{@code error-recovery} (15 min): health every 10 s and 2 patterns a minute; at 1 min a critical alert
 *       (component {@code market_feed}, "WebSocket connection lost") and critical health while disconnected; at
 *       3 min its recovery (severity {@code info}) and healthy health again.
 *   <li>{@code market-close}: the running session's {@code streaming_session_stopped} with its totals, at once.
 * </ul>
 * Immutable; the random choices (symbols, pattern types, confidences) come from a seeded {@link Random}.
 */
record Scenario(String name, List<Scenario.Step> steps) {
    /** The scenarios' names. */
    static final List<String> NAMES = List.of("normal", "high-volume", "error-recovery", "market-close");

    /** A message published {@code atMillis} after the start; {@code message} gets the publication time, epoch ms. */
    record Step(long atMillis, LongFunction<ScenarioEvents.Message> message) {}

    /** What a session-closing scenario reports. */
    record Close(String sessionId, long durationSeconds, long totalPatterns, long totalIndicators) {}

    private static final String[][] PATTERNS = {
        {"Hammer", "bullish"}, {"BullishEngulfing", "bullish"}, {"BearishEngulfing", "bearish"}, {"Doji", "neutral"},
        {"MorningStar", "bullish"}, {"EveningStar", "bearish"}, {"ShootingStar", "bearish"}, {"HangingMan", "bearish"},
        {"ThreeWhiteSoldiers", "bullish"}, {"ThreeBlackCrows", "bearish"}
    };
    private static final int SYMBOLS = 500;

    /**
     * @param sessionId the session the scenario's events belong to
     * @param close     for {@code market-close}: the session to stop and its totals
     * @throws IllegalArgumentException naming the scenario when it is not one of {@link #NAMES}
     */
    static Scenario of(String name, long seed, String sessionId, Close close) {
        Random random = new Random(seed);
        List<Step> steps = new ArrayList<>();
        switch (name) {
            case "normal" -> {
                long length = 30 * 60_000L;
                steps.add(new Step(0, t -> ScenarioEvents.sessionStarted(t, sessionId, "scenario:normal", SYMBOLS)));
                health(steps, length, sessionId, -1, -1);
                patterns(steps, random, 0, length, 75, sessionId);
                alerts(steps, random, length, 25, sessionId);
            }
            case "high-volume" -> {
                long length = 15 * 60_000L;
                health(steps, length, sessionId, -1, -1);
                patterns(steps, random, 0, length, 15_000, sessionId);
                alerts(steps, random, length, 1_500, sessionId);
            }
            case "error-recovery" -> {
                long length = 15 * 60_000L, down = 60_000, up = 180_000;
                health(steps, length, sessionId, down, up);
                patterns(steps, random, 0, down, 2, sessionId);
                patterns(steps, random, up, length, 24, sessionId);
                steps.add(new Step(
                        down,
                        t -> ScenarioEvents.critical(
                                t,
                                "critical",
                                "market_feed",
                                "WebSocket connection lost",
                                "Check the market data connection; the feed reconnects by itself",
                                null)));
                steps.add(new Step(
                        up,
                        t -> ScenarioEvents.critical(
                                t, "info", "market_feed", "WebSocket reconnected", null, "reconnected after 120 s")));
            }
            case "market-close" ->
                steps.add(new Step(
                        0,
                        t -> ScenarioEvents.sessionStopped(
                                t,
                                close.sessionId(),
                                close.durationSeconds(),
                                close.totalPatterns(),
                                close.totalIndicators(),
                                "completed")));
            default -> throw new IllegalArgumentException("scenario must be one of " + NAMES + ", was '" + name + "'");
        }
        steps.sort(Comparator.comparingLong(Step::atMillis));
        return new Scenario(name, List.copyOf(steps));
    }

    /** The symbol of index {@code i} of the scenario's 500-symbol universe ({@code SYM001} …). */
    static String symbol(int i) {
        return "SYM%03d".formatted(i + 1);
    }

    /** Health every 10 s over {@code length}; critical and disconnected in [{@code downAt}, {@code upAt}). */
    private static void health(List<Step> steps, long length, String sessionId, long downAt, long upAt) {
        for (long at = 0; at < length; at += 10_000) {
            boolean down = at >= downAt && at < upAt;
            steps.add(new Step(
                    at,
                    t -> ScenarioEvents.health(
                            t,
                            down ? "critical" : "healthy",
                            SYMBOLS,
                            down ? "disconnected" : "connected",
                            down ? 0 : 1_250,
                            down ? List.of("WebSocket connection lost") : List.of(),
                            sessionId)));
        }
    }

    /** {@code count} patterns evenly spread over [{@code from}, {@code to}). */
    private static void patterns(List<Step> steps, Random random, long from, long to, int count, String sessionId) {
        for (int i = 0; i < count; i++) {
            String[] p = PATTERNS[random.nextInt(PATTERNS.length)];
            String symbol = symbol(random.nextInt(SYMBOLS));
            double confidence = Math.round((0.5 + 0.45 * random.nextDouble()) * 100) / 100.0;
            double price = Math.round((10 + 490 * random.nextDouble()) * 100) / 100.0;
            steps.add(new Step(
                    from + (to - from) * i / count,
                    t -> ScenarioEvents.pattern(t, symbol, p[0], confidence, p[1], price, sessionId)));
        }
    }

    /** {@code count} RSI alerts evenly spread over {@code length}. */
    private static void alerts(List<Step> steps, Random random, long length, int count, String sessionId) {
        for (int i = 0; i < count; i++) {
            boolean high = random.nextBoolean();
            String symbol = symbol(random.nextInt(SYMBOLS));
            double rsi =
                    Math.round((high ? 70 + 25 * random.nextDouble() : 5 + 25 * random.nextDouble()) * 100) / 100.0;
            steps.add(new Step(
                    length * i / count,
                    t -> ScenarioEvents.alert(
                            t,
                            symbol,
                            high ? "RSI_OVERBOUGHT" : "RSI_OVERSOLD",
                            "RSI",
                            rsi,
                            high ? 70 : 30,
                            "warning",
                            sessionId)));
        }
    }
}
