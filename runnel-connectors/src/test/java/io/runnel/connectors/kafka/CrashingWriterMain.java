package io.runnel.connectors.kafka;

import io.runnel.api.connector.CommittingSinkWriter;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;

/**
 * The writer side of a process that is killed with signal 9: writes r0..r99, prepares checkpoint
 * 1 (its committables go to the file named by the last argument), writes r100..r149 into the
 * next transaction, flags readiness with a {@code .ready} file, and waits to be killed.
 * Arguments: bootstrap, topic, transactional id prefix, committables file.
 */
public final class CrashingWriterMain {
    public static void main(String[] args) throws Exception {
        KafkaSink<String> sink = KafkaExactlyOnceSinkTest.sink(args[0], args[1], args[2]);
        CommittingSinkWriter<String, KafkaCommittable> writer = sink.createWriter(new KafkaExactlyOnceSinkTest.Ctx(0, 1));
        KafkaExactlyOnceSinkTest.write(writer, 0, 100);
        try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(Path.of(args[3])))) {
            out.writeObject(new ArrayList<>(writer.prepareCommit(1)));
        }
        KafkaExactlyOnceSinkTest.write(writer, 100, 150);
        Thread.sleep(1000); // lets the producer send them: the broker holds an open transaction
        Files.createFile(Path.of(args[3] + ".ready"));
        Thread.sleep(600_000);
    }
}
