package io.runnel.broker;

import io.runnel.broker.txn.TxnPartitionState;
import io.runnel.broker.txn.TxnPartitions;
import io.runnel.log.LogSlice;
import io.runnel.log.OffsetOutOfRangeException;
import io.runnel.log.PartitionLog;
import io.runnel.log.Topic;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.message.FetchRequestData;
import org.apache.kafka.common.message.FetchResponseData;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.FetchRequest;
import org.apache.kafka.common.requests.FetchResponse;
import org.apache.kafka.common.requests.RequestContext;

/**
 * Fetch, with incremental fetch sessions ({@link FetchSessionRequest}, {@link FetchSessionCache}):
 * an incremental response carries only partitions with records, errors or changed offsets. If less
 * than {@code min.bytes} is available the fetch is parked until an append to one of its partitions
 * or until {@code max.wait.ms} passes. Records are not copied: the response refers to the segment
 * file range ({@link SliceRecords}) and Netty sends it with {@code transferTo}. At most the
 * broker's {@code fetch.max.bytes} per response (beyond one batch, which is always sent).
 * Read-committed fetches stop at the last stable offset and carry the aborted transactions they
 * overlap, so the client can drop aborted records. A partition whose current leader epoch in the
 * request is stale or ahead gets FENCED_LEADER_EPOCH or UNKNOWN_LEADER_EPOCH.
 */
final class FetchHandler implements ApiHandler {
    private final Topics topics;
    private final FetchWaiters waiters;
    private final ScheduledExecutorService timer;
    private final Executor io;
    private final int brokerMaxBytes;

    private final TxnPartitions txnPartitions;
    private final FetchSessionCache sessions;

    FetchHandler(Topics topics, FetchWaiters waiters, ScheduledExecutorService timer, Executor io, int brokerMaxBytes,
                 TxnPartitions txnPartitions, FetchSessionCache sessions) {
        this.txnPartitions = txnPartitions;
        this.sessions = sessions;
        this.brokerMaxBytes = brokerMaxBytes;
        this.topics = topics;
        this.waiters = waiters;
        this.timer = timer;
        this.io = io;
    }

    @Override
    public CompletableFuture<AbstractResponse> handle(RequestContext context, AbstractRequest request) {
        FetchRequestData req = ((FetchRequest) request).data();
        CompletableFuture<AbstractResponse> future = new CompletableFuture<>();
        FetchSessionRequest session = FetchSessionRequest.resolve(sessions, req);
        if (session.error() != null) {
            future.complete(FetchResponse.of(new FetchResponseData().setErrorCode(session.error().code())));
            return future;
        }
        new PendingFetch(req, session, System.currentTimeMillis() + Math.max(0, req.maxWaitMs()), future).attempt();
        return future;
    }

    /** One fetch, retried on wake-ups until it has enough bytes, hits an error, or times out. */
    private final class PendingFetch {
        private final FetchRequestData req;
        private final FetchSessionRequest session;
        private final long deadline;
        private final CompletableFuture<AbstractResponse> future;
        private final Runnable wakeUp = this::wake;
        private final Map<PartitionLog, Long> parkedAt = new IdentityHashMap<>();
        private ScheduledFuture<?> timeout;
        private boolean done;

        PendingFetch(FetchRequestData req, FetchSessionRequest session, long deadline,
                     CompletableFuture<AbstractResponse> future) {
            this.req = req;
            this.session = session;
            this.deadline = deadline;
            this.future = future;
        }

        synchronized void attempt() {
            if (done) {
                return;
            }
            unparkAll();
            Result r = read();
            if (r.bytes >= req.minBytes() || r.error || System.currentTimeMillis() >= deadline || r.logs.isEmpty()) {
                done = true;
                if (timeout != null) {
                    timeout.cancel(false);
                }
                future.complete(FetchResponse.of(FetchResponses.build(r.targets, r.partitions, session)));
                return;
            }
            for (int i = 0; i < r.logs.size(); i++) {
                PartitionLog log = r.logs.get(i);
                parkedAt.put(log, r.endOffsets.get(i));
                waiters.park(log, wakeUp);
            }
            if (timeout == null) {
                timeout = timer.schedule(this::wake, Math.max(1, deadline - System.currentTimeMillis()),
                        TimeUnit.MILLISECONDS);
            }
            for (var e : parkedAt.entrySet()) {
                if (e.getKey().logEndOffset() != e.getValue()) {
                    wake(); // an append slipped in between the read and parking
                    return;
                }
            }
        }

        private void wake() {
            try {
                io.execute(this::attempt);
            } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
                // the broker is closing; the connection goes with it
            }
        }

        private void unparkAll() {
            for (PartitionLog log : parkedAt.keySet()) {
                waiters.unpark(log, wakeUp);
            }
            parkedAt.clear();
        }

        private Result read() {
            Result r = new Result();
            int budget = req.maxBytes() <= 0 ? brokerMaxBytes : Math.min(req.maxBytes(), brokerMaxBytes);
            for (FetchTarget t : session.targets()) {
                Topic topic = topics.find(t.topic, t.topicId);
                PartitionLog log = topic == null ? null : topic.partition(t.partition);
                FetchResponseData.PartitionData pd = new FetchResponseData.PartitionData()
                        .setPartitionIndex(t.partition);
                Errors epochError = log == null ? Errors.NONE : LeaderEpochs.check(t.currentLeaderEpoch, log);
                if (log == null || epochError != Errors.NONE) {
                    boolean byId = (t.topic == null || t.topic.isEmpty()) && topic == null;
                    Errors e = log != null ? epochError : byId ? Errors.UNKNOWN_TOPIC_ID : Errors.UNKNOWN_TOPIC_OR_PARTITION;
                    pd.setErrorCode(e.code()).setHighWatermark(-1).setLastStableOffset(-1).setLogStartOffset(-1)
                            .setRecords(MemoryRecords.EMPTY);
                    r.error = true;
                } else {
                    int max = Math.min(t.maxBytes, budget - r.bytes);
                    r.bytes += readPartition(log, t.fetchOffset, max, pd, r);
                }
                r.targets.add(t);
                r.partitions.add(pd);
            }
            return r;
        }

        private int readPartition(PartitionLog log, long offset, int maxBytes, FetchResponseData.PartitionData pd,
                                  Result r) {
            long end = log.logEndOffset();
            TxnPartitionState txn = txnPartitions.get(log);
            long stable = txn.lastStableOffset();
            boolean committedOnly = req.isolationLevel() == 1;
            pd.setHighWatermark(end).setLastStableOffset(stable).setLogStartOffset(log.logStartOffset());
            r.logs.add(log);
            r.endOffsets.add(end);
            if (maxBytes <= 0) {
                pd.setRecords(MemoryRecords.EMPTY);
                return 0;
            }
            try {
                LogSlice slice = committedOnly && offset <= end ? log.read(offset, maxBytes, stable)
                        : log.read(offset, maxBytes);
                pd.setRecords(slice.isEmpty() ? MemoryRecords.EMPTY : new SliceRecords(slice));
                if (committedOnly) {
                    pd.setAbortedTransactions(txn.abortedBetween(offset, stable));
                }
                return slice.length();
            } catch (OffsetOutOfRangeException e) {
                pd.setErrorCode(Errors.OFFSET_OUT_OF_RANGE.code()).setRecords(MemoryRecords.EMPTY);
            } catch (UncheckedIOException e) {
                // e.g. the segment was deleted by retention under us; the client retries
                pd.setErrorCode(Errors.KAFKA_STORAGE_ERROR.code()).setRecords(MemoryRecords.EMPTY);
            }
            r.error = true;
            return 0;
        }
    }

    private static final class Result {
        final List<FetchTarget> targets = new ArrayList<>();
        final List<FetchResponseData.PartitionData> partitions = new ArrayList<>();
        final List<PartitionLog> logs = new ArrayList<>();
        final List<Long> endOffsets = new ArrayList<>();
        int bytes;
        boolean error;
    }
}
