package io.runnel.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.log.LogConfig;
import io.runnel.log.LogManager;
import io.runnel.log.PartitionLog;
import java.nio.file.Path;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** After a restart, idempotent-producer state is rebuilt from the log, so retries are still deduplicated. */
class ProducerStateRebuildTest {
    @TempDir
    Path dir;

    @Test
    void duplicatesAndSequenceGapsAreDetectedAfterRestart() throws Exception {
        try (RunnelBroker broker = Clients.broker(dir);
             KafkaProducer<String, String> p = Clients.producer(broker)) {
            for (int i = 0; i < 3; i++) {
                p.send(new ProducerRecord<>("idem", 0, null, "v" + i)).get();
            }
        }
        try (LogManager logs = LogManager.open(dir, LogConfig.defaults())) {
            PartitionLog log = logs.topic("idem").partition(0);
            ProducerStates states = ProducerStateLoader.load(log);
            long pid = 0; // the first id handed out by a fresh data directory
            ProducerStates.Check dup = states.check(pid, (short) 0, 2, 2);
            assertThat(dup.duplicate()).isNotNull();
            assertThat(dup.duplicate().firstOffset()).isEqualTo(2);
            assertThat(states.check(pid, (short) 0, 3, 3)).isEqualTo(ProducerStates.Check.OK);
            assertThat(states.check(pid, (short) 0, 5, 5).error()).isEqualTo(Errors.OUT_OF_ORDER_SEQUENCE_NUMBER);
        }
    }
}
