package io.runnel.connectors.kafka;

import io.runnel.api.connector.Committer;
import java.util.Collection;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TransactionalIdNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the transactions of completed checkpoints, each from a fresh producer resumed with the
 * transaction's id, producer id and epoch: commits first, then aborts the lingering ones (see
 * {@link LingeringTransactions} for why that order matters). Idempotent: when the coordinator
 * refuses an end, the transaction's current state says whether it was already ended that way.
 */
final class KafkaCommitter implements Committer<KafkaCommittable> {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaCommitter.class);
    private final Properties clientProperties;

    KafkaCommitter(Properties clientProperties) {
        this.clientProperties = clientProperties;
    }

    @Override
    public void commit(Collection<KafkaCommittable> committables) throws Exception {
        for (KafkaCommittable c : committables) {
            if (!c.abortOnly()) end(c, true);
        }
        for (KafkaCommittable c : committables) {
            if (c.abortOnly()) end(c, false);
        }
    }

    @Override
    public void abort(Collection<KafkaCommittable> committables) throws Exception {
        for (KafkaCommittable c : committables) end(c, false);
    }

    private void end(KafkaCommittable c, boolean commit) throws Exception {
        try (ResumedTransaction t = new ResumedTransaction(clientProperties, c)) {
            if (commit) t.commit();
            else t.abort();
            LOG.debug("Kafka sink: {} {}", commit ? "committed" : "aborted", c);
        } catch (KafkaException e) {
            resolve(c, commit, e);
        }
    }

    /** The coordinator refused to end {@code c}: find out whether that is because it already ended. */
    private void resolve(KafkaCommittable c, boolean commit, KafkaException refusal) throws Exception {
        TransactionDescription d;
        try (Admin admin = Admin.create(clientProperties)) {
            Map<String, TransactionDescription> all = admin.describeTransactions(java.util.List.of(c.transactionalId()))
                    .all().get(60, TimeUnit.SECONDS);
            d = all.get(c.transactionalId());
            if (d == null) throw refusal;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TransactionalIdNotFoundException) {
                LOG.warn("Kafka sink: {} is no longer known to the coordinator (expired); assuming it ended", c);
                return;
            }
            throw refusal;
        }
        // EndTxn of protocol version 2 bumps the epoch once more
        boolean sameProducer = d.producerId() == c.producerId()
                && (d.producerEpoch() == c.epoch() || d.producerEpoch() == c.epoch() + 1);
        TransactionState done = commit ? TransactionState.COMPLETE_COMMIT : TransactionState.COMPLETE_ABORT;
        TransactionState other = commit ? TransactionState.COMPLETE_ABORT : TransactionState.COMPLETE_COMMIT;
        if (sameProducer && d.state() == done) {
            LOG.debug("Kafka sink: {} had already been {}", c, commit ? "committed" : "aborted");
        } else if (sameProducer && d.state() == other) {
            if (commit) {
                throw new IllegalStateException("Kafka sink: " + c + " was aborted before its checkpoint's commit "
                        + "reached it (open longer than transaction.timeout.ms?); its records are lost", refusal);
            }
            LOG.debug("Kafka sink: {} was committed (it belonged to the restored checkpoint); nothing to abort", c);
        } else if (sameProducer && d.state() == TransactionState.ONGOING) {
            throw new IllegalStateException("Kafka sink: could not " + (commit ? "commit " : "abort ") + c + ": "
                    + refusal.getMessage(), refusal);
        } else {
            LOG.warn("Kafka sink: {} was ended and its id reused since (now producer {} epoch {}, {}); assuming it "
                    + "was {}", c, d.producerId(), d.producerEpoch(), d.state(), commit ? "committed" : "aborted");
        }
    }
}
