package io.runnel.testing;

import io.runnel.api.connector.Boundedness;
import io.runnel.api.connector.InputStatus;
import io.runnel.api.connector.ReaderOutput;
import io.runnel.api.connector.Source;
import io.runnel.api.connector.SourceReader;
import io.runnel.api.connector.SourceReaderContext;
import io.runnel.api.connector.SourceSplit;
import java.util.ArrayList;
import java.util.List;

/**
 * The numbers 0..count-1 as longs with event time = the number, in {@code splits} strided splits
 * whose positions go into checkpoints; at most {@code perMilli} records per millisecond per
 * reader, so a test job lives long enough to checkpoint. For exactly-once tests.
 */
public final class SequenceSource implements Source<Long, SequenceSource.Split> {
    private final long count;
    private final int splits;
    private final int perMilli;

    /** Numbers {@code next}, {@code next + stride}, ... below {@code end}. */
    public record Split(int index, long next, long end, int stride) implements SourceSplit {
        @Override
        public String splitId() {
            return "seq-" + index;
        }
    }

    public SequenceSource(long count, int splits, int perMilli) {
        this.count = count;
        this.splits = splits;
        this.perMilli = perMilli;
    }

    @Override
    public Boundedness boundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public List<Split> createSplits(int parallelism) {
        List<Split> out = new ArrayList<>();
        for (int i = 0; i < splits; i++) out.add(new Split(i, i, count, splits));
        return out;
    }

    @Override
    public SourceReader<Long, Split> createReader(SourceReaderContext context) {
        return new Reader();
    }

    /** Reads its splits interleaved, so the numbers (and event times) of one reader ascend. */
    private final class Reader implements SourceReader<Long, Split> {
        private final List<long[]> cursors = new ArrayList<>(); // {index, next, end, stride}
        private int turn;
        private long millis;
        private int thisMilli;

        @Override
        public void addSplits(List<Split> s) {
            for (Split x : s) cursors.add(new long[] {x.index(), x.next(), x.end(), x.stride()});
            cursors.sort(java.util.Comparator.comparingLong(c -> c[1]));
        }

        @Override
        public InputStatus pollNext(ReaderOutput<Long> output) {
            long now = System.currentTimeMillis();
            if (now != millis) {
                millis = now;
                thisMilli = 0;
            }
            for (int i = 0; i < 64; i++) {
                if (cursors.isEmpty()) return InputStatus.END_OF_INPUT;
                if (thisMilli >= perMilli) return InputStatus.NOTHING_AVAILABLE;
                if (turn >= cursors.size()) turn = 0;
                long[] c = cursors.get(turn);
                if (c[1] >= c[2]) {
                    output.releaseSplit("seq-" + c[0]);
                    cursors.remove(turn);
                    continue;
                }
                output.forSplit("seq-" + c[0]).collect(c[1], c[1]);
                c[1] += c[3];
                turn++;
                thisMilli++;
            }
            return InputStatus.MORE_AVAILABLE;
        }

        @Override
        public List<Split> snapshotState(long checkpointId) {
            List<Split> out = new ArrayList<>();
            for (long[] c : cursors) out.add(new Split((int) c[0], c[1], c[2], (int) c[3]));
            return out;
        }
    }
}
