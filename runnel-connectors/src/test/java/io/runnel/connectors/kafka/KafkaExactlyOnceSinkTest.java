package io.runnel.connectors.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.api.connector.Committer;
import io.runnel.api.connector.CommittingSinkWriter;
import io.runnel.api.connector.SinkContext;
import java.nio.charset.StandardCharsets;
import java.io.ObjectInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exactly-once Kafka sink driven as the runtime drives it (writers, prepareCommit at
 * barriers, a separate Committer from a serialized copy of the sink), with crashes simulated by
 * dropping writers without closing them. A read_committed consumer of the official client checks
 * what became visible. {@code -Drunnel.kafka.bootstrap=HOST:PORT} runs it against another broker.
 */
@SuppressWarnings("unchecked")
class KafkaExactlyOnceSinkTest {
    static TestCluster cluster;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        cluster = new TestCluster(dir);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    record Ctx(int subtaskIndex, int parallelism) implements SinkContext {
    }

    static KafkaSink<String> sink(String topic, String prefix) {
        return sink(cluster.bootstrap, topic, prefix + "-" + TestCluster.SUFFIX);
    }

    static KafkaSink<String> sink(String bootstrap, String topic, String fullPrefix) {
        return KafkaSink.<String>builder().setBootstrapServers(bootstrap)
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(fullPrefix)
                .setRecordSerializer(spread(topic))
                .build();
    }

    /** "r<i>" to partition i % 2, so each transaction spans both partitions. */
    static KafkaRecordSerializer<String> spread(String topic) {
        return (e, ts) -> new ProducerRecord<>(topic, Integer.parseInt(e.substring(1)) % 2, null,
                e.getBytes(StandardCharsets.UTF_8));
    }

    static void write(CommittingSinkWriter<String, KafkaCommittable> w, int from, int to) throws Exception {
        for (int i = from; i < to; i++) w.write("r" + i, Long.MIN_VALUE);
    }

    static List<String> range(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "r" + i).toList();
    }

    static long lingering(Collection<KafkaCommittable> cs) {
        return cs.stream().filter(KafkaCommittable::abortOnly).count();
    }

    @Test
    void aCommitterElsewhereCommitsWhatACrashedWriterPreparedOnceAndIdempotently() throws Exception {
        String topic = cluster.createTopic("eo-commit", 2);
        KafkaSink<String> sink = sink(topic, "eo-commit");
        CommittingSinkWriter<String, KafkaCommittable> writer = sink.createWriter(new Ctx(0, 1));
        write(writer, 0, 100);
        Collection<KafkaCommittable> checkpoint1 = TestCluster.copy(new ArrayList<>(writer.prepareCommit(1)));
        assertThat(checkpoint1).hasSize(1);
        assertThat(cluster.readCommitted(topic)).as("prepared, not committed").isEmpty();
        // the writer's process dies here (no close); another one commits the checkpoint
        try (Committer<KafkaCommittable> committer = TestCluster.copy(sink).createCommitter()) {
            committer.commit(checkpoint1);
        }
        assertThat(cluster.readCommitted(topic)).containsExactlyInAnyOrderElementsOf(range(0, 100));
        try (Committer<KafkaCommittable> again = TestCluster.copy(sink).createCommitter()) {
            again.commit(checkpoint1); // after a restore from checkpoint 1
            again.commit(checkpoint1);
        }
        assertThat(cluster.readCommitted(topic)).containsExactlyInAnyOrderElementsOf(range(0, 100));
        assertThat(cluster.noOpenTransactions(topic)).isTrue();
    }

    @Test
    void aWriterProcessKilledWithSignal9IsCommittedAndCleanedUpByTheNextAttempt() throws Exception {
        String topic = cluster.createTopic("eo-kill", 2);
        String prefix = "eo-kill-" + TestCluster.SUFFIX;
        Path committables = Files.createTempFile("checkpoint-1", ".ser");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashingWriterMain.class.getName(),
                cluster.bootstrap, topic, prefix, committables.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            long deadline = System.currentTimeMillis() + 60_000;
            while (!Files.exists(Path.of(committables + ".ready"))) {
                assertThat(child.isAlive()).as("writer process still running").isTrue();
                assertThat(System.currentTimeMillis()).as("writer process ready").isLessThan(deadline);
                Thread.sleep(50);
            }
        } finally {
            child.destroyForcibly().waitFor(); // SIGKILL: no close, no shutdown hook
        }
        Collection<KafkaCommittable> checkpoint1;
        try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(committables))) {
            checkpoint1 = (Collection<KafkaCommittable>) in.readObject();
        }
        KafkaSink<String> sink = sink(cluster.bootstrap, topic, prefix);
        CommittingSinkWriter<String, KafkaCommittable> writer = sink.createWriter(new Ctx(0, 1));
        try (Committer<KafkaCommittable> committer = sink.createCommitter()) {
            committer.commit(checkpoint1); // the restore re-commits checkpoint 1
            write(writer, 100, 150);
            Collection<KafkaCommittable> checkpoint2 = writer.prepareCommit(2);
            assertThat(lingering(checkpoint2)).as("checkpoint 1's and the open transaction").isEqualTo(2);
            committer.commit(checkpoint2);
        }
        assertThat(cluster.readCommitted(topic)).containsExactlyInAnyOrderElementsOf(range(0, 150));
        assertThat(cluster.noOpenTransactions(topic)).isTrue();
    }

    @Test
    void aNewAttemptAbortsWhatTheFailedOneLeftOpenButNotTheRestoredCheckpoint() throws Exception {
        String topic = cluster.createTopic("eo-linger", 2);
        KafkaSink<String> sink = sink(topic, "eo-linger");
        CommittingSinkWriter<String, KafkaCommittable> failed = sink.createWriter(new Ctx(0, 1));
        write(failed, 0, 100);
        Collection<KafkaCommittable> checkpoint1 = TestCluster.copy(new ArrayList<>(failed.prepareCommit(1)));
        write(failed, 100, 150);
        failed.prepareCommit(2); // checkpoint 2 never completes
        write(failed, 150, 200); // open when the attempt dies
        // new attempt, restored from checkpoint 1, before the committer re-commits it
        CommittingSinkWriter<String, KafkaCommittable> writer = TestCluster.copy(sink).createWriter(new Ctx(0, 1));
        write(writer, 100, 200); // replayed by the sources
        List<KafkaCommittable> checkpoint3 = new ArrayList<>(writer.prepareCommit(3));
        assertThat(lingering(checkpoint3)).as("transactions 1, 2 and 3 were open at the writer's start").isEqualTo(3);
        assertThat(cluster.readCommitted(topic)).isEmpty();
        // one commit call holding both (abort-only ones first): commits must still go first
        List<KafkaCommittable> both = new ArrayList<>(checkpoint3);
        both.sort((a, b) -> Boolean.compare(b.abortOnly(), a.abortOnly()));
        both.addAll(checkpoint1);
        try (Committer<KafkaCommittable> committer = TestCluster.copy(sink).createCommitter()) {
            committer.commit(TestCluster.copy(both));
        }
        assertThat(cluster.readCommitted(topic)).containsExactlyInAnyOrderElementsOf(range(0, 200));
        assertThat(cluster.noOpenTransactions(topic)).as("the LSO reached the log end").isTrue();
        writer.close();
    }

    @Test
    void lingeringTransactionsHoldReadersBackUntilTheNextCheckpointCommits() throws Exception {
        String topic = cluster.createTopic("eo-lso", 2);
        KafkaSink<String> sink = sink(topic, "eo-lso");
        CommittingSinkWriter<String, KafkaCommittable> failed = sink.createWriter(new Ctx(0, 1));
        write(failed, 0, 50);
        Collection<KafkaCommittable> checkpoint1 = TestCluster.copy(new ArrayList<>(failed.prepareCommit(1)));
        try (Committer<KafkaCommittable> committer = sink.createCommitter()) {
            committer.commit(checkpoint1);
        }
        write(failed, 50, 80); // open when the attempt dies
        // the producer sends in the background: wait (bounded) until its open transaction reached the broker
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (cluster.noOpenTransactions(topic) && System.nanoTime() < deadline) Thread.sleep(20);
        assertThat(cluster.noOpenTransactions(topic)).isFalse();
        CommittingSinkWriter<String, KafkaCommittable> writer = TestCluster.copy(sink).createWriter(new Ctx(0, 1));
        write(writer, 50, 80);
        Collection<KafkaCommittable> checkpoint2 = writer.prepareCommit(2);
        assertThat(lingering(checkpoint2)).isEqualTo(1);
        assertThat(cluster.readCommitted(topic)).containsExactlyInAnyOrderElementsOf(range(0, 50));
        try (Committer<KafkaCommittable> committer = TestCluster.copy(sink).createCommitter()) {
            committer.commit(TestCluster.copy(new ArrayList<>(checkpoint2)));
        }
        assertThat(cluster.readCommitted(topic)).containsExactlyInAnyOrderElementsOf(range(0, 80));
        assertThat(cluster.noOpenTransactions(topic)).isTrue();
    }

    @Test
    void aRestoreWithFewerSubtasksCleansUpAfterEveryOldOne() throws Exception {
        rescale("eo-down", 3, 2);
    }

    @Test
    void aRestoreWithMoreSubtasksCleansUpAfterEveryOldOne() throws Exception {
        rescale("eo-up", 2, 3);
    }

    /** Checkpoint 1 completes at parallelism {@code from}; the attempt dies; it restarts at {@code to}. */
    private void rescale(String name, int from, int to) throws Exception {
        String topic = cluster.createTopic(name, 2);
        KafkaSink<String> sink = sink(topic, name);
        List<CommittingSinkWriter<String, KafkaCommittable>> failed = new ArrayList<>();
        List<KafkaCommittable> checkpoint1 = new ArrayList<>();
        for (int k = 0; k < from; k++) failed.add(sink.createWriter(new Ctx(k, from)));
        for (int i = 0; i < 300; i++) failed.get(i % from).write("r" + i, Long.MIN_VALUE);
        for (CommittingSinkWriter<String, KafkaCommittable> w : failed) checkpoint1.addAll(w.prepareCommit(1));
        try (Committer<KafkaCommittable> committer = sink.createCommitter()) {
            committer.commit(TestCluster.copy(checkpoint1));
        }
        for (int i = 300; i < 450; i++) failed.get(i % from).write("r" + i, Long.MIN_VALUE); // open at the crash

        KafkaSink<String> restored = TestCluster.copy(sink);
        List<CommittingSinkWriter<String, KafkaCommittable>> writers = new ArrayList<>();
        for (int k = 0; k < to; k++) writers.add(restored.createWriter(new Ctx(k, to)));
        for (int i = 300; i < 450; i++) writers.get(i % to).write("r" + i, Long.MIN_VALUE);
        List<KafkaCommittable> checkpoint2 = new ArrayList<>();
        long found = 0;
        for (CommittingSinkWriter<String, KafkaCommittable> w : writers) {
            Collection<KafkaCommittable> cs = w.prepareCommit(2);
            found += lingering(cs);
            checkpoint2.addAll(cs);
        }
        assertThat(found).as("each old subtask's open transaction found by exactly one new writer").isEqualTo(from);
        try (Committer<KafkaCommittable> committer = restored.createCommitter()) {
            committer.commit(TestCluster.copy(checkpoint2));
        }
        assertThat(cluster.readCommitted(topic)).containsExactlyInAnyOrderElementsOf(range(0, 450));
        assertThat(cluster.noOpenTransactions(topic)).isTrue();
        for (CommittingSinkWriter<String, KafkaCommittable> w : writers) w.close();
    }

    @Test
    void aWriterClosedBeforeItsCheckpointAbortsItsTransaction() throws Exception {
        String topic = cluster.createTopic("eo-close", 2);
        CommittingSinkWriter<String, KafkaCommittable> writer = sink(topic, "eo-close").createWriter(new Ctx(0, 1));
        write(writer, 0, 10);
        writer.close();
        assertThat(cluster.noOpenTransactions(topic)).isTrue();
        assertThat(cluster.readCommitted(topic)).isEmpty();
    }

    @Test
    void atLeastOnceStaysTheDefaultAndNeedsNoCommit() throws Exception {
        String topic = cluster.createTopic("alo", 2);
        KafkaSink<String> sink = KafkaSink.<String>builder().setBootstrapServers(cluster.bootstrap)
                .setRecordSerializer(spread(topic)).build();
        assertThat(sink.deliveryGuarantee()).isEqualTo(DeliveryGuarantee.AT_LEAST_ONCE);
        try (CommittingSinkWriter<String, KafkaCommittable> writer = sink.createWriter(new Ctx(0, 1))) {
            write(writer, 0, 20);
            assertThat(writer.prepareCommit(1)).isEmpty();
        }
        assertThat(cluster.readCommitted(topic)).containsExactlyInAnyOrderElementsOf(range(0, 20));
    }

    @Test
    void exactlyOnceNeedsAUsablePrefix() {
        KafkaSink.Builder<String> b = KafkaSink.<String>builder().setBootstrapServers(cluster.bootstrap)
                .setRecordSerializer(KafkaRecordSerializer.valueString("t"))
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE);
        assertThatThrownBy(b::build).hasMessageContaining("EXACTLY_ONCE needs setTransactionalIdPrefix");
        assertThatThrownBy(() -> b.setTransactionalIdPrefix("my sink").build())
                .hasMessageContaining("transactional id prefix 'my sink'");
    }

    @Test
    void exactlyOnceSaysItsTransactionTimeoutSoCarriedOutputCannotOutliveIt() {
        KafkaSink.Builder<String> b = KafkaSink.<String>builder().setBootstrapServers(cluster.bootstrap)
                .setRecordSerializer(KafkaRecordSerializer.valueString("t")).setTransactionalIdPrefix("timeouts")
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE);
        assertThat(b.build().transactionTimeout()).contains(java.time.Duration.ofMinutes(15));
        assertThat(b.setProperty("transaction.timeout.ms", "60000").build().transactionTimeout()).contains(java.time.Duration.ofMinutes(1));
        assertThatThrownBy(() -> b.setProperty("transaction.timeout.ms", "soon").build()).hasMessageContaining("transaction.timeout.ms");
        assertThat(b.setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE).build().transactionTimeout()).isEmpty();
    }
}
