package io.runnel.broker.compat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Admin, an idempotent producer, a consumer group resuming from committed offsets, and a
 * transaction read with read_committed, using whichever kafka-clients loaded this class. Given the
 * bootstrap address, returns facts ({@code name=value}) for the test to assert on.
 */
public final class OldClientProgram implements Function<String, List<String>> {
    private String bootstrap;
    private final List<String> facts = new ArrayList<>();
    /** Names carry a per-run suffix, so the program can run twice against one external broker. */
    private final String run = Long.toString(System.nanoTime() & 0xffffff, 36);
    private final String data = "old-data-" + run;
    private final String txnTopic = "old-txn-" + run;
    private final String doomed = "old-doomed-" + run;
    private final String group = "old-group-" + run;
    private final String txnId = "old-txn-id-" + run;

    @Override
    public List<String> apply(String bootstrapServers) {
        bootstrap = bootstrapServers;
        try {
            facts.add("clientVersion=" + clientVersion());
            admin();
            idempotentProduceAndGroupResume();
            transaction();
        } catch (Exception e) {
            throw new IllegalStateException("the old client failed after " + facts, e);
        }
        return facts;
    }

    /** The version kafka-clients reports (its AppInfoParser moved between 3.9 and 4.4; the resource did not). */
    private static String clientVersion() throws IOException {
        Properties p = new Properties();
        try (InputStream in = KafkaProducer.class.getClassLoader().getResourceAsStream("kafka/kafka-version.properties")) {
            p.load(in);
        }
        return p.getProperty("version");
    }

    private void admin() throws Exception {
        try (Admin admin = Admin.create(props())) {
            admin.createTopics(List.of(new NewTopic(data, 2, (short) 1), new NewTopic(txnTopic, 1, (short) 1),
                    new NewTopic(doomed, 1, (short) 1))).all().get();
            Set<String> names = admin.listTopics().names().get();
            facts.add("listed=" + names.containsAll(List.of(data, txnTopic, doomed)));
            admin.deleteTopics(List.of(doomed)).all().get();
            long deadline = System.currentTimeMillis() + 10_000; // Kafka's metadata catches up with a delete shortly after
            boolean listed = true;
            while (listed && System.currentTimeMillis() < deadline) {
                listed = admin.listTopics().names().get().contains(doomed);
            }
            facts.add("listedAfterDelete=" + listed);
        }
    }

    private void idempotentProduceAndGroupResume() throws Exception {
        try (KafkaProducer<String, String> p = producer(null)) {
            for (int i = 0; i < 10; i++) {
                p.send(new ProducerRecord<>(data, "k" + i, "v" + i)).get();
            }
        }
        facts.add("firstRun=" + consumeInGroup(10).size());
        try (Admin admin = Admin.create(props())) {
            facts.add("committed=" + admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
                    .values().stream().mapToLong(o -> o.offset()).sum());
        }
        try (KafkaProducer<String, String> p = producer(null)) {
            p.send(new ProducerRecord<>(data, "k10", "v10")).get();
            p.send(new ProducerRecord<>(data, "k11", "v11")).get();
        }
        facts.add("secondRun=" + consumeInGroup(2).stream().sorted().toList());
    }

    private List<String> consumeInGroup(int n) {
        Properties c = props();
        c.put("group.id", group);
        c.put("auto.offset.reset", "earliest");
        c.put("enable.auto.commit", "false");
        try (KafkaConsumer<String, String> consumer = consumer(c)) {
            consumer.subscribe(List.of(data));
            List<String> got = poll(consumer, n);
            consumer.commitSync();
            return got;
        }
    }

    private void transaction() {
        try (KafkaProducer<String, String> p = producer(txnId)) {
            p.initTransactions();
            p.beginTransaction();
            p.send(new ProducerRecord<>(txnTopic, "committed-1"));
            p.send(new ProducerRecord<>(txnTopic, "committed-2"));
            p.commitTransaction();
            p.beginTransaction();
            p.send(new ProducerRecord<>(txnTopic, "aborted"));
            p.flush();
            p.abortTransaction();
            p.beginTransaction();
            p.send(new ProducerRecord<>(txnTopic, "committed-3"));
            p.commitTransaction();
        }
        for (String isolation : List.of("read_committed", "read_uncommitted")) {
            Properties c = props();
            c.put("isolation.level", isolation);
            c.put("auto.offset.reset", "earliest");
            c.put("group.id", "old-reader-" + run + "-" + isolation);
            try (KafkaConsumer<String, String> consumer = consumer(c)) {
                consumer.subscribe(List.of(txnTopic));
                facts.add(isolation + "=" + poll(consumer, isolation.equals("read_committed") ? 3 : 4));
            }
        }
    }

    private static List<String> poll(KafkaConsumer<String, String> consumer, int n) {
        List<String> got = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 30_000;
        while (got.size() < n && System.currentTimeMillis() < deadline) {
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                got.add(r.value());
            }
        }
        return got;
    }

    private KafkaProducer<String, String> producer(String transactionalId) {
        Properties p = props();
        p.put("enable.idempotence", "true");
        p.put("acks", "all");
        p.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        p.put("value.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        if (transactionalId != null) {
            p.put("transactional.id", transactionalId);
        }
        return new KafkaProducer<>(p);
    }

    private static KafkaConsumer<String, String> consumer(Properties c) {
        c.put("key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        c.put("value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        return new KafkaConsumer<>(c);
    }

    private Properties props() {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        return p;
    }
}
