package io.runnel.log;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All topics under one data directory. Each partition lives in {@code <dataDir>/<topic>-<n>/}.
 * Topic create, delete and partition changes are serialised on this object; lookups are lock-free.
 * {@link #startBackgroundTasks} runs retention and interval flushing on one daemon thread.
 */
public final class LogManager implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(LogManager.class);
    private static final Pattern LEGAL_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    private final Path dataDir;
    private final LogConfig defaults;
    private final LongSupplier clock;
    private final Map<String, Topic> topics = new ConcurrentHashMap<>();
    private final Map<UUID, Topic> topicsById = new ConcurrentHashMap<>();
    private final TopicDeletions deletions;
    private ScheduledExecutorService scheduler;
    private DirectoryLock lock;
    private volatile CompactionConfig compactionDefaults = CompactionConfig.defaults();
    private LogCleaner cleaner;

    private LogManager(Path dataDir, LogConfig defaults, LongSupplier clock) {
        this.dataDir = dataDir;
        this.defaults = defaults;
        this.clock = clock;
        this.deletions = new TopicDeletions(dataDir);
    }

    /** Opens every topic found in {@code dataDir} (created if missing), recovering each partition. */
    public static LogManager open(Path dataDir, LogConfig defaults, LongSupplier clock) {
        LogManager manager = new LogManager(dataDir, defaults, clock);
        try {
            Files.createDirectories(dataDir);
            manager.lock = DirectoryLock.acquire(dataDir);
            manager.load();
        } catch (IOException e) {
            manager.close();
            throw new UncheckedIOException("opening log directory " + dataDir, e);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
        return manager;
    }

    public static LogManager open(Path dataDir, LogConfig defaults) {
        return open(dataDir, defaults, System::currentTimeMillis);
    }

    private void load() throws IOException {
        Map<String, TreeMap<Integer, Path>> found = new TreeMap<>();
        try (Stream<Path> dirs = Files.list(dataDir)) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                String name = d.getFileName().toString();
                if (name.endsWith(TopicDeletions.DELETE_SUFFIX)) {
                    TopicDeletions.deleteRecursively(d); // a delete interrupted by a crash
                    continue;
                }
                if (name.startsWith(".") && !Files.exists(d.resolve(TopicMetadataFile.NAME))) {
                    continue; // not a partition (topic names may start with '.', partitions have metadata)
                }
                int dash = name.lastIndexOf('-');
                if (dash <= 0) {
                    continue;
                }
                try {
                    int p = Integer.parseInt(name.substring(dash + 1));
                    found.computeIfAbsent(name.substring(0, dash), k -> new TreeMap<>()).put(p, d);
                } catch (NumberFormatException e) {
                    LOG.warn("Ignoring directory {}: not <topic>-<partition>", d);
                }
            }
        }
        Set<UUID> deleting = deletions.pending();
        for (var e : found.entrySet()) {
            loadTopic(e.getKey(), e.getValue(), deleting);
        }
        for (UUID id : deleting) {
            deletions.finish(id);
        }
    }

    private void loadTopic(String name, TreeMap<Integer, Path> dirs, Set<UUID> deleting) throws IOException {
        TopicMetadataFile.Contents meta = TopicMetadataFile.read(dirs.firstEntry().getValue());
        if (meta != null && deleting.contains(meta.topicId())) {
            for (Path dir : dirs.values()) {
                TopicDeletions.removePartitionDir(dir, meta.topicId());
            }
            LOG.info("Finished deleting topic {} (id {}), interrupted by a crash", name, meta.topicId());
            return;
        }
        if (meta == null) {
            meta = new TopicMetadataFile.Contents(UUID.randomUUID(), Map.of());
            LOG.warn("Topic {} had no {}; assigned new topic id {}", name, TopicMetadataFile.NAME, meta.topicId());
        }
        Topic topic = new Topic(name, meta.topicId(), meta.overrides(), defaults.withOverrides(meta.overrides()));
        int expected = 0;
        for (var e : dirs.entrySet()) {
            if (e.getKey() != expected) {
                LOG.warn("Topic {} is missing partition {}; ignoring partitions from {} on", name, expected, e.getKey());
                break;
            }
            TopicMetadataFile.write(e.getValue(), meta);
            topic.addPartition(PartitionLog.open(e.getValue(), name, e.getKey(), topic.config(), clock));
            expected++;
        }
        register(topic);
        LOG.info("Loaded topic {} with {} partitions", name, topic.partitionCount());
    }

    private void register(Topic topic) {
        topics.put(topic.name(), topic);
        topicsById.put(topic.id(), topic);
    }

    public Path dataDir() {
        return dataDir;
    }

    public LogConfig defaults() {
        return defaults;
    }

    /** The topic, or null. */
    public Topic topic(String name) {
        return topics.get(name);
    }

    /** The topic with this id, or null. */
    public Topic topic(UUID id) {
        return topicsById.get(id);
    }

    public Collection<Topic> topics() {
        return List.copyOf(topics.values());
    }

    /**
     * Creates a topic.
     *
     * @throws TopicExistsException     if it exists
     * @throws InvalidTopicException    if the name or partition count is not acceptable
     * @throws IllegalArgumentException if an override is unknown or invalid
     */
    public synchronized Topic createTopic(String name, int partitions, Map<String, String> overrides) {
        validateName(name);
        if (topics.containsKey(name)) {
            throw new TopicExistsException("topic '" + name + "' already exists");
        }
        if (partitions < 1 || partitions > 100_000) {
            throw new InvalidTopicException("topic '" + name + "': partition count " + partitions
                    + " must be between 1 and 100000");
        }
        LogConfig config = defaults.withOverrides(overrides);
        compactionDefaults.withOverrides(overrides); // validates the cleanup settings
        Topic topic = new Topic(name, UUID.randomUUID(), overrides, config);
        TopicMetadataFile.Contents meta = new TopicMetadataFile.Contents(topic.id(), new TreeMap<>(overrides));
        try {
            for (int p = 0; p < partitions; p++) {
                Path dir = dataDir.resolve(name + "-" + p);
                Files.createDirectories(dir);
                TopicMetadataFile.write(dir, meta);
                topic.addPartition(PartitionLog.open(dir, name, p, config, clock));
            }
            AtomicFiles.fsyncDirectory(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("creating topic " + name + " in " + dataDir, e);
        }
        register(topic);
        LOG.info("Created topic {} ({} partitions, id {})", name, partitions, topic.id());
        return topic;
    }

    /** Grows a topic to {@code newCount} partitions. */
    public synchronized void addPartitions(String name, int newCount) {
        Topic topic = requireTopic(name);
        if (newCount <= topic.partitionCount()) {
            throw new InvalidTopicException("topic '" + name + "' has " + topic.partitionCount()
                    + " partitions; the new count " + newCount + " must be larger");
        }
        TopicMetadataFile.Contents meta = new TopicMetadataFile.Contents(topic.id(), new TreeMap<>(topic.overrides()));
        try {
            for (int p = topic.partitionCount(); p < newCount; p++) {
                Path dir = dataDir.resolve(name + "-" + p);
                Files.createDirectories(dir);
                TopicMetadataFile.write(dir, meta);
                topic.addPartition(PartitionLog.open(dir, name, p, topic.config(), clock));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("adding partitions to " + name, e);
        }
    }

    /**
     * Replaces a topic's config overrides, durably (every partition's {@code topic.metadata}).
     * Retention and flushing follow at once; segment roll settings apply from the next segment.
     *
     * @throws IllegalArgumentException naming the config if an override is unknown or invalid
     */
    public synchronized void alterTopicConfig(String name, Map<String, String> overrides) {
        Topic topic = requireTopic(name);
        LogConfig config = defaults.withOverrides(overrides);
        compactionDefaults.withOverrides(overrides); // validates the cleanup settings
        TopicMetadataFile.Contents meta = new TopicMetadataFile.Contents(topic.id(), new TreeMap<>(overrides));
        try {
            for (PartitionLog p : topic.partitions()) {
                TopicMetadataFile.write(p.dir(), meta);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing the config of topic " + name, e);
        }
        topic.reconfigure(overrides, config);
        LOG.info("Topic {} config overrides are now {}", name, overrides);
    }

    /**
     * Deletes a topic and its files, durably: once this returns (or once a tombstone is written,
     * if it fails or the process dies part-way) the topic does not come back on the next start.
     */
    public synchronized void deleteTopic(String name) {
        Topic topic = requireTopic(name);
        try {
            deletions.begin(topic.id(), name);
        } catch (IOException e) {
            throw new UncheckedIOException("starting the deletion of topic " + name, e);
        }
        topics.remove(name);
        topicsById.remove(topic.id());
        if (cleaner != null) {
            cleaner.forgetTopic(name);
        }
        try {
            for (PartitionLog p : topic.partitions()) {
                p.close();
                TopicDeletions.removePartitionDir(p.dir(), topic.id());
            }
            deletions.finish(topic.id());
        } catch (IOException e) {
            throw new UncheckedIOException("deleting topic " + name + " (finished on the next start)", e);
        }
        LOG.info("Deleted topic {}", name);
    }

    private Topic requireTopic(String name) {
        Topic topic = topics.get(name);
        if (topic == null) {
            throw new InvalidTopicException("topic '" + name + "' does not exist");
        }
        return topic;
    }

    static void validateName(String name) {
        if (name == null || !LEGAL_NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
            throw new InvalidTopicException("topic name '" + name
                    + "' is illegal: use 1 to 249 characters from [a-zA-Z0-9._-]");
        }
    }

    /** Starts retention checks every {@code retentionCheckMs} and interval flushes where configured. */
    public synchronized void startBackgroundTasks(long retentionCheckMs) {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "runnel-log-background");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::applyRetention, retentionCheckMs, retentionCheckMs,
                TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::flushDue, FLUSH_TICK_MS, FLUSH_TICK_MS, TimeUnit.MILLISECONDS);
    }

    /** Resolution of interval flushing; each partition flushes when its own {@code flush.ms} is due. */
    private static final long FLUSH_TICK_MS = 50;

    /** Flushes every {@link FsyncPolicy#INTERVAL} partition whose interval has passed. */
    public void flushDue() {
        long now = clock.getAsLong();
        for (Topic t : topics.values()) {
            if (t.config().fsyncPolicy() == FsyncPolicy.INTERVAL) {
                for (PartitionLog p : t.partitions()) {
                    try {
                        p.flushIfDue(now);
                    } catch (RuntimeException e) {
                        LOG.warn("Interval flush failed for {}", p, e);
                    }
                }
            }
        }
    }

    /**
     * Applies retention to every partition now (only rolls, for topics whose {@code cleanup.policy}
     * lacks {@code delete}); returns the number of segments deleted.
     */
    public int applyRetention() {
        int deleted = 0;
        for (Topic t : topics.values()) {
            boolean delete = compaction(t).delete();
            for (PartitionLog p : t.partitions()) {
                try {
                    if (!delete) {
                        p.rollIfDue();
                        continue;
                    }
                    deleted += p.applyRetention();
                } catch (RuntimeException e) {
                    LOG.warn("Retention failed for {}", p, e);
                }
            }
        }
        return deleted;
    }

    /** Broker-wide cleanup defaults ({@code log.cleanup.policy}, {@code log.cleaner.*}) of topics. */
    public void setCompactionDefaults(CompactionConfig defaults) {
        this.compactionDefaults = defaults;
    }

    public CompactionConfig compactionDefaults() {
        return compactionDefaults;
    }

    /** The topic's effective cleanup settings. */
    public CompactionConfig compaction(Topic topic) {
        return compactionDefaults.withOverrides(topic.overrides());
    }

    /**
     * Creates the log cleaner for topics with {@code cleanup.policy} compact, starting its thread if
     * {@code log.cleaner.enable}; closed with this manager. Call at most once.
     */
    public synchronized LogCleaner startCleaner(CleanerConfig config, CleanerHooks hooks) {
        return startCleaner(config, hooks, SegmentSwap.StepHook.NONE);
    }

    synchronized LogCleaner startCleaner(CleanerConfig config, CleanerHooks hooks, SegmentSwap.StepHook stepHook) {
        if (cleaner != null) {
            throw new IllegalStateException("the log cleaner of " + dataDir + " is already started");
        }
        cleaner = new LogCleaner(config, dataDir, this::compactedPartitions, p -> {
            Topic t = topics.get(p.topic());
            return t == null ? null : compaction(t);
        }, clock, hooks, stepHook);
        if (config.enabled()) {
            cleaner.start();
        }
        return cleaner;
    }

    private List<PartitionLog> compactedPartitions() {
        List<PartitionLog> out = new ArrayList<>();
        for (Topic t : topics.values()) {
            if (compaction(t).compact()) {
                out.addAll(t.partitions());
            }
        }
        return out;
    }

    public void flushAll() {
        topics.values().forEach(t -> t.partitions().forEach(PartitionLog::flush));
    }

    @Override
    public synchronized void close() {
        if (cleaner != null) {
            cleaner.close();
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
            try {
                scheduler.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (Topic t : topics.values()) {
            t.partitions().forEach(PartitionLog::close);
        }
        if (lock != null) {
            lock.release();
            lock = null;
        }
    }
}
