package io.runnel.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A corrupted tail of the active segment is cut off on restart; earlier records stay readable. */
class RecoveryTest {
    @TempDir
    Path dir;

    @Test
    void corruptedSegmentTailIsTruncatedOnRestart() throws Exception {
        TopicPartition tp = new TopicPartition("torn", 0);
        try (RunnelBroker broker = Clients.broker(dir);
             KafkaProducer<String, String> p = Clients.producer(broker)) {
            for (int i = 0; i < 5; i++) {
                p.send(new ProducerRecord<>(tp.topic(), 0, null, "r" + i)).get(); // one batch each
            }
        }
        Path segment = dir.resolve("torn-0/00000000000000000000.log");
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            ByteBuffer last = ByteBuffer.allocate(1);
            ch.read(last, size - 3);
            last.put(0, (byte) (last.get(0) ^ 0xFF)).rewind();
            ch.write(last, size - 3); // corrupt the last batch
            ch.write(ByteBuffer.wrap(new byte[] {0, 0, 0, 0, 0, 0, 0, 9, 0, 0}), size); // and a torn write after it
        }
        try (RunnelBroker broker = Clients.broker(dir)) {
            try (KafkaProducer<String, String> p = Clients.producer(broker)) {
                assertThat(p.send(new ProducerRecord<>(tp.topic(), 0, null, "after")).get().offset()).isEqualTo(4);
            }
            try (KafkaConsumer<String, String> c = Clients.consumer(broker)) {
                List<ConsumerRecord<String, String>> got = ProduceFetchTest.readAll(c, tp, 5);
                assertThat(got).extracting(ConsumerRecord::value).containsExactly("r0", "r1", "r2", "r3", "after");
            }
        }
    }
}
