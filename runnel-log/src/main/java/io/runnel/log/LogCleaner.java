package io.runnel.log;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background log cleaner (Kafka's {@code log.cleaner.*}): one thread that, every
 * {@code log.cleaner.backoff.ms} when idle, cleans each partition of the topics whose
 * {@code cleanup.policy} includes {@code compact} and that need it ({@link PartitionCleaner}), and
 * records progress in the {@link CleanerCheckpoint}. Replaced segments (their files already gone)
 * are closed {@link #RETIRED_CLOSE_DELAY_MS} later, so reads that started on them can finish.
 */
public final class LogCleaner implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(LogCleaner.class);

    private final CleanerConfig config;
    private final Supplier<List<PartitionLog>> compactedPartitions;
    private final Function<PartitionLog, CompactionConfig> compactionOf;
    private final LongSupplier clock;
    private final CleanerCheckpoint checkpoint;
    private final CleanerHooks hooks;
    private final SegmentSwap.StepHook stepHook;
    private PartitionCleaner cleaner;
    /** Like Kafka's {@code file.delete.delay.ms} default. */
    static final long RETIRED_CLOSE_DELAY_MS = 60_000;
    private List<Retired> retired = new ArrayList<>();
    private volatile Thread thread;
    private volatile boolean stopped;
    /** Waited on between idle rounds; never interrupt the thread: that would close the segment channel it reads. */
    private final Object sleep = new Object();

    LogCleaner(CleanerConfig config, java.nio.file.Path dataDir, Supplier<List<PartitionLog>> compactedPartitions,
               Function<PartitionLog, CompactionConfig> compactionOf, LongSupplier clock, CleanerHooks hooks,
               SegmentSwap.StepHook stepHook) {
        this.config = config;
        this.compactedPartitions = compactedPartitions;
        this.compactionOf = compactionOf;
        this.clock = clock;
        this.checkpoint = new CleanerCheckpoint(dataDir);
        this.hooks = hooks;
        this.stepHook = stepHook;
    }

    /** Starts the cleaner thread ({@code log.cleaner.threads}=1). */
    synchronized void start() {
        Thread t = new Thread(this::run, "runnel-log-cleaner-0");
        t.setDaemon(true);
        t.setUncaughtExceptionHandler((th, e) -> LOG.error("The log cleaner stopped: compacted topics will grow", e));
        thread = t;
        t.start();
    }

    private void run() {
        while (!stopped) {
            boolean cleaned = false;
            try {
                cleaned = cleanOnce() > 0;
            } catch (RuntimeException e) {
                LOG.warn("Log cleaner round failed; retrying after log.cleaner.backoff.ms", e);
            }
            if (!cleaned) {
                synchronized (sleep) {
                    try {
                        if (!stopped) {
                            sleep.wait(Math.max(1, config.backoffMs()));
                        }
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }
    }

    /**
     * One round over every compacted partition (also callable directly, e.g. from tests).
     *
     * @return the number of partitions cleaned
     */
    public synchronized int cleanOnce() {
        closeRetired(false);
        if (cleaner == null) {
            cleaner = new PartitionCleaner(config.dedupeBufferSize(), config.loadFactor(), config.ioBufferSize(), hooks,
                    stepHook);
        }
        int cleanedCount = 0;
        Set<String> live = new HashSet<>();
        for (PartitionLog log : compactedPartitions.get()) {
            live.add(log.toString());
            if (stopped) {
                break;
            }
            if (cleanPartition(log)) {
                cleanedCount++;
            }
        }
        if (!stopped) {
            checkpoint.retainOnly(live);
        }
        return cleanedCount;
    }

    private boolean cleanPartition(PartitionLog log) {
        try {
            CompactionConfig cc = compactionOf.apply(log);
            if (cc == null) {
                return false; // the topic was deleted meanwhile
            }
            PartitionCleaner.Result r = cleaner.clean(log, cc, checkpoint.firstDirtyOffset(log), clock.getAsLong());
            if (r == null) {
                return false;
            }
            long now = System.nanoTime();
            r.replaced().forEach(s -> retired.add(new Retired(s, now)));
            checkpoint.update(log, r.firstDirty());
            return true;
        } catch (ClosedChannelException e) {
            LOG.debug("Cleaning {} stopped: a segment was deleted meanwhile", log);
        } catch (IOException | RuntimeException e) {
            if (stopped) {
                return false;
            }
            LOG.warn("Cleaning {} failed; it will be retried", log, e);
        }
        return false;
    }

    /** A segment replaced by a cleaning, and when (nanoTime). */
    private record Retired(LogSegment segment, long atNanos) {
    }

    /** Called when a topic is deleted. */
    void forgetTopic(String topic) {
        checkpoint.forgetTopic(topic);
    }

    private void closeRetired(boolean all) {
        long now = System.nanoTime();
        List<Retired> keep = new ArrayList<>();
        for (Retired r : retired) {
            if (!all && now - r.atNanos() < RETIRED_CLOSE_DELAY_MS * 1_000_000) {
                keep.add(r);
                continue;
            }
            try {
                r.segment().close();
            } catch (IOException e) {
                LOG.debug("Could not close replaced segment {}", r.segment(), e);
            }
        }
        retired = keep;
    }

    /**
     * Stops the thread: it finishes the partition it is cleaning (waited for up to 10 s; a cleaning
     * cut short by the log closing is discarded and redone after the next start).
     */
    @Override
    public void close() {
        stopped = true;
        synchronized (sleep) {
            sleep.notifyAll();
        }
        Thread t = thread;
        if (t != null) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (t == null || !t.isAlive()) {
            synchronized (this) {
                closeRetired(true);
            }
        }
    }
}
