package io.runnel.runtime.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.api.time.WatermarkStrategy;
import io.runnel.runtime.channel.Channel;
import io.runnel.runtime.channel.ChannelWriter;
import io.runnel.runtime.channel.ControlItem;
import io.runnel.runtime.channel.RecordBatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A source's watermark is emitted once per interval, so the batches between watermarks fill. */
class WatermarkCoalescingTest {
    private final long[] now = {1_000};

    private List<Object> run(long intervalMillis, boolean lastPollQuiet) {
        Channel channel = new Channel("test", 1024);
        ChannelWriter writer = new ChannelWriter(new Channel[] {channel}, (r, n) -> 0, 512);
        SourceOutput<Object> out = new SourceOutput<>(writer, WatermarkStrategy.<Object>forMonotonousTimestamps()
                .withTimestampAssigner((e, t) -> (Long) e), () -> now[0], intervalMillis);
        long ts = 0;
        for (int poll = 0; poll < 10; poll++) {
            for (int i = 0; i < 100; i++) out.collect((Object) ts++);
            out.emitPeriodic(lastPollQuiet && poll == 9);
        }
        writer.flushPartial();
        List<Object> items = new ArrayList<>();
        Object item;
        while ((item = channel.poll()) != null) items.add(item);
        return items;
    }

    private static long watermarks(List<Object> items) {
        return items.stream().filter(i -> i instanceof ControlItem.Watermark).count();
    }

    @Test
    void pollsWithinOneIntervalEmitOneWatermarkAndFullBatches() {
        List<Object> items = run(200, false);
        assertThat(watermarks(items)).isEqualTo(1);
        assertThat(items.stream().filter(i -> i instanceof RecordBatch).mapToInt(i -> ((RecordBatch) i).size))
                .containsExactly(100, 512, 388);
    }

    @Test
    void theIntervalPassingEmitsTheNextWatermark() {
        Channel channel = new Channel("test", 64);
        ChannelWriter writer = new ChannelWriter(new Channel[] {channel}, (r, n) -> 0, 512);
        SourceOutput<Object> out = new SourceOutput<>(writer, WatermarkStrategy.<Object>forMonotonousTimestamps()
                .withTimestampAssigner((e, t) -> (Long) e), () -> now[0], 200);
        out.collect((Object) 10L);
        out.emitPeriodic(false);
        out.collect((Object) 20L);
        now[0] += 199;
        out.emitPeriodic(false);
        now[0] += 1;
        out.emitPeriodic(false);
        List<Long> wms = new ArrayList<>();
        Object item;
        while ((item = channel.poll()) != null) if (item instanceof ControlItem.Watermark w) wms.add(w.timestamp());
        assertThat(wms).containsExactly(9L, 19L);
    }

    @Test
    void aQuietReaderEmitsAtOnce() {
        assertThat(watermarks(run(200, true))).isEqualTo(2);
    }

    @Test
    void zeroIntervalEmitsAfterEveryPoll() {
        assertThat(watermarks(run(0, false))).isEqualTo(10);
    }
}
