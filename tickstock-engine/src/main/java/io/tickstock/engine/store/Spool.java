package io.tickstock.engine.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The on-disk spool of rows PostgreSQL could not take yet: one append-only file of {@link CopyRow} lines,
 * forced to disk after each append, read back from the front in chunks and emptied once all of it is
 * written. Bounded by {@code maxBytes}: an append that would pass it is refused (the caller counts the rows
 * as dropped). It survives a restart of the engine: rows left in it are written before anything new (an
 * empty spool's file is deleted on close).
 *
 * <p>Safe against torn writes: at open the file is cut back to its last complete line (a crash or a full disk
 * in the middle of an append leaves a partial line), and an append that fails is cut back to where it began,
 * so an append is all or nothing and the next one never runs on after a partial line. A line that still does
 * not parse is skipped, counted and handed to the caller ({@link #peek}). Used by the writer thread only (not
 * thread-safe).
 */
final class Spool implements AutoCloseable {
    private static final int READ_CHUNK = 1 << 20;

    private final Path file;
    private final long maxBytes;
    private final FileChannel channel;
    private final long tornBytes;
    private long readOffset, peekedUntil, reportedUntil, unreadable;
    /** Bytes not yet read (any thread reads). */
    private volatile long unreadBytes;

    private final AtomicLong rows = new AtomicLong(); // any thread reads

    /** A spool line that does not parse: the line and why. */
    interface Unreadable {
        void line(String line, String reason);
    }

    /** @throws UncheckedIOException naming the file when it cannot be opened (set TICKSTOCK_SPOOL_DIR) */
    Spool(Path file, long maxBytes) {
        this.file = file;
        this.maxBytes = maxBytes;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            this.channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            this.tornBytes = cutToLastLine();
            this.rows.set(countLines());
            this.unreadBytes = channel.size();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot open the PostgreSQL spool " + file + ": set TICKSTOCK_SPOOL_DIR to a writable directory",
                    e);
        }
    }

    Path file() {
        return file;
    }

    boolean isEmpty() {
        return rows.get() == 0;
    }
    /** Rows waiting in the file. */
    long rows() {
        return rows.get();
    }

    /** How full the spool is: its unread bytes over its bound, 0..1. Any thread. */
    double fill() {
        return (double) unreadBytes / maxBytes;
    }

    /** Bytes of a partial last line cut off at open (0 when the file ended with a complete line). */
    long tornBytes() {
        return tornBytes;
    }
    /** Lines skipped because they did not parse. */
    long unreadable() {
        return unreadable;
    }

    /**
     * Appends rows at the end and forces them to disk, all or nothing: when writing fails the file is cut back
     * to where the append began and the exception is rethrown. False (nothing written) when the bound would be
     * passed.
     */
    boolean append(List<CopyRow> batch) throws IOException {
        StringBuilder sb = new StringBuilder(batch.size() * 200);
        for (CopyRow r : batch) sb.append(r.line()).append('\n');
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(sb.toString());
        long size = channel.size();
        if (size - readOffset + bytes.remaining() > maxBytes) return false;
        try {
            while (bytes.hasRemaining()) channel.write(bytes, size + bytes.position());
            channel.force(false);
        } catch (IOException e) {
            try {
                channel.truncate(size);
            } catch (IOException cut) {
                e.addSuppressed(cut);
            }
            throw e;
        }
        rows.addAndGet(batch.size());
        unreadBytes = channel.size() - readOffset;
        return true;
    }

    /**
     * Up to {@code max} rows from the front, not yet removed; {@link #remove} removes them together with the
     * unreadable lines among them, which go to {@code onUnreadable} (and are counted) instead.
     */
    List<CopyRow> peek(int max, Unreadable onUnreadable) throws IOException {
        List<CopyRow> out = new ArrayList<>();
        long offset = readOffset, size = channel.size();
        ByteBuffer buf = ByteBuffer.allocate((int) Math.min(READ_CHUNK, Math.max(0, size - offset)));
        while (out.size() < max && offset < size) {
            buf.clear();
            int n = channel.read(buf, offset);
            if (n <= 0) break;
            int start = 0, consumed = 0;
            byte[] a = buf.array();
            for (int i = 0; i < n && out.size() < max; i++) {
                if (a[i] != '\n') continue;
                String line = new String(a, start, i - start, StandardCharsets.UTF_8);
                start = consumed = i + 1;
                if (line.isEmpty()) continue;
                try {
                    out.add(CopyRow.parse(line));
                } catch (RuntimeException e) {
                    if (offset + consumed <= reportedUntil) continue; // reported by an earlier peek of the same front
                    reportedUntil = offset + consumed;
                    unreadable++;
                    rows.set(Math.max(0, rows.get() - 1));
                    onUnreadable.line(
                            line, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                }
            }
            if (consumed == 0) { // a line longer than the chunk, or a torn last line
                if (n == buf.capacity() && buf.capacity() < 64 * READ_CHUNK) {
                    buf = ByteBuffer.allocate(buf.capacity() * 2);
                    continue;
                }
                offset = size; // torn tail: skip it
                break;
            }
            offset += consumed;
        }
        peekedUntil = offset;
        return out;
    }

    /** Removes the rows returned by the last {@link #peek}; empties the file once everything is read. */
    void remove(int count) throws IOException {
        readOffset = peekedUntil;
        rows.set(Math.max(0, rows.get() - count));
        if (readOffset >= channel.size()) {
            channel.truncate(0);
            channel.force(false);
            readOffset = peekedUntil = reportedUntil = 0;
            rows.set(0);
        }
        unreadBytes = channel.size() - readOffset;
    }

    /** Truncates the file after its last newline; returns how many bytes were cut. */
    private long cutToLastLine() throws IOException {
        long size = channel.size(), end = size;
        ByteBuffer one = ByteBuffer.allocate(8192);
        while (end > 0) {
            long from = Math.max(0, end - one.capacity());
            one.clear().limit((int) (end - from));
            channel.read(one, from);
            for (int i = one.position() - 1; i >= 0; i--) {
                if (one.get(i) == '\n') {
                    long keep = from + i + 1;
                    if (keep < size) {
                        channel.truncate(keep);
                        channel.force(false);
                    }
                    return size - keep;
                }
            }
            end = from;
        }
        if (size > 0) channel.truncate(0);
        return size;
    }

    private long countLines() throws IOException {
        long count = 0, offset = 0, size = channel.size();
        ByteBuffer buf = ByteBuffer.allocate(READ_CHUNK);
        while (offset < size) {
            buf.clear();
            int n = channel.read(buf, offset);
            if (n <= 0) break;
            for (int i = 0; i < n; i++) if (buf.get(i) == '\n') count++;
            offset += n;
        }
        return count;
    }

    /** Closes the file, and deletes it when nothing waits in it. */
    @Override
    public void close() throws IOException {
        boolean empty = channel.size() == 0;
        channel.close();
        if (empty) Files.deleteIfExists(file);
    }
}
