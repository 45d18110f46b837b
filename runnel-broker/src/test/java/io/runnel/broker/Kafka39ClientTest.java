package io.runnel.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official Java client 3.9 (copied into {@code target/kafka-clients-compat} by the build)
 * against the broker, loaded child-first so it does not meet the 4.4 classes the broker runs on:
 * admin, idempotent produce, a consumer group resuming from committed offsets, a transaction read
 * with read_committed ({@link io.runnel.broker.compat.OldClientProgram}).
 */
class Kafka39ClientTest {
    @TempDir
    Path dir;

    @Test
    void theKafka39ClientProducesConsumesCommitsAndTransacts() throws Exception {
        Path jar = compatJar();
        URL[] urls = {jar.toUri().toURL(), Path.of(io.runnel.broker.compat.OldClientProgram.class
                .getProtectionDomain().getCodeSource().getLocation().toURI()).toUri().toURL()};
        String bootstrap = TestBootstrap.external().orElse(null);
        try (RunnelBroker broker = bootstrap == null ? Clients.broker(dir) : null;
             ChildFirstClassLoader loader = new ChildFirstClassLoader(urls, getClass().getClassLoader(),
                     List.of("org.apache.kafka.", "io.runnel.broker.compat."))) {
            List<String> facts = runIsolated(loader, bootstrap != null ? bootstrap : broker.bootstrapServers());
            assertThat(facts).containsExactly(
                    "clientVersion=" + jar.getFileName().toString().replace("kafka-clients-", "").replace(".jar", ""),
                    "listed=true", "listedAfterDelete=false",
                    "firstRun=10", "committed=10", "secondRun=[v10, v11]",
                    "read_committed=[committed-1, committed-2, committed-3]",
                    "read_uncommitted=[committed-1, committed-2, aborted, committed-3]");
            assertThat(facts.get(0)).startsWith("clientVersion=3.9.");
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> runIsolated(ClassLoader loader, String bootstrap) throws Exception {
        Class<?> program = loader.loadClass("io.runnel.broker.compat.OldClientProgram");
        assertThat(program.getClassLoader()).isSameAs(loader);
        assertThat(loader.loadClass("org.apache.kafka.clients.producer.KafkaProducer").getClassLoader()).isSameAs(loader);
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        current.setContextClassLoader(loader); // kafka-clients loads serializers by name through it
        try {
            return ((Function<String, List<String>>) program.getDeclaredConstructor().newInstance()).apply(bootstrap);
        } finally {
            current.setContextClassLoader(previous);
        }
    }

    private static Path compatJar() throws IOException {
        Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        Path copied = module.resolve("target/kafka-clients-compat");
        try (Stream<Path> jars = Files.list(copied)) {
            return jars.filter(p -> p.getFileName().toString().matches("kafka-clients-3\\.9\\..*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no kafka-clients 3.9 jar in " + copied
                            + " (the maven-dependency-plugin execution copy-kafka-clients-compat puts it there)"));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalStateException(copied + " is missing: run the build's generate-test-resources phase", e);
        }
    }
}
