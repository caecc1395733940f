package io.tickstock.engine.feed;

import io.tickstock.engine.bars.Bar;
import io.tickstock.engine.bars.MarketSession;
import io.tickstock.engine.session.NyseCalendar;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipInputStream;

/**
 * Reads LEAN trade bars (LEAN's layout, prices in deci-cents): minute zips {@code minute/<sym>/<yyyyMMdd>_trade.zip}
 * with {@code time_ms_since_midnight,open,high,low,close,volume}, and daily zips {@code daily/<sym>.zip}
 * with {@code yyyyMMdd HH:mm,open,high,low,close,volume}; prices in deci-cents, times America/New_York.
 * Bars come back in file order with prices in dollars and {@code vwap = close}, {@code tradeCount = 0}
 * (LEAN does not record them).
 */
public final class LeanBarFile {
    private LeanBarFile() {}

    /**
     * The bars of a LEAN minute or daily bar zip, prices in dollars.
     *
     * @throws IOException when the file cannot be read or a line is malformed (message names file and line)
     */
    public static List<Bar> read(Path zip) throws IOException {
        String folder = LeanTickFile.folderName(zip);
        boolean daily = folder.equals("daily");
        String symbol = (daily ? zip.getFileName().toString().replace(".zip", "") : folder).toUpperCase(Locale.ROOT);
        long midnight = daily
                ? 0
                : LeanTickFile.dateOf(zip)
                        .atStartOfDay(NyseCalendar.NEW_YORK)
                        .toInstant()
                        .toEpochMilli();
        DateTimeFormatter dailyFormat = DateTimeFormatter.ofPattern("yyyyMMdd HH:mm");
        List<Bar> bars = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            if (in.getNextEntry() == null) throw new IOException(zip + ": empty zip");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) continue;
                String[] f = line.split(",", -1);
                try {
                    long start = daily
                            ? LocalDateTime.parse(f[0], dailyFormat)
                                    .atZone(NyseCalendar.NEW_YORK)
                                    .toInstant()
                                    .toEpochMilli()
                            : midnight + (long) Double.parseDouble(f[0]);
                    double o = px(f[1]), h = px(f[2]), l = px(f[3]), c = px(f[4]);
                    bars.add(new Bar(
                            symbol,
                            start,
                            o,
                            h,
                            l,
                            c,
                            Long.parseLong(f[5].trim()),
                            c,
                            0,
                            daily ? MarketSession.REGULAR : MarketSession.of(start)));
                } catch (RuntimeException e) {
                    throw new IOException(zip + " line " + n + ": " + e.getMessage(), e);
                }
            }
        }
        return bars;
    }

    private static double px(String deciCents) {
        return Long.parseLong(deciCents.trim()) / 10_000.0;
    }
}
