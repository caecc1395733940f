package io.tickstock.cli;

import io.tickstock.contract.Adjustment;
import io.tickstock.engine.adjustment.AdjustedBars;
import io.tickstock.engine.bars.Bar;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --adjustment} and {@code --data} of the commands that read historical bars ({@code backtest}, {@code
 * analyze}): raw prices adjusted for splits and dividends by the LEAN factor files under the data folder.
 */
public final class AdjustmentOptions {
    @Spec(Spec.Target.MIXEE)
    @Nullable
    CommandSpec spec;

    @Option(
            names = "--adjustment",
            defaultValue = "adjusted",
            description = "raw, split (splits removed) or adjusted (splits and dividends, LEAN's default), from the "
                    + "factor files under --data; a symbol without one stays raw (default: ${DEFAULT-VALUE}).")
    String adjustment;

    @Option(
            names = "--data",
            description =
                    "Market data folder (default: TICKSTOCK_DATA_DIR, else the data folder beside the repository).")
    @Nullable
    Path data;

    /** The adjustment asked for; a bad value is a usage error naming {@code --adjustment}. */
    Adjustment adjustment() {
        try {
            return Adjustment.parse(adjustment);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(Objects.requireNonNull(spec).commandLine(), "--" + e.getMessage());
        }
    }

    /** The market data folder: {@code --data}, TICKSTOCK_DATA_DIR, else the data folder beside the repository. */
    Path dataDir() {
        return BacktestOptions.dataDir(data);
    }

    /**
     * {@code raw} bars of {@code symbol} adjusted as asked, each warning printed to {@code err}.
     *
     * @throws IOException when the symbol's factor file cannot be read
     */
    AdjustedBars apply(String symbol, List<Bar> raw, PrintWriter err) throws IOException {
        AdjustedBars adjusted = AdjustedBars.of(dataDir(), symbol, raw, adjustment());
        adjusted.warnings().forEach(w -> err.println("warning: " + w));
        return adjusted;
    }
}
