package io.runnel.connectors.file;

import io.runnel.api.connector.InputStatus;
import io.runnel.api.connector.ReaderOutput;
import io.runnel.api.connector.SourceReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** Reads its files one after another, a bounded batch of lines per poll. */
final class FileSourceReader<T> implements SourceReader<T, FileSplit> {
    static final int BATCH = 256;
    private final LineParser<T> parser;
    private final ArrayDeque<FileSplit> pending = new ArrayDeque<>();
    private FileSplit current;
    private Path currentPath;
    private PositionedLineReader lines;
    private long lineNumber;

    FileSourceReader(LineParser<T> parser) {
        this.parser = parser;
    }

    @Override
    public void addSplits(List<FileSplit> splits) {
        pending.addAll(splits);
    }

    @Override
    public InputStatus pollNext(ReaderOutput<T> output) throws Exception {
        if (current == null && !openNext()) return InputStatus.END_OF_INPUT;
        ReaderOutput<T> out = output.forSplit(current.splitId());
        for (int i = 0; i < BATCH; i++) {
            String line = readLine();
            if (line == null) {
                finishCurrent(output);
                return pending.isEmpty() ? InputStatus.END_OF_INPUT : InputStatus.MORE_AVAILABLE;
            }
            T record = parse(line);
            lineNumber++;
            if (record != null) out.collect(record);
        }
        return InputStatus.MORE_AVAILABLE;
    }

    private String readLine() throws IOException {
        try {
            return lines.readLine();
        } catch (CharacterCodingException e) {
            throw new IOException("line " + lineNumber + " of " + current.path() + " is not valid UTF-8", e);
        }
    }

    private T parse(String line) throws MalformedLineException {
        try {
            return parser.parse(line, currentPath);
        } catch (Exception e) {
            throw new MalformedLineException(current.path(), lineNumber, line, e);
        }
    }

    private boolean openNext() throws IOException {
        current = pending.poll();
        if (current == null) return false;
        currentPath = Path.of(current.path());
        FileChannel channel = FileChannel.open(currentPath, StandardOpenOption.READ);
        channel.position(current.offset());
        InputStream in = Channels.newInputStream(channel);
        lines = new PositionedLineReader(in, current.offset());
        lineNumber = current.lineNumber();
        return true;
    }

    private void finishCurrent(ReaderOutput<T> output) throws IOException {
        lines.close();
        output.releaseSplit(current.splitId());
        current = null;
        lines = null;
    }

    @Override
    public List<FileSplit> snapshotState(long checkpointId) {
        List<FileSplit> splits = new ArrayList<>();
        if (current != null) splits.add(new FileSplit(current.path(), lines.offset(), lineNumber));
        splits.addAll(pending);
        return splits;
    }

    @Override
    public void close() throws IOException {
        if (lines != null) lines.close();
    }
}
