package io.runnel.cli.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The status line's rate is taken over the last second, not since the start. */
class RateMeterTest {
    private static final long MS = 1_000_000L;

    @Test
    void noRateBeforeTwoSamples() {
        RateMeter m = new RateMeter(1000 * MS);
        assertThat(m.rate()).isZero();
        m.sample(100, 0);
        assertThat(m.rate()).isZero();
    }

    @Test
    void aSteadyStreamGivesItsRate() {
        RateMeter m = new RateMeter(1000 * MS);
        for (int i = 0; i <= 10; i++) {
            m.sample(i * 500L, i * 200 * MS); // 500 rows per 200 ms
        }
        assertThat(m.rate()).isCloseTo(2500, within(1.0));
    }

    @Test
    void aStreamThatStopsShowsItWithinTheWindow() {
        RateMeter m = new RateMeter(1000 * MS);
        for (int i = 0; i <= 20; i++) {
            m.sample(i * 1000L, i * 100 * MS); // 10,000 rows/s for two seconds
        }
        for (int i = 21; i <= 40; i++) {
            m.sample(20_000, i * 100 * MS); // then nothing for two seconds
        }
        assertThat(m.rate()).isZero();
        m.sample(20_500, 4100 * MS);
        assertThat(m.rate()).as("500 rows in the last 1.1 s").isCloseTo(500 / 1.1, within(1.0));
    }

    @Test
    void theStatusLineSaysWhereTheQueryIs() {
        assertThat(StatusLine.running(12_345, 2500.4, "10 rows")).startsWith("running · 12,345 rows received · 2,500 rows/s · 10 rows");
        assertThat(StatusLine.finished(7, 0.5, "7 rows")).isEqualTo("finished · 7 rows received in 0.50 s · 7 rows");
    }
}
