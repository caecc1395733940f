package io.tickstock.engine;

import io.tickstock.engine.bars.Bar;
import io.tickstock.engine.feed.LeanBarFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The recorded market data in ../shared/data, located by the {@code tickstock.data.dir} property. */
public final class MarketData {
    private MarketData() {}

    public static Path root() {
        Path dir = Path.of(System.getProperty("tickstock.data.dir", "../../shared/data"));
        if (!Files.isDirectory(dir.resolve("lean"))) {
            throw new IllegalStateException("market data not found at " + dir.toAbsolutePath()
                    + ": set -Dtickstock.data.dir to the shared/data folder");
        }
        return dir;
    }

    public static Path lean(String relative) {
        return root().resolve("lean/equity/usa").resolve(relative);
    }

    /** Every LEAN minute and daily bar file, sorted by path. */
    public static List<Path> barFiles() {
        try (Stream<Path> files = Files.walk(lean(""))) {
            return files.filter(p -> p.toString().endsWith(".zip"))
                    .filter(p ->
                            p.toString().contains("/minute/") || p.toString().contains("/daily/"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Bar> bars(Path file) {
        try {
            return LeanBarFile.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
