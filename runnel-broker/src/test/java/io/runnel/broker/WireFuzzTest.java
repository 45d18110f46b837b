package io.runnel.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.message.ApiVersionsRequestData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.requests.RequestHeader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutated and truncated frames of every API over raw sockets. Each batch of cases is followed by
 * a valid ApiVersions on the same connection: the broker must answer it or have closed the
 * connection. Afterwards the broker still serves real clients, a topic written before reads back
 * identically (also after a restart), and no connection had more than a bounded number of
 * response bytes queued.
 *
 * <p>Runs {@code runnel.fuzz.cases} cases (default 1000, a few seconds) from seed
 * {@code runnel.fuzz.seed} (random, printed); for a long run:
 * {@code -Drunnel.fuzz.cases=200000 -Dtest=WireFuzzTest}.
 */
@Tag("fuzz")
class WireFuzzTest {
    private static final int CASES = Integer.getInteger("runnel.fuzz.cases", 1000);
    private static final int PER_CONNECTION = 2; // a frame that does not parse closes the connection: keep batches short
    private static final int SENTINEL_ID = 0x5e57_0000;

    @TempDir
    Path dir;

    @Test
    void mutatedFramesNeitherCrashNorCorruptNorBuffer() throws Exception {
        long seed = Long.getLong("runnel.fuzz.seed", new Random().nextLong());
        System.out.println("WireFuzzTest seed " + seed + " (-Drunnel.fuzz.seed=" + seed + " to repeat)");
        Random random = new Random(seed);
        List<byte[]> templates = FuzzTemplates.all();
        List<String> before;
        // few partitions: a mutated CreateTopics may ask for thousands
        try (RunnelBroker broker = Clients.broker(dir, "socket.request.max.bytes", String.valueOf(1 << 20),
                "queued.max.response.bytes.per.connection", String.valueOf(256 * 1024),
                "max.partitions.per.broker", "200")) {
            before = writeAndRead(broker, "kept", 40);
            int answered = 0;
            int closed = 0;
            int silent = 0;
            for (int done = 0; done < CASES; done += PER_CONNECTION) {
                switch (runBatch(broker, templates, random, Math.min(PER_CONNECTION, CASES - done))) {
                    case ANSWERED -> answered++;
                    case CLOSED -> closed++;
                    default -> silent++;
                }
            }
            System.out.printf("WireFuzzTest: %d cases in %d connections: %d answered the sentinel, %d closed, "
                    + "%d silent (a request left waiting, e.g. a long poll)%n", CASES, answered + closed + silent,
                    answered, closed, silent);
            assertThat(answered + closed).as("connections that answered or closed").isGreaterThan(silent);
            assertThat(readAll(broker, "kept", 40)).as("data written before the fuzzing").isEqualTo(before);
            assertThat(writeAndRead(broker, "after-fuzz", 5)).hasSize(5);
            assertThat(broker.networkMetrics().maxPendingResponseBytes()).isLessThan(256 * 1024 + (2 << 20));
        }
        try (RunnelBroker restarted = Clients.broker(dir)) { // recovery finds nothing to cut either
            assertThat(readAll(restarted, "kept", 40)).as("after a restart").isEqualTo(before);
        }
    }

    private enum Outcome { ANSWERED, CLOSED, SILENT }

    private static Outcome runBatch(RunnelBroker broker, List<byte[]> templates, Random random, int cases)
            throws IOException {
        try (Socket s = new Socket("127.0.0.1", broker.port())) {
            s.setSoTimeout(3000);
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            try {
                for (int i = 0; i < cases; i++) {
                    byte[] frame = mutate(templates.get(random.nextInt(templates.size())), random);
                    out.writeInt(frame.length);
                    out.write(frame);
                }
                RequestHeader sentinel = new RequestHeader(ApiKeys.API_VERSIONS, (short) 3, "fuzz", SENTINEL_ID);
                byte[] frame = RawSocket.frame(sentinel, new ApiVersionsRequestData()
                        .setClientSoftwareName("fuzz").setClientSoftwareVersion("1"));
                out.writeInt(frame.length);
                out.write(frame);
                out.flush();
            } catch (SocketException e) {
                return Outcome.CLOSED; // closed while we were still writing
            }
            return awaitSentinel(new DataInputStream(s.getInputStream()));
        }
    }

    /** Reads responses until the sentinel's; mutated requests' answers are skipped unparsed. */
    private static Outcome awaitSentinel(DataInputStream in) throws IOException {
        try {
            while (true) {
                int size = in.readInt();
                assertThat(size).as("response size").isBetween(4, 64 << 20);
                byte[] resp = new byte[size];
                in.readFully(resp);
                if (ByteBuffer.wrap(resp).getInt() == SENTINEL_ID) {
                    return Outcome.ANSWERED;
                }
            }
        } catch (SocketTimeoutException e) {
            return Outcome.SILENT;
        } catch (java.io.EOFException | SocketException e) {
            return Outcome.CLOSED;
        }
    }

    /** One of: flipped bytes, a truncation, random bytes appended, a field overwritten with an extreme int. */
    static byte[] mutate(byte[] template, Random random) {
        byte[] f = template.clone();
        switch (random.nextInt(5)) {
            case 0 -> {
                for (int n = 1 + random.nextInt(4); n > 0; n--) {
                    f[random.nextInt(f.length)] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 1 -> f = Arrays.copyOf(f, random.nextInt(f.length));
            case 2 -> {
                byte[] longer = Arrays.copyOf(f, f.length + 1 + random.nextInt(64));
                for (int i = f.length; i < longer.length; i++) {
                    longer[i] = (byte) random.nextInt();
                }
                f = longer;
            }
            case 3 -> {
                if (f.length >= 4) {
                    int[] extremes = {-1, -2, 0, Integer.MAX_VALUE, Integer.MIN_VALUE, 0x7fff, 0xffff, 1 << 24};
                    ByteBuffer.wrap(f).putInt(random.nextInt(f.length - 3), extremes[random.nextInt(extremes.length)]);
                }
            }
            default -> f[random.nextInt(f.length)] = (byte) random.nextInt();
        }
        // keep the api key valid half of the time so handlers, not just the header parser, see the bytes
        if (random.nextBoolean() && f.length >= 4 && template.length >= 4) {
            System.arraycopy(template, 0, f, 0, 4);
        }
        return f;
    }

    private static List<String> writeAndRead(RunnelBroker broker, String topic, int n) throws Exception {
        try (KafkaProducer<String, String> p = Clients.producer(broker)) {
            for (int i = 0; i < n; i++) {
                p.send(new ProducerRecord<>(topic, 0, "k" + i, "value-" + i)).get();
            }
        }
        return readAll(broker, topic, n);
    }

    private static List<String> readAll(RunnelBroker broker, String topic, int n) {
        TopicPartition tp = new TopicPartition(topic, 0);
        try (KafkaConsumer<String, String> c = Clients.consumer(broker)) {
            List<String> out = new ArrayList<>();
            for (ConsumerRecord<String, String> r : ProduceFetchTest.readAll(c, tp, n)) {
                out.add(r.offset() + ":" + r.key() + "=" + r.value());
            }
            return out;
        }
    }
}
