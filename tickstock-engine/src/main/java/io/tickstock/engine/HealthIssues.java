package io.tickstock.engine;

import io.tickstock.contract.Channels;
import io.tickstock.engine.feed.MassiveClient;
import io.tickstock.engine.health.EngineStats;
import io.tickstock.engine.publish.RedisPublisher;
import io.tickstock.engine.session.SessionCommands;
import io.tickstock.engine.store.HistoryWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The human-readable {@code issues} of health (the integration contract) at the engine's edges: Redis or PostgreSQL unavailable
 * and what waits, rows spooled, coalesced, dropped or rejected, malformed operator commands, and the Massive feed's
 * dropped or malformed frames and sequence problems. Read by the health thread.
 */
final class HealthIssues implements Supplier<List<String>> {
    private final RedisPublisher publisher;
    private final HistoryWriter writer;
    private final SessionCommands commands;
    private final Supplier<MassiveClient> feed;
    private final EngineStats stats;

    /** @param feed the Massive client while streaming, else null */
    HealthIssues(
            RedisPublisher publisher,
            HistoryWriter writer,
            SessionCommands commands,
            Supplier<MassiveClient> feed,
            EngineStats stats) {
        this.stats = stats;
        this.publisher = publisher;
        this.writer = writer;
        this.commands = commands;
        this.feed = feed;
    }

    @Override
    public List<String> get() {
        List<String> issues = new ArrayList<>();
        if (publisher.isDown()) issues.add("Redis unavailable: " + publisher.pending() + " messages waiting");
        if (writer.isDown())
            issues.add("PostgreSQL unavailable: " + writer.pending() + " rows waiting (" + writer.spooled()
                    + " spooled to disk)");
        else if (writer.spooled() > 0)
            issues.add("PostgreSQL catching up: " + writer.spooled() + " spooled rows to write");
        if (publisher.coalesced() > 0 && publisher.isDown())
            issues.add(publisher.coalesced() + " indicator updates coalesced while Redis was unavailable");
        if (publisher.dropped() > 0) issues.add(publisher.dropped() + " Redis messages dropped (queue full)");
        if (writer.dropped() > 0) issues.add(writer.dropped() + " rows dropped (queue full)");
        if (writer.rejected() > 0)
            issues.add(writer.rejected() + " rows rejected by PostgreSQL " + writer.rejectedByCause()
                    + ", set aside in " + writer.rejectedFile());
        if (commands.malformed() > 0)
            issues.add(commands.malformed() + " malformed messages on " + Channels.ENGINE_COMMANDS + " skipped");
        if (stats.lateTrades.get() > 0)
            issues.add(stats.lateTrades.get()
                    + " late trades dropped (of bars closed longer ago than the correction window)");
        if (stats.beyondMaxSymbols.get() > 0)
            issues.add(stats.beyondMaxSymbols.get() + " trades refused: their symbols came beyond --max-symbols");
        if (stats.outsideWindow.get() > 0)
            issues.add(stats.outsideWindow.get() + " replayed trades refused as stamped outside the replayed day");
        MassiveClient massive = feed.get();
        if (massive != null) massive(massive, issues);
        return issues;
    }

    private static void massive(MassiveClient feed, List<String> issues) {
        if (feed.droppedFrames() > 0)
            issues.add("Massive: " + feed.droppedFrames() + " frames dropped (engine too slow to read)");
        long malformed =
                feed.malformed().values().stream().mapToLong(Long::longValue).sum();
        if (malformed > 0)
            issues.add("Massive: " + malformed + " malformed frames skipped "
                    + feed.malformed().keySet());
        if (feed.futureTrades() > 0)
            issues.add("Massive: " + feed.futureTrades()
                    + " trades refused as stamped more than the allowed clock skew " + "ahead of this machine's clock");
        if (feed.sequenceRegressions() > 0)
            issues.add("Massive: " + feed.sequenceRegressions() + " trades out of sequence");
        if (feed.sequenceGaps() > 0)
            issues.add("Massive: " + feed.sequenceGaps()
                    + " sequence-number gaps (informational: Massive numbers are not contiguous)");
    }
}
