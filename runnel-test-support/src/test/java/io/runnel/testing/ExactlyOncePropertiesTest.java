package io.runnel.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Failure injection over many seeds: a job with keyed state, timers and windows fails at a random
 * record, during a snapshot (a sink's prepare) and/or during a commit, at parallelism 1 to 4,
 * on the heap and the RocksDB backend;
 * its committed output must equal a failure-free run's, record for record.
 */
class ExactlyOncePropertiesTest {
    private static final long COUNT = 5000;
    private static ExactlyOnceJobs.Outcome expected;

    private static synchronized ExactlyOnceJobs.Outcome expected() throws Exception {
        if (expected == null) {
            expected = ExactlyOnceJobs.run(1, "heap", COUNT, ExactlyOnceJobs.Failures.NONE, Files.createTempDirectory("eo-clean"),
                    Duration.ofMillis(50));
        }
        return expected;
    }

    @Provide
    Arbitrary<String> backends() {
        return Arbitraries.of("heap", "rocksdb");
    }

    @Property(tries = 16)
    void committedOutputEqualsAFailureFreeRun(@ForAll @IntRange(min = 1, max = 4) int parallelism,
                                              @ForAll @LongRange(min = 0, max = COUNT) long failAtRecord,
                                              @ForAll @IntRange(min = 0, max = 8) int failAtPrepare,
                                              @ForAll @IntRange(min = 0, max = 2) int failCommits,
                                              @ForAll @IntRange(min = 5, max = 40) int intervalMillis,
                                              @ForAll("backends") String backend) throws Exception {
        Path dir = Files.createTempDirectory("eo-failures");
        ExactlyOnceJobs.Outcome actual = ExactlyOnceJobs.run(parallelism, backend, COUNT,
                new ExactlyOnceJobs.Failures(failAtRecord, failAtPrepare, failCommits), dir, Duration.ofMillis(intervalMillis));
        ExactlyOnceJobs.assertSame(actual, expected());
    }
}
