package io.tickstock.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link IsoTime#format(long)} equals java.time's formatting of the contract's pattern, across days, years and the epoch;
 * {@link IsoTime#parseMillis} reads it back, and reads (or rejects) other ISO-8601 forms as java.time does.
 */
class IsoTimeTest {
    private static final DateTimeFormatter REFERENCE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Test
    void formatsLikeTheReferenceFormatter() {
        SplittableRandom random = new SplittableRandom(5);
        long[] fixed = {0, -1, 1, 86_399_999, 86_400_000, 1_381_239_000_000L, 253_402_300_799_999L, -62_135_596_800_000L
        };
        for (long t : fixed) assertThat(IsoTime.format(t)).isEqualTo(REFERENCE.format(Instant.ofEpochMilli(t)));
        for (int i = 0; i < 100_000; i++) {
            long t = random.nextLong(-2_000_000_000_000L, 4_000_000_000_000L);
            assertThat(IsoTime.format(t)).isEqualTo(REFERENCE.format(Instant.ofEpochMilli(t)));
            assertThat(IsoTime.format(t + 1))
                    .isEqualTo(REFERENCE.format(Instant.ofEpochMilli(t + 1))); // same day, cached prefix
        }
    }

    @Test
    void parsesWhatItFormatsAndOtherIsoFormsLikeJavaTime() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            long t = random.nextLong(-30_000_000_000_000L, 250_000_000_000_000L);
            assertThat(IsoTime.parseMillis(IsoTime.format(t))).isEqualTo(t);
            assertThat(IsoTime.contractMillis("\"at\":\"" + IsoTime.format(t) + "\"}", 6))
                    .isEqualTo(t); // inside a message
        }
        assertThat(IsoTime.contractMillis("2025-10-05T10:15:00.000", 0))
                .as("cut short")
                .isEqualTo(IsoTime.NOT_CONTRACT_FORM);
        assertThat(IsoTime.contractMillis("2025-10-05T10:15:00Z", 0))
                .as("another ISO form")
                .isEqualTo(IsoTime.NOT_CONTRACT_FORM);
        for (String text : new String[] {
            "2024-02-29T23:59:59.999Z",
            "2025-10-05T10:15:00Z",
            "2025-10-05T10:15:00.5Z",
            "2025-10-05T06:15:00.000-04:00",
            "2025-10-05T10:15:00.123456Z"
        }) {
            assertThat(IsoTime.parseMillis(text))
                    .as(text)
                    .isEqualTo(java.time.OffsetDateTime.parse(text).toInstant().toEpochMilli());
        }
        for (String bad : new String[] {
            "2023-02-29T00:00:00.000Z",
            "2025-13-01T00:00:00.000Z",
            "2025-10-05T24:00:00.000Z",
            "2025-10-05T10:60:00.000Z",
            "2025-1O-05T10:15:00.000Z",
            "2025-10-05 10:15:00.000Z"
        }) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> IsoTime.parseMillis(bad))
                    .as(bad)
                    .isInstanceOf(java.time.format.DateTimeParseException.class);
        }
    }
}
