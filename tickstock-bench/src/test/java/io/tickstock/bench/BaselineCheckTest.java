package io.tickstock.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench guard: a figure worse than factor × its baseline fails, in the direction the baseline gives. */
class BaselineCheckTest {
    @TempDir
    Path dir;

    private Path baseline(String json) throws Exception {
        return Files.writeString(dir.resolve("baseline.json"), json);
    }

    @Test
    void aFigureWithinTheFactorPassesAndOneBeyondItFails() throws Exception {
        Path file = baseline("""
                {"why": "test", "factor": 3,
                 "higher_is_better": {"trades_per_sec": 2500000},
                 "lower_is_better": {"e2e_p99_ms": 50, "burst_500_floor_ratio": 1.5}}""");
        List<BaselineCheck.Verdict> ok = BaselineCheck.read(file)
                .check(Map.of("trades_per_sec", 900_000L, "e2e_p99_ms", 149L, "burst_500_floor_ratio", 4.4));
        assertThat(ok).allMatch(BaselineCheck.Verdict::passed);

        List<BaselineCheck.Verdict> bad = BaselineCheck.read(file)
                .check(Map.of("trades_per_sec", 800_000L, "e2e_p99_ms", 2_000L, "burst_500_floor_ratio", 4.6));
        assertThat(bad).noneMatch(BaselineCheck.Verdict::passed);
        assertThat(BaselineCheck.report(bad).get("failed"))
                .isEqualTo(List.of("trades_per_sec", "e2e_p99_ms", "burst_500_floor_ratio"));
    }

    @Test
    void aFigureTheRunLacksFails() throws Exception {
        Path file = baseline("{\"factor\": 3, \"lower_is_better\": {\"e2e_p50_ms\": 15}}");
        assertThat(BaselineCheck.read(file).check(Map.of())).noneMatch(BaselineCheck.Verdict::passed);
    }

    @Test
    void aFileThatIsNotABaselineIsRefusedByName() throws Exception {
        assertThatThrownBy(() -> BaselineCheck.read(baseline("{\"factor\": 3}")))
                .hasMessageContaining("names no figures");
        assertThatThrownBy(() -> BaselineCheck.read(baseline("{\"lower_is_better\": {\"a\": 1}}")))
                .hasMessageContaining("factor");
        assertThatThrownBy(() -> BaselineCheck.read(baseline("{\"factor\": 3, \"lower_is_better\": {\"a\": \"x\"}}")))
                .hasMessageContaining("a must be a positive number");
        assertThatThrownBy(() -> BaselineCheck.read(baseline("not json"))).hasMessageContaining("not a JSON baseline");
    }
}
