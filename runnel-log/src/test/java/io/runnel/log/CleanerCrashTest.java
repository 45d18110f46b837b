package io.runnel.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A crash at any step of a cleaning loses nothing and duplicates nothing: either the old segments or
 * the cleaned one are found on start. Injected between steps in-process, and for real with
 * {@code kill -9} of a child JVM parked at a step.
 */
class CleanerCrashTest {
    @TempDir
    Path dir;
    final AtomicLong clock = new AtomicLong(1_000_000);

    /** Thrown by the step hook: not caught by the cleaner, so files stay as the crash left them. */
    static final class InjectedCrash extends Error {
        InjectedCrash(String step) {
            super("injected crash after " + step);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cleaned-written", "renamed-to-swap", "deleted-replaced", "swapped"})
    void anInjectedCrashBetweenStepsRecoversOnStart(String step) throws Exception {
        List<KeyedBatches.Rec> before = writeData();
        try (LogManager m = CleanerFixture.open(dir, clock)) {
            LogCleaner cleaner = m.startCleaner(CleanerFixture.MANUAL, CleanerHooks.NONE, s -> {
                if (s.equals(step)) {
                    throw new InjectedCrash(s);
                }
            });
            assertThatThrownBy(cleaner::cleanOnce).isInstanceOf(InjectedCrash.class);
        }
        assertRecoveredAndCleanable(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"renamed-to-swap", "deleted-replaced"})
    void killNineOfAProcessParkedMidSwapRecoversOnStart(String step) throws Exception {
        List<KeyedBatches.Rec> before = writeData();
        Path reached = dir.resolveSibling(dir.getFileName() + ".reached");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CleanerCrashChild.class.getName(), dir.toString(),
                step, reached.toString(), Long.toString(clock.get()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            for (int i = 0; i < 600 && !Files.exists(reached) && child.isAlive(); i++) {
                Thread.sleep(50);
            }
            assertThat(reached).as("child reached step " + step).exists();
        } finally {
            child.destroyForcibly(); // SIGKILL on Linux
            child.waitFor(10, TimeUnit.SECONDS);
            Files.deleteIfExists(reached);
        }
        try (Stream<Path> files = Files.list(dir.resolve(CleanerFixture.TOPIC + "-0"))) {
            List<String> names = files.map(f -> f.getFileName().toString()).sorted().toList();
            assertThat(names).anyMatch(n -> n.endsWith(SegmentSwap.SWAP_SUFFIX));
        }
        assertRecoveredAndCleanable(before);
    }

    private List<KeyedBatches.Rec> writeData() {
        try (LogManager m = CleanerFixture.open(dir, clock)) {
            PartitionLog log = m.createTopic(CleanerFixture.TOPIC, 1, CleanerFixture.COMPACTED).partition(0);
            CleanerFixture.writeCycling(log, clock, 80, 7, "k");
            List<KeyedBatches.Rec> all = KeyedBatches.readAll(log);
            m.startCleaner(CleanerFixture.MANUAL, CleanerHooks.NONE).cleanOnce(); // small cleaned segments ...
            CleanerFixture.writeCycling(log, clock, 40, 7, "k"); // ... that the crashing round merges in groups
            return java.util.stream.Stream.concat(all.stream(), KeyedBatches.readAll(log).stream()
                    .filter(r -> r.offset() >= 80)).toList();
        }
    }

    private void assertRecoveredAndCleanable(List<KeyedBatches.Rec> before) throws java.io.IOException {
        try (LogManager m = CleanerFixture.open(dir, clock)) {
            PartitionLog log = m.topic(CleanerFixture.TOPIC).partition(0);
            CleanerFixture.assertConsistent(before, KeyedBatches.readAll(log));
            assertThat(log.logEndOffset()).isEqualTo(120);
            try (Stream<Path> files = Files.list(log.dir())) {
                assertThat(files.map(f -> f.getFileName().toString()))
                        .noneMatch(n -> n.endsWith(SegmentSwap.SWAP_SUFFIX) || n.endsWith(SegmentSwap.CLEANED_SUFFIX));
            }
            m.startCleaner(CleanerFixture.MANUAL, CleanerHooks.NONE).cleanOnce();
            List<KeyedBatches.Rec> after = KeyedBatches.readAll(log);
            CleanerFixture.assertConsistent(before, after);
            long activeBase = log.activeSegment().baseOffset();
            List<KeyedBatches.Rec> cleaned = after.stream().filter(r -> r.offset() < activeBase).toList();
            assertThat(cleaned.stream().map(KeyedBatches.Rec::key).distinct().count()).isEqualTo(cleaned.size());
        }
    }
}
