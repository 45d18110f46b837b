package io.runnel.connectors.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.api.StreamEnvironment;
import io.runnel.api.connector.InputStatus;
import io.runnel.api.time.WatermarkStrategy;
import io.runnel.testing.CollectSink;
import io.runnel.testing.CollectingReaderOutput;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SocketTextSourceTest {
    static List<String> lines(int n) {
        return IntStream.range(0, n).mapToObj(i -> "line " + i + " ✓").collect(Collectors.toList());
    }

    /** Accepts one connection, writes the lines, closes. */
    static CompletableFuture<Void> serve(ServerSocket server, List<String> lines) {
        return CompletableFuture.runAsync(() -> {
            try (Socket peer = server.accept();
                 PrintWriter out = new PrintWriter(new OutputStreamWriter(peer.getOutputStream(), StandardCharsets.UTF_8))) {
                for (String line : lines) out.print(line + "\n");
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static ServerSocket localServer() throws IOException {
        return new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    static List<String> runJob(SocketTextSource source, int parallelism) throws Exception {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism);
        CollectSink<String> sink = new CollectSink<>();
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "socket").sinkTo(sink);
        env.execute("socket");
        List<String> result = sink.results();
        sink.clear();
        return result;
    }

    @Test
    void readsEveryLineInOrderUntilThePeerCloses() throws Exception {
        try (ServerSocket server = localServer()) {
            List<String> input = lines(5_000);
            CompletableFuture<Void> peer = serve(server, input);
            assertThat(runJob(new SocketTextSource("127.0.0.1", server.getLocalPort()), 2)).containsExactlyElementsOf(input);
            peer.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aTinyQueueBackpressuresTheFetcherWithoutLosingLines() throws Exception {
        try (ServerSocket server = localServer()) {
            List<String> input = lines(20_000);
            serve(server, input);
            assertThat(runJob(new SocketTextSource("127.0.0.1", server.getLocalPort(), 3), 1)).containsExactlyElementsOf(input);
        }
    }

    @Test
    void aRefusedConnectionFailsTheJobNamingTheAddress() throws Exception {
        int port;
        try (ServerSocket server = localServer()) {
            port = server.getLocalPort();
        }
        int closedPort = port;
        assertThatThrownBy(() -> runJob(new SocketTextSource("127.0.0.1", closedPort), 1))
                .satisfies(e -> assertThat(messages(e)).contains("127.0.0.1:" + closedPort));
    }

    @Test
    void pollNeverWaitsAndCloseDisconnects() throws Exception {
        try (ServerSocket server = localServer()) {
            SocketTextReader reader = new SocketTextReader(16, 5_000);
            reader.addSplits(List.of(new SocketSplit("127.0.0.1", server.getLocalPort(), 0)));
            try (Socket peer = server.accept()) {
                CollectingReaderOutput<String> out = new CollectingReaderOutput<>();
                List<String> got = out.records;
                assertThat(reader.pollNext(out)).isEqualTo(InputStatus.NOTHING_AVAILABLE); // the peer sent nothing yet
                peer.getOutputStream().write("hello\n".getBytes(StandardCharsets.UTF_8));
                peer.getOutputStream().flush();
                while (got.isEmpty()) {
                    assertThat(reader.pollNext(out)).isNotEqualTo(InputStatus.END_OF_INPUT);
                    Thread.sleep(1);
                }
                assertThat(got).containsExactly("hello");
                assertThat(reader.snapshotState(1)).containsExactly(new SocketSplit("127.0.0.1", server.getLocalPort(), 1));
                reader.close();
                assertThat(peer.getInputStream().read()).isEqualTo(-1); // the reader's side is closed
            }
        }
    }

    static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) all.append(t.getMessage()).append('\n');
        return all.toString();
    }

}
