package io.runnel.connectors;

import io.runnel.api.connector.InputStatus;
import io.runnel.api.connector.Source;
import io.runnel.api.connector.SourceReader;
import io.runnel.api.connector.SourceReaderContext;
import io.runnel.api.connector.SourceSplit;
import io.runnel.testing.CollectingReaderOutput;
import java.util.ArrayList;
import java.util.List;

/**
 * Drives source readers as a restore does: read some, snapshot, drop the reader, give the
 * snapshot's splits to a new reader (of the same or another parallelism). Records come back with
 * their timestamps as {@code record@timestamp} strings, so a comparison covers both.
 */
public final class ReaderResume {
    private static final int MAX_POLLS = 10_000_000; // a reader that never ends fails instead of hanging

    private ReaderResume() {}

    public static SourceReaderContext context(int subtask, int parallelism) {
        return new SourceReaderContext() {
            @Override
            public int subtaskIndex() {
                return subtask;
            }

            @Override
            public int parallelism() {
                return parallelism;
            }
        };
    }

    /** The splits subtask {@code subtask} of {@code parallelism} gets: dealt round-robin, as the runtime deals them. */
    public static <S> List<S> dealt(List<S> splits, int subtask, int parallelism) {
        List<S> mine = new ArrayList<>();
        for (int i = subtask; i < splits.size(); i += parallelism) mine.add(splits.get(i));
        return mine;
    }

    /** What subtask {@code subtask} of {@code parallelism} emits, read in one go. */
    public static <T, S extends SourceSplit> List<String> uninterrupted(Source<T, S> source, int subtask, int parallelism) throws Exception {
        return withRestores(source, dealt(source.createSplits(parallelism), subtask, parallelism), subtask, parallelism, MAX_POLLS);
    }

    /** Reads {@code splits} to the end, restoring into a new reader after every {@code pollsPerAttempt} polls. */
    public static <T, S extends SourceSplit> List<String> withRestores(Source<T, S> source, List<S> splits, int subtask, int parallelism,
            int pollsPerAttempt) throws Exception {
        List<String> emitted = new ArrayList<>();
        List<S> state = splits;
        for (int attempt = 0; attempt < MAX_POLLS; attempt++) {
            SourceReader<T, S> reader = source.createReader(context(subtask, parallelism));
            reader.addSplits(state);
            boolean ended = poll(reader, pollsPerAttempt, emitted);
            state = reader.snapshotState(attempt);
            reader.close();
            if (ended) return emitted;
        }
        throw new AssertionError("no end of input after " + MAX_POLLS + " attempts");
    }

    /** Polls up to {@code polls} times or to end of input (true); appends what it emitted. */
    public static <T, S extends SourceSplit> boolean poll(SourceReader<T, S> reader, int polls, List<String> emitted) throws Exception {
        CollectingReaderOutput<T> out = new CollectingReaderOutput<>();
        boolean ended = false;
        for (int i = 0; i < polls && !ended; i++) ended = reader.pollNext(out) == InputStatus.END_OF_INPUT;
        for (int i = 0; i < out.records.size(); i++) emitted.add(out.records.get(i) + "@" + out.timestamps.get(i));
        return ended;
    }

    /**
     * A restore with another parallelism: {@code oldPolls.length} readers each poll as often as
     * given and snapshot; the union of their splits is dealt round-robin to {@code newParallelism}
     * new readers, read to the end. Returns everything emitted, before and after.
     */
    public static <T, S extends SourceSplit> List<String> rescaled(Source<T, S> source, int[] oldPolls, int newParallelism) throws Exception {
        int oldParallelism = oldPolls.length;
        List<S> splits = source.createSplits(oldParallelism);
        List<String> emitted = new ArrayList<>();
        List<S> union = new ArrayList<>();
        for (int k = 0; k < oldParallelism; k++) {
            SourceReader<T, S> reader = source.createReader(context(k, oldParallelism));
            reader.addSplits(dealt(splits, k, oldParallelism));
            poll(reader, oldPolls[k], emitted);
            union.addAll(reader.snapshotState(1));
            reader.close();
        }
        for (int k = 0; k < newParallelism; k++) {
            emitted.addAll(withRestores(source, dealt(union, k, newParallelism), k, newParallelism, MAX_POLLS));
        }
        return emitted;
    }

    /** Everything all {@code parallelism} subtasks emit, read in one go. */
    public static <T, S extends SourceSplit> List<String> allUninterrupted(Source<T, S> source, int parallelism) throws Exception {
        List<String> all = new ArrayList<>();
        for (int k = 0; k < parallelism; k++) all.addAll(uninterrupted(source, k, parallelism));
        return all;
    }
}
