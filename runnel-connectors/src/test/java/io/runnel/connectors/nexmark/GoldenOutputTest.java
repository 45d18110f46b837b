package io.runnel.connectors.nexmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** Whole-output checks against the Flink anchor (GENERATOR.md §6, RESULTS.md). */
class GoldenOutputTest {
    private static final int N = 1_000_000;

    @Test
    void firstMillionEventsHashToTheAnchorsFile() throws Exception {
        NexmarkGenerator gen = new NexmarkGenerator();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        StringBuilder line = new StringBuilder(256);
        Event e = new Event();
        for (long i = 0; i < N; i++) {
            line.setLength(0);
            EventJson.append(line, gen.fill(i, e));
            line.append('\n');
            sha.update(line.toString().getBytes(StandardCharsets.US_ASCII));
        }
        assertThat(HexFormat.of().formatHex(sha.digest()))
                .isEqualTo("87c784ae5875f3e61328c84c415591417f373278d1609d61f2811441ee48a5e0");
    }

    /** The anchor's baseline-sum: person.id + auction.reserve + bid.price over events 0..999,999. */
    @Test
    void baselineSumOfTheFirstMillionEvents() {
        NexmarkGenerator gen = new NexmarkGenerator();
        Event e = new Event();
        long sum = 0;
        for (long i = 0; i < N; i++) {
            gen.fill(i, e);
            switch (e.kind()) {
                case PERSON: sum += e.person().id; break;
                case AUCTION: sum += e.auction().reserve; break;
                default: sum += e.bid().price;
            }
        }
        assertThat(sum).isEqualTo(10_619_385_289_683L);
    }
}
