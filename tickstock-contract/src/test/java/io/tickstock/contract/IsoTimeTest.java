package io.tickstock.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link IsoTime#format(long)} equals java.time's formatting of the contract's pattern, across days, years and the epoch. */
class IsoTimeTest {
    private static final DateTimeFormatter REFERENCE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Test
    void formatsLikeTheReferenceFormatter() {
        SplittableRandom random = new SplittableRandom(5);
        long[] fixed = {0, -1, 1, 86_399_999, 86_400_000, 1_381_239_000_000L, 253_402_300_799_999L, -62_135_596_800_000L};
        for (long t : fixed) assertThat(IsoTime.format(t)).isEqualTo(REFERENCE.format(Instant.ofEpochMilli(t)));
        for (int i = 0; i < 100_000; i++) {
            long t = random.nextLong(-2_000_000_000_000L, 4_000_000_000_000L);
            assertThat(IsoTime.format(t)).isEqualTo(REFERENCE.format(Instant.ofEpochMilli(t)));
            assertThat(IsoTime.format(t + 1)).isEqualTo(REFERENCE.format(Instant.ofEpochMilli(t + 1))); // same day, cached prefix
        }
    }
}
