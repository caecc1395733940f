package io.tickstock.bench;

import io.tickstock.engine.bars.Bar;
import io.tickstock.engine.bars.MarketSession;
import io.tickstock.engine.feed.LeanBarFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipInputStream;

/**
 * The recorded market data the benchmarks run on ({@code -Dtickstock.data.dir}, default: the data folder beside the repository): every
 * LEAN minute bar as one series, and the LEAN tick files of one day held in memory as text (so that decoding is
 * measured, not disk and unzip).
 */
public final class BenchData {
    private BenchData() {}

    public static Path dataDir() {
        return Path.of(System.getProperty("tickstock.data.dir", "../shared/data"));
    }

    /** Every bar of every LEAN minute file, renamed to one symbol, in file order (each file in time order). */
    public static Bar[] minuteBars() throws IOException {
        Path lean = dataDir().resolve("lean/equity/usa/minute");
        List<Bar> list = new ArrayList<>();
        try (Stream<Path> files = Files.walk(lean)) {
            for (Path f :
                    files.filter(p -> p.toString().endsWith(".zip")).sorted().toList()) {
                for (Bar b : LeanBarFile.read(f))
                    list.add(new Bar(
                            "BENCH",
                            b.startMillis(),
                            b.open(),
                            b.high(),
                            b.low(),
                            b.close(),
                            b.volume(),
                            b.vwap(),
                            b.tradeCount(),
                            MarketSession.REGULAR));
            }
        }
        return list.toArray(Bar[]::new);
    }

    /** The LEAN tick trade files of {@code yyyyMMdd}: symbol → the unzipped CSV text, by symbol. */
    public static Map<String, String> tickText(String yyyyMMdd) throws IOException {
        Path ticks = dataDir().resolve("lean/equity/usa/tick");
        Map<String, String> out = new LinkedHashMap<>();
        try (Stream<Path> dirs = Files.list(ticks)) {
            for (Path dir : dirs.sorted().toList()) {
                Path zip = dir.resolve(yyyyMMdd + "_trade.zip");
                if (!Files.exists(zip)) continue;
                try (InputStream in = Files.newInputStream(zip);
                        ZipInputStream z = new ZipInputStream(in)) {
                    z.getNextEntry();
                    out.put(
                            dir.getFileName().toString().toUpperCase(Locale.ROOT),
                            new String(z.readAllBytes(), StandardCharsets.US_ASCII));
                }
            }
        }
        return out;
    }
}
