package io.tickstock.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A job's lists: their length checked before their entries, repeats dropped; its dates within bounds. */
class BacktestRequestTest {
    static Map<String, Object> job(List<String> symbols, List<String> patterns) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("job_id", "3f2c9a1e-8d4b-4c6a-9e1f-2b3c4d5e6f70");
        m.put("symbols", symbols);
        m.put("start_date", "2013-10-07");
        m.put("end_date", "2013-10-11");
        m.put("patterns", patterns);
        return m;
    }

    @Test
    void repeatsAreDroppedOnce() {
        BacktestRequest r = BacktestRequest.parse(Json.read(
                Json.write(job(Collections.nCopies(120, "spy"), List.of("Hammer", "CDLHAMMER", "Hammer", "Hammer")))));
        assertThat(r.symbols()).containsExactly("SPY");
        assertThat(r.patterns()).containsExactly("Hammer", "CDLHAMMER");
    }

    @Test
    void anOverlongListIsRefusedBeforeItsEntriesAreRead() {
        List<String> many = Collections.nCopies(100_000, "SPY");
        assertThatThrownBy(() -> BacktestRequest.parse(Json.read(Json.write(job(many, List.of("all"))))))
                .hasMessageStartingWith("symbols must list 1 to 50");
        assertThatThrownBy(() -> BacktestRequest.parse(
                        Json.read(Json.write(job(List.of("SPY"), Collections.nCopies(1_000, "Hammer"))))))
                .hasMessageStartingWith("patterns must list at most");
    }

    @Test
    void datesOutsideWhatAnyDataHoldsAreRefusedByName() {
        Map<String, Object> m = job(List.of("SPY"), List.of("all"));
        m.put("start_date", "1900-01-01");
        assertThatThrownBy(() -> BacktestRequest.parse(Json.read(Json.write(m))))
                .hasMessageStartingWith("start_date must be on or after 1970-01-01");
        m.put("start_date", "2013-10-07");
        m.put("end_date", "2199-12-31");
        assertThatThrownBy(() -> BacktestRequest.parse(Json.read(Json.write(m))))
                .hasMessageStartingWith("end_date must be on or before 2099-12-31");
    }
}
