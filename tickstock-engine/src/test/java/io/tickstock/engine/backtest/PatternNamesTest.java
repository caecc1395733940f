package io.tickstock.engine.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.contract.PatternNames;
import io.tickstock.engine.patterns.CandlePattern;
import io.tickstock.engine.patterns.CandlePatterns;
import io.tickstock.engine.patterns.PricePatterns;
import java.util.Locale;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The contract's list of pattern names (what the app checks a job against) is the engine's catalog. */
class PatternNamesTest {
    @Test
    void theContractsNamesAreTheCatalogs() {
        TreeSet<String> types = new TreeSet<>(), functions = new TreeSet<>();
        for (CandlePattern p : CandlePatterns.taLib().all()) {
            types.add(p.name(100));
            types.add(p.name(-100));
            functions.add(p.function());
        }
        for (String n : PricePatterns.NAMES) {
            types.add(n);
            functions.add("TICKSTOCK_" + n.toUpperCase(Locale.ROOT));
        }
        assertThat(PatternNames.PATTERN_TYPES).containsExactlyElementsOf(types);
        assertThat(PatternNames.FUNCTIONS).containsExactlyElementsOf(functions);
    }
}
