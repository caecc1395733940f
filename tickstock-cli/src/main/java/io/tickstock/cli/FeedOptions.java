package io.tickstock.cli;

import io.tickstock.engine.feed.MassiveClient;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Where the engine's trades come from, shared by {@code demo} and {@code engine}. */
public final class FeedOptions {
    /** The environment variable holding the Massive API key (never printed or logged). */
    static final String API_KEY_VARIABLE = "TICKSTOCK_MASSIVE_API_KEY";

    @Option(names = "--feed", description = "replay (LEAN tick files, default) or massive (the Massive WebSocket; "
            + "in demo, a local fake Massive server replaying the same ticks).", defaultValue = "replay")
    String feed;

    @Option(names = "--massive-url", description = "Massive stocks WebSocket (default: ${DEFAULT-VALUE}; "
            + "wss://delayed.massive.com/stocks for the 15-minute delayed feed).", defaultValue = "wss://socket.massive.com/stocks")
    String massiveUrl;

    boolean massive(picocli.CommandLine cmd) {
        return switch (feed.toLowerCase(Locale.ROOT)) {
            case "replay" -> false;
            case "massive" -> true;
            default -> throw new ParameterException(cmd, "--feed must be replay or massive, was '" + feed + "'");
        };
    }

    /** Topics {@code T.<symbol>} for the given symbols, or {@code T.*}. */
    static List<String> topics(List<String> symbols) {
        if (symbols == null || symbols.isEmpty()) return List.of("T.*");
        return symbols.stream().map(s -> "T." + s.trim().toUpperCase(Locale.ROOT)).toList();
    }

    /** The real Massive feed: URL from {@code --massive-url}, key from the environment. */
    MassiveClient.Config massiveConfig(picocli.CommandLine cmd, List<String> symbols) {
        String key = System.getenv(API_KEY_VARIABLE);
        if (key == null || key.isBlank()) {
            throw new ParameterException(cmd, "--feed massive needs an API key: set " + API_KEY_VARIABLE);
        }
        return new MassiveClient.Config(URI.create(massiveUrl), key.trim(), topics(symbols), 100_000);
    }
}
