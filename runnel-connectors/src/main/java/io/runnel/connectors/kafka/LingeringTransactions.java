package io.runnel.connectors.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.FinalizedVersionRange;
import org.apache.kafka.clients.admin.ListTransactionsOptions;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.common.errors.UnsupportedVersionException;

/**
 * What a starting exactly-once writer learns from the transaction coordinator about the ids of its
 * prefix: the next free sequence number for its subtask, and the transactions earlier attempts
 * left open that are its to clean up: those of every old subtask {@code j} with
 * {@code j % parallelism == subtask}, so any change of parallelism leaves each old id to exactly
 * one new writer.
 *
 * <p>An open transaction is either in the restored checkpoint (its committer will commit it) or
 * was written after it (it must be aborted), and a writer cannot tell which: it is not told the
 * restored checkpoint. So it does not abort them itself; it hands them over as abort-only
 * committables with its first {@code prepareCommit}. The committer ends them once that checkpoint
 * completes, after the commits of the restored checkpoint (commits go in checkpoint order): by
 * then those are committed, an abort of a committed transaction is refused by the coordinator, and
 * only the truly lingering ones are aborted.
 */
record LingeringTransactions(long nextSequence, List<KafkaCommittable> open) {
    private static final long TIMEOUT_S = 60;

    static LingeringTransactions find(Properties clientProperties, TransactionalIds ids, int subtask,
                                      int parallelism) throws Exception {
        try (Admin admin = Admin.create(clientProperties)) {
            List<TransactionListing> listed = list(admin, ids);
            long next = 0;
            List<String> ongoing = new ArrayList<>();
            for (TransactionListing t : listed) {
                long[] parsed = ids.parse(t.transactionalId());
                if (parsed == null) continue;
                if (parsed[0] == subtask) next = Math.max(next, parsed[1] + 1);
                if (parsed[0] % parallelism == subtask && t.state() == TransactionState.ONGOING) {
                    ongoing.add(t.transactionalId());
                }
            }
            return new LingeringTransactions(next,
                    ongoing.isEmpty() ? List.of() : describe(admin, ongoing, transactionV2(admin)));
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Kafka sink: could not list the transactions of prefix pattern '"
                    + ids.brokerPattern() + "' at " + clientProperties.get("bootstrap.servers") + ": "
                    + e.getCause().getMessage(), e.getCause());
        }
    }

    /** Filtered by the broker where it can (ListTransactions version 2), else only by us. */
    private static List<TransactionListing> list(Admin admin, TransactionalIds ids) throws Exception {
        try {
            return new ArrayList<>(admin.listTransactions(new ListTransactionsOptions()
                    .filterOnTransactionalIdPattern(ids.brokerPattern())).all().get(TIMEOUT_S, TimeUnit.SECONDS));
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof UnsupportedVersionException)) throw e;
            return new ArrayList<>(admin.listTransactions().all().get(TIMEOUT_S, TimeUnit.SECONDS));
        }
    }

    /** As the producer decides it: the cluster has finalized {@code transaction.version} 2 or more. */
    private static boolean transactionV2(Admin admin) throws Exception {
        FinalizedVersionRange v = admin.describeFeatures().featureMetadata().get(TIMEOUT_S, TimeUnit.SECONDS)
                .finalizedFeatures().get("transaction.version");
        return v != null && v.maxVersionLevel() >= 2;
    }

    private static List<KafkaCommittable> describe(Admin admin, List<String> ongoing, boolean v2) throws Exception {
        Map<String, TransactionDescription> d = admin.describeTransactions(ongoing).all().get(TIMEOUT_S, TimeUnit.SECONDS);
        List<KafkaCommittable> out = new ArrayList<>();
        for (Map.Entry<String, TransactionDescription> e : d.entrySet()) {
            TransactionDescription t = e.getValue();
            if (t.state() != TransactionState.ONGOING) continue;
            out.add(new KafkaCommittable(e.getKey(), t.producerId(), (short) t.producerEpoch(), v2, true));
        }
        return out;
    }
}
