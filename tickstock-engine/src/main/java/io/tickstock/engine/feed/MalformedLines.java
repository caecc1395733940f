package io.tickstock.engine.feed;

import io.tickstock.contract.LogText;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lines of one trade file that could not be read: each is counted and skipped, and the first {@value #LOGGED}
 * are logged with the file, the line number and the reason, so a bad file is visible without flooding the log. Not
 * thread-safe (one per reader).
 */
final class MalformedLines {
    static final int LOGGED = 5;
    private static final Logger LOG = LoggerFactory.getLogger(MalformedLines.class);

    private final Path file;
    private long count;

    MalformedLines(Path file) {
        this.file = file;
    }

    /** Counts a skipped line; {@code lineNumber} from 1. */
    void skip(long lineNumber, RuntimeException reason, String line) {
        if (count++ < LOGGED) {
            LOG.warn(
                    "{} line {}: skipped malformed trade ({}): {}{}",
                    file,
                    lineNumber,
                    LogText.quote(reason.getMessage()),
                    LogText.quote(line),
                    count == LOGGED ? "; further ones are counted only" : "");
        }
    }

    long count() {
        return count;
    }
}
