package io.runnel.broker.txn;

import io.runnel.broker.ProducerIdManager;
import io.runnel.broker.Topics;
import io.runnel.broker.group.CommittedOffset;
import io.runnel.broker.group.OffsetStore;
import io.runnel.log.PartitionLog;
import io.runnel.log.Topic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.common.protocol.Errors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transaction coordinator (protocol version 1, one broker). Each state change is made durable
 * in {@link TransactionLog} before it is acknowledged. Ending a transaction writes PREPARE_x, then
 * (for a commit) the transaction's offsets, then a marker into every partition of the transaction,
 * then COMPLETE_x; after a crash, transactions found in PREPARE_x are completed and ONGOING ones
 * are aborted. Transactions open longer than their timeout are aborted with a bumped epoch, which
 * fences the producer. A new InitProducerId for the same transactional id aborts whatever the
 * previous producer left open and bumps the epoch.
 */
public final class TransactionCoordinator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TransactionCoordinator.class);

    private final Topics topics;
    private final TxnPartitions partitions;
    private final OffsetStore offsets;
    private final ProducerIdManager ids;
    private final TransactionLog txnLog;
    private final Consumer<PartitionLog> onAppend;
    private final int maxTimeoutMs;
    private final Map<String, TxnMetadata> txns = new HashMap<>();
    /** Producer id to its transactional state, read lock-free by the produce path. */
    private final Map<Long, TxnMetadata> byProducerId = new ConcurrentHashMap<>();
    private final ScheduledFuture<?> expirer;
    /** Writes a marker into a partition; a seam so tests can make the write fail. */
    MarkerWriter markers;

    /** Appends a transaction marker, durably. */
    interface MarkerWriter {
        void write(PartitionLog log, long producerId, short epoch, boolean commit);
    }

    public TransactionCoordinator(Topics topics, TxnPartitions partitions, OffsetStore offsets, ProducerIdManager ids,
                                  PartitionLog stateLog, Consumer<PartitionLog> onAppend,
                                  int maxTimeoutMs, ScheduledExecutorService timer) {
        this.topics = topics;
        this.partitions = partitions;
        this.offsets = offsets;
        this.ids = ids;
        this.txnLog = new TransactionLog(stateLog);
        this.onAppend = onAppend;
        this.maxTimeoutMs = maxTimeoutMs;
        this.markers = (log, producerId, epoch, commit) -> partitions.get(log).writeMarker(producerId, epoch, commit);
        recover();
        this.expirer = timer.scheduleWithFixedDelay(this::abortExpired, 1, 1, TimeUnit.SECONDS);
    }

    private synchronized void recover() {
        txns.putAll(txnLog.replay());
        for (TxnMetadata m : txns.values()) {
            byProducerId.put(m.producerId, m);
            switch (m.state) {
                case PREPARE_COMMIT -> complete(m, true);
                case ONGOING, PREPARE_ABORT -> complete(m, false);
                default -> { }
            }
        }
    }

    /** The outcome of InitProducerId. */
    public record ProducerIdAndEpoch(Errors error, long producerId, short epoch) {
    }

    /**
     * InitProducerId for a transactional id. A producer that presents its current id and epoch
     * (KIP-360, recovering from an abortable error) must present the current ones; a stale pair
     * means it has been replaced, and it is fenced instead of fencing its successor.
     */
    public synchronized ProducerIdAndEpoch initProducerId(String transactionalId, int timeoutMs,
                                                          long expectedProducerId, short expectedEpoch) {
        if (timeoutMs <= 0 || timeoutMs > maxTimeoutMs) {
            return new ProducerIdAndEpoch(Errors.INVALID_TRANSACTION_TIMEOUT, -1, (short) -1);
        }
        TxnMetadata m = txns.get(transactionalId);
        if (expectedProducerId >= 0
                && (m == null || m.producerId != expectedProducerId || m.epoch != expectedEpoch)) {
            return new ProducerIdAndEpoch(Errors.PRODUCER_FENCED, -1, (short) -1);
        }
        if (m == null) {
            m = new TxnMetadata(transactionalId, ids.nextId(), (short) 0, timeoutMs);
            txns.put(transactionalId, m);
        } else {
            if (m.state == TxnState.ONGOING || m.state == TxnState.PREPARE_ABORT) {
                m.epoch++; // fence the old producer before its transaction is aborted
                complete(m, false);
            } else if (m.state == TxnState.PREPARE_COMMIT) {
                complete(m, true);
            }
            byProducerId.remove(m.producerId);
            if (m.epoch >= Short.MAX_VALUE - 2) {
                m.producerId = ids.nextId();
                m.epoch = 0;
            } else {
                m.epoch++;
            }
            m.timeoutMs = timeoutMs;
        }
        m.state = TxnState.EMPTY;
        m.partitions.clear();
        m.offsets.clear();
        byProducerId.put(m.producerId, m);
        persist(m);
        return new ProducerIdAndEpoch(Errors.NONE, m.producerId, m.epoch);
    }

    private Errors check(TxnMetadata m, long producerId, short epoch) {
        if (m == null || m.producerId != producerId) {
            return Errors.INVALID_PRODUCER_ID_MAPPING;
        }
        if (epoch != m.epoch) {
            return Errors.PRODUCER_FENCED;
        }
        if (m.state == TxnState.PREPARE_COMMIT || m.state == TxnState.PREPARE_ABORT) {
            return Errors.CONCURRENT_TRANSACTIONS;
        }
        return Errors.NONE;
    }

    private void begin(TxnMetadata m) {
        if (m.state != TxnState.ONGOING) {
            m.state = TxnState.ONGOING;
            m.startMs = System.currentTimeMillis();
            m.partitions.clear();
            m.offsets.clear();
        }
    }

    /** AddPartitionsToTxn: one error per partition, in the order given. */
    public synchronized List<Errors> addPartitions(String transactionalId, long producerId, short epoch,
                                                  List<TxnMetadata.Tp> wanted) {
        TxnMetadata m = txns.get(transactionalId);
        Errors e = check(m, producerId, epoch);
        List<Errors> result = new ArrayList<>();
        if (e == Errors.NONE) {
            for (TxnMetadata.Tp tp : wanted) {
                Topic t = topics.find(tp.topic());
                if (t == null || t.partition(tp.partition()) == null) {
                    e = Errors.UNKNOWN_TOPIC_OR_PARTITION;
                }
            }
        }
        if (e != Errors.NONE) {
            Errors each = e == Errors.UNKNOWN_TOPIC_OR_PARTITION ? Errors.OPERATION_NOT_ATTEMPTED : e;
            for (TxnMetadata.Tp tp : wanted) {
                Topic t = topics.find(tp.topic());
                boolean missing = t == null || t.partition(tp.partition()) == null;
                result.add(missing && e == Errors.UNKNOWN_TOPIC_OR_PARTITION ? e : each);
            }
            return result;
        }
        begin(m);
        m.partitions.addAll(wanted);
        persist(m);
        wanted.forEach(tp -> result.add(Errors.NONE));
        return result;
    }

    /** AddOffsetsToTxn: the group's offsets will be committed with the transaction. */
    public synchronized Errors addOffsets(String transactionalId, long producerId, short epoch) {
        TxnMetadata m = txns.get(transactionalId);
        Errors e = check(m, producerId, epoch);
        if (e == Errors.NONE) {
            begin(m);
            persist(m);
        }
        return e;
    }

    /** TxnOffsetCommit: holds the offsets until the transaction commits. */
    public synchronized Errors commitOffsets(String transactionalId, long producerId, short epoch, String group,
                                             Map<OffsetStore.TopicPartitionKey, CommittedOffset> commits) {
        TxnMetadata m = txns.get(transactionalId);
        Errors e = check(m, producerId, epoch);
        if (e != Errors.NONE) {
            return e;
        }
        if (m.state != TxnState.ONGOING) {
            return Errors.INVALID_TXN_STATE;
        }
        m.offsets.computeIfAbsent(group, k -> new HashMap<>()).putAll(commits);
        return Errors.NONE;
    }

    /**
     * EndTxn: commit or abort. A retry of an already completed end is answered with success. If
     * writing a marker fails, the transaction stays PREPARE_x and the answer is the retriable
     * CONCURRENT_TRANSACTIONS; the client's retry (or the next expiry sweep) finishes it.
     */
    public synchronized Errors endTxn(String transactionalId, long producerId, short epoch, boolean commit) {
        TxnMetadata m = txns.get(transactionalId);
        if (m != null && m.producerId == producerId && m.epoch == epoch && isPrepared(m)) {
            tryFinish(m);
        }
        Errors e = check(m, producerId, epoch);
        if (e != Errors.NONE) {
            return e;
        }
        if (m.state == (commit ? TxnState.COMPLETE_COMMIT : TxnState.COMPLETE_ABORT)) {
            return Errors.NONE;
        }
        if (m.state != TxnState.ONGOING) {
            return m.state == TxnState.EMPTY && !commit ? Errors.NONE : Errors.INVALID_TXN_STATE;
        }
        m.state = commit ? TxnState.PREPARE_COMMIT : TxnState.PREPARE_ABORT;
        persist(m);
        return tryFinish(m) ? Errors.NONE : Errors.CONCURRENT_TRANSACTIONS;
    }

    private static boolean isPrepared(TxnMetadata m) {
        return m.state == TxnState.PREPARE_COMMIT || m.state == TxnState.PREPARE_ABORT;
    }

    /** {@link #finish} of a PREPARE_x transaction; false (logged) if a write failed, to be retried. */
    private boolean tryFinish(TxnMetadata m) {
        try {
            finish(m);
            return true;
        } catch (RuntimeException e) {
            LOG.warn("Could not finish transaction {} ({}); retried on the next EndTxn or expiry sweep",
                    m.transactionalId, m.state, e);
            return false;
        }
    }

    private void complete(TxnMetadata m, boolean commit) {
        m.state = commit ? TxnState.PREPARE_COMMIT : TxnState.PREPARE_ABORT;
        persist(m);
        finish(m);
    }

    /**
     * Writes what a PREPARE_x transaction owes (a commit's offsets, then a marker into each of its
     * partitions, each fsynced), then COMPLETE_x. Repeatable after a failure: offsets are
     * overwritten with the same values, and a second marker for a producer with no open
     * transaction changes nothing a reader sees.
     */
    private void finish(TxnMetadata m) {
        boolean commit = m.state == TxnState.PREPARE_COMMIT;
        if (commit) {
            m.offsets.forEach(offsets::commit);
        }
        for (TxnMetadata.Tp tp : m.partitionsCopy()) {
            Topic t = topics.find(tp.topic());
            PartitionLog log = t == null ? null : t.partition(tp.partition());
            if (log != null) {
                markers.write(log, m.producerId, m.epoch, commit);
                onAppend.accept(log);
            }
        }
        m.state = commit ? TxnState.COMPLETE_COMMIT : TxnState.COMPLETE_ABORT;
        m.partitions.clear();
        m.offsets.clear();
        persist(m);
        LOG.debug("Transaction {} (producer {} epoch {}) {}", m.transactionalId, m.producerId, m.epoch,
                commit ? "committed" : "aborted");
    }

    private void persist(TxnMetadata m) {
        txnLog.write(m, txns.values());
    }

    private synchronized void abortExpired() {
        long now = System.currentTimeMillis();
        for (TxnMetadata m : txns.values()) {
            if (isPrepared(m)) {
                tryFinish(m); // a marker write failed earlier
            } else if (m.state == TxnState.ONGOING && now - m.startMs > m.timeoutMs) {
                LOG.info("Aborting transaction {} of producer {}: open longer than {} ms", m.transactionalId,
                        m.producerId, m.timeoutMs);
                m.epoch++;
                try {
                    complete(m, false);
                } catch (RuntimeException e) {
                    LOG.warn("Could not abort expired transaction {}", m.transactionalId, e);
                }
            }
        }
    }

    /**
     * Whether a transactional batch may be appended to {@code log}: the producer's transaction must
     * be ongoing with this epoch and include the partition. Lock-free; called under the log's lock.
     */
    public Errors checkProduce(long producerId, short epoch, String topic, int partition) {
        TxnMetadata m = byProducerId.get(producerId);
        if (m == null) {
            return Errors.INVALID_PRODUCER_ID_MAPPING;
        }
        if (epoch < m.epoch) {
            return Errors.INVALID_PRODUCER_EPOCH;
        }
        if (epoch != m.epoch || m.state != TxnState.ONGOING
                || !m.partitions.contains(new TxnMetadata.Tp(topic, partition))) {
            return Errors.INVALID_TXN_STATE;
        }
        return Errors.NONE;
    }

    /**
     * Whether an undecided transaction holds an offset commit for the group's partition (its
     * offsets reach the offset store only when the commit completes).
     */
    public synchronized boolean hasPendingOffset(String groupId, String topic, int partition) {
        OffsetStore.TopicPartitionKey key = new OffsetStore.TopicPartitionKey(topic, partition);
        for (TxnMetadata m : txns.values()) {
            Map<OffsetStore.TopicPartitionKey, CommittedOffset> held = m.offsets.get(groupId);
            if (held != null && held.containsKey(key) && m.state != TxnState.COMPLETE_COMMIT
                    && m.state != TxnState.COMPLETE_ABORT) {
                return true;
            }
        }
        return false;
    }

    /** A snapshot of one transactional id, for ListTransactions and DescribeTransactions. */
    record TxnView(String transactionalId, long producerId, short epoch, TxnState state, int timeoutMs, long startMs,
                   java.util.Set<TxnMetadata.Tp> partitions) {
    }

    /** Snapshots of every transactional id. */
    synchronized List<TxnView> views() {
        List<TxnView> out = new ArrayList<>(txns.size());
        txns.values().forEach(m -> out.add(view(m)));
        return out;
    }

    /** A snapshot of the transactional id, or null if unknown. */
    synchronized TxnView view(String transactionalId) {
        TxnMetadata m = txns.get(transactionalId);
        return m == null ? null : view(m);
    }

    private static TxnView view(TxnMetadata m) {
        boolean open = m.state == TxnState.ONGOING || m.state == TxnState.PREPARE_COMMIT
                || m.state == TxnState.PREPARE_ABORT;
        return new TxnView(m.transactionalId, m.producerId, m.epoch, m.state, m.timeoutMs, open ? m.startMs : -1,
                m.partitionsCopy());
    }

    @Override
    public void close() {
        expirer.cancel(false);
    }
}
