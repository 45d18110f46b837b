package io.runnel.connectors.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.api.JobClient;
import io.runnel.api.StreamEnvironment;
import io.runnel.api.checkpoint.RestartStrategy;
import io.runnel.api.functions.Collector;
import io.runnel.api.functions.KeyedProcessFunction;
import io.runnel.api.functions.MapFunction;
import io.runnel.api.functions.RuntimeContext;
import io.runnel.api.state.ValueState;
import io.runnel.api.state.ValueStateDescriptor;
import io.runnel.api.time.WatermarkStrategy;
import io.runnel.testing.FailOnce;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Topic to topic through a job with keyed state: the Kafka source's offsets go into checkpoints,
 * the sink writes one transaction per checkpoint. Failures at chosen records restart the job from
 * its latest checkpoint; a read_committed consumer still sees each result exactly once.
 */
class KafkaExactlyOnceJobTest implements Serializable {
    private static final int RECORDS = 6000;
    static TestCluster cluster;
    static String in;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        cluster = new TestCluster(dir);
        in = cluster.createTopic("eo-in", 3);
        Properties p = new Properties();
        p.put("bootstrap.servers", cluster.bootstrap);
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (int i = 0; i < RECORDS; i++) producer.send(new ProducerRecord<>(in, i % 3, null, String.valueOf(i)));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) cluster.close();
    }

    /** Per key (value mod 10): a running count; emits "key:count" per record. */
    static final class RunningCount extends KeyedProcessFunction<Integer, String, String> {
        private transient ValueState<Long> count;

        @Override
        public void open(RuntimeContext ctx) {
            count = ctx.getState(new ValueStateDescriptor<>("count", 0L));
        }

        @Override
        public void processElement(String v, Context ctx, Collector<String> out) throws Exception {
            long n = count.value() + 1;
            count.update(n);
            out.collect(ctx.getCurrentKey() + ":" + n);
        }
    }

    /** Slows the job so that checkpoints happen while it runs. */
    static final class Throttle implements MapFunction<String, String> {
        private int n;

        @Override
        public String map(String v) throws Exception {
            if (++n % 40 == 0) Thread.sleep(1);
            return v;
        }
    }

    private static List<String> expected() {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < 10; k++) for (int n = 1; n <= RECORDS / 10; n++) out.add(k + ":" + n);
        Collections.sort(out);
        return out;
    }

    private JobClient run(String out, int parallelism, long failAt, Path checkpoints) throws Exception {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism).enableCheckpointing(Duration.ofMillis(30))
                .setRestartStrategy(RestartStrategy.fixedDelay(5, Duration.ofMillis(10)));
        env.getCheckpointConfig().setDirectory(checkpoints.toString());
        KafkaSource<String> source = KafkaSource.<String>builder().bootstrapServers(cluster.bootstrap).topics(in).bounded()
                .deserializer(KafkaRecordDeserializer.valueString()).build();
        KafkaSink<String> sink = KafkaSink.<String>builder().setBootstrapServers(cluster.bootstrap)
                .setRecordSerializer(KafkaRecordSerializer.valueString(out))
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE).setTransactionalIdPrefix("eo-job-" + out).build();
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "in").map(new Throttle()).map(new FailOnce<>(failAt))
                .keyBy(v -> Integer.parseInt(v) % 10).process(new RunningCount()).sinkTo(sink);
        JobClient client = env.executeAsync("kafka-eo-" + out);
        client.await(Duration.ofMinutes(2));
        return client;
    }

    @Test
    void eachResultOnceToAReadCommittedConsumerDespiteFailures(@TempDir Path dir) throws Exception {
        int i = 0;
        for (long failAt : new long[] {RECORDS / 3, RECORDS - 10}) {
            for (int p : new int[] {1, 2}) {
                String out = cluster.createTopic("eo-out-" + i++, 2);
                JobClient client = run(out, p, failAt, dir.resolve("ck-" + i));
                assertThat(client.restarts()).isEqualTo(1);
                List<String> seen = new ArrayList<>(cluster.readCommitted(out));
                Collections.sort(seen);
                assertThat(seen).as("fail at %d, parallelism %d", failAt, p).isEqualTo(expected());
                assertThat(cluster.noOpenTransactions(out)).isTrue();
            }
        }
    }
}
