package io.runnel.bench.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The log benchmark runs end to end against an embedded broker and reports every figure. */
class LogBenchmarkTest {
    @Test
    void reportsThroughputAndLatencyForEveryRecord() throws Exception {
        Map<String, Object> f = LogBenchmark.run(new LogBenchmark.Options(null, 5_000, 100, "all", 2, 500, 1));
        assertThat(f).containsKeys("produce_records_per_second", "consume_records_per_second", "e2e_p50_ms", "e2e_p99_ms",
                "events", "seconds", "events_per_second", "peak_heap_mb");
        assertThat(f.get("events")).isEqualTo(5_000L);
        assertThat((Long) f.get("produce_records_per_second")).isPositive();
        assertThat((Double) f.get("e2e_p99_ms")).isGreaterThanOrEqualTo((Double) f.get("e2e_p50_ms"));
    }
}
