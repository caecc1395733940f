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

/**
 * The on-disk spool of rows PostgreSQL could not take yet: one append-only file of {@link CopyRow} lines,
 * forced to disk after each append, read back from the front in chunks and emptied once all of it is
 * written. Bounded by {@code maxBytes}: an append that would pass it is refused (the caller counts the rows
 * as dropped). It survives a restart of the engine: rows left in it are written before anything new (an
 * empty spool's file is deleted on close). A line
 * torn by a crash (no newline) is skipped. Used by the writer thread only (not thread-safe).
 */
final class Spool implements AutoCloseable {
    private static final int READ_CHUNK = 1 << 20;

    private final Path file;
    private final long maxBytes;
    private final FileChannel channel;
    private long readOffset, peekedUntil, rows;

    /** @throws UncheckedIOException naming the file when it cannot be opened (set TICKSTOCK_SPOOL_DIR) */
    Spool(Path file, long maxBytes) {
        this.file = file;
        this.maxBytes = maxBytes;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            this.rows = countLines();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the PostgreSQL spool " + file + ": set TICKSTOCK_SPOOL_DIR to a writable directory", e);
        }
    }

    Path file() { return file; }
    boolean isEmpty() { return rows == 0; }
    /** Rows waiting in the file. */
    long rows() { return rows; }

    /** Appends rows at the end and forces them to disk; false (nothing written) when the bound would be passed. */
    boolean append(List<CopyRow> batch) throws IOException {
        StringBuilder sb = new StringBuilder(batch.size() * 200);
        for (CopyRow r : batch) sb.append(r.line()).append('\n');
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(sb.toString());
        long size = channel.size();
        if (size - readOffset + bytes.remaining() > maxBytes) return false;
        while (bytes.hasRemaining()) channel.write(bytes, size + bytes.position());
        channel.force(false);
        rows += batch.size();
        return true;
    }

    /** Up to {@code max} rows from the front, not yet removed; {@link #remove()} removes them. */
    List<CopyRow> peek(int max) throws IOException {
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
                if (!line.isEmpty()) out.add(CopyRow.parse(line));
                start = consumed = i + 1;
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
        rows = Math.max(0, rows - count);
        if (readOffset >= channel.size()) {
            channel.truncate(0);
            channel.force(false);
            readOffset = peekedUntil = 0;
            rows = 0;
        }
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
