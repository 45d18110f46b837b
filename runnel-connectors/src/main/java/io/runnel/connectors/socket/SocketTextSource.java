package io.runnel.connectors.socket;

import io.runnel.api.connector.Boundedness;
import io.runnel.api.connector.Source;
import io.runnel.api.connector.SourceReader;
import io.runnel.api.connector.SourceReaderContext;
import java.util.List;

/**
 * Reads UTF-8 lines from {@code host:port} (the classic {@code nc -lk 9999} demo input) until the
 * peer closes the connection. One split, so only the first reader connects. Not replayable: after
 * a restore it reconnects and reads on from whatever the peer sends.
 */
public final class SocketTextSource implements Source<String, SocketSplit> {
    private static final long serialVersionUID = 1L;
    static final int DEFAULT_QUEUE_CAPACITY = 4096;
    static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    private final String host;
    private final int port;
    private final int queueCapacity;

    public SocketTextSource(String host, int port) {
        this(host, port, DEFAULT_QUEUE_CAPACITY);
    }

    /** {@code queueCapacity} lines are read ahead at most. */
    public SocketTextSource(String host, int port, int queueCapacity) {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be in 0..65535, got " + port);
        if (queueCapacity < 1) throw new IllegalArgumentException("queue capacity must be at least 1, got " + queueCapacity);
        this.host = host;
        this.port = port;
        this.queueCapacity = queueCapacity;
    }

    @Override
    public Boundedness boundedness() {
        return Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public List<SocketSplit> createSplits(int parallelism) {
        return List.of(new SocketSplit(host, port, 0));
    }

    @Override
    public SourceReader<String, SocketSplit> createReader(SourceReaderContext context) {
        return new SocketTextReader(queueCapacity, CONNECT_TIMEOUT_MILLIS);
    }
}
