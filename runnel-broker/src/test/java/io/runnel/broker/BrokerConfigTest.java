package io.runnel.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.log.FsyncPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kafka config names, aliases and defaults; bad input names the config (and the file). */
class BrokerConfigTest {
    @TempDir
    Path dir;

    @Test
    void kafkaNamesAndAliasesMapOntoTheLogConfig() {
        BrokerConfig c = BrokerConfig.of(Map.of("log.dir", "/d", "log.retention.hours", "2",
                "log.flush.interval.messages", "1", "log.segment.bytes", "1048576"));
        assertThat(c.dataDir()).isEqualTo(Path.of("/d"));
        assertThat(c.logConfig().retentionMs()).isEqualTo(7_200_000);
        assertThat(c.logConfig().fsyncPolicy()).isEqualTo(FsyncPolicy.EVERY_BATCH);
        assertThat(c.logConfig().segmentBytes()).isEqualTo(1 << 20);
        assertThat(c.port()).isEqualTo(9092);
        assertThat(c.host()).isEqualTo("127.0.0.1");
        assertThat(c.autoCreateTopics()).isTrue();
        assertThat(c.advertisedHost()).isEqualTo("127.0.0.1");
        assertThat(BrokerConfig.of(Map.of("log.dirs", "/d", "host", "0.0.0.0", "advertised.host.name", "box"))
                .advertisedHost()).isEqualTo("box");
        assertThat(BrokerConfig.of(Map.of("log.dirs", "/d", "log.roll.hours", "1")).logConfig().segmentMs())
                .isEqualTo(3_600_000);
        assertThat(BrokerConfig.of(Map.of("log.dirs", "/d", "log.flush.interval.ms", "200")).logConfig().fsyncPolicy())
                .isEqualTo(FsyncPolicy.INTERVAL);
    }

    @Test
    void badInputIsRefusedWithItsName() throws Exception {
        assertThatThrownBy(() -> BrokerConfig.of(Map.of("log.dirs", "/d", "num.partitons", "3")))
                .hasMessageContaining("num.partitons");
        assertThatThrownBy(() -> BrokerConfig.of(Map.of("log.dirs", "/d", "log.segment.bytes", "big")))
                .hasMessageContaining("log.segment.bytes=big");
        assertThatThrownBy(() -> BrokerConfig.of(Map.of("log.dirs", "/d", "port", "70000")))
                .hasMessageContaining("port=70000");
        assertThatThrownBy(() -> BrokerConfig.of(Map.of()).dataDir()).hasMessageContaining("log.dirs");
        Path file = dir.resolve("broker.properties");
        Files.writeString(file, "log.dirs=/d\nauto.create.topics.enable=maybe\n");
        assertThatThrownBy(() -> BrokerConfig.load(file, Map.of()).autoCreateTopics())
                .hasMessageContaining("auto.create.topics.enable=maybe");
        Files.writeString(file, "log.dirs=/d\nwho.knows=1\n");
        assertThatThrownBy(() -> BrokerConfig.load(file, Map.of())).hasMessageContaining(file.toString())
                .hasMessageContaining("who.knows");
    }
}
