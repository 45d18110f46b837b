package io.runnel.connectors.socket;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Connects and reads lines on its own daemon thread into a bounded queue, because socket reads
 * block and a reader's poll must not. A full queue blocks the thread: that is the backpressure
 * that reaches the peer through TCP flow control.
 */
final class SocketLineFetcher implements AutoCloseable {
    private final String host;
    private final int port;
    private final int connectTimeoutMillis;
    private final BlockingQueue<String> lines;
    private final Thread thread;
    private volatile Socket socket;
    private volatile boolean finished;
    private volatile boolean closed;
    private volatile IOException failure;

    SocketLineFetcher(String host, int port, int queueCapacity, int connectTimeoutMillis) {
        this.host = host;
        this.port = port;
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.lines = new ArrayBlockingQueue<>(queueCapacity);
        this.thread = new Thread(this::run, "runnel-socket-" + host + ":" + port);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        try (Socket s = new Socket()) {
            socket = s;
            if (closed) return;
            s.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            for (String line; (line = in.readLine()) != null; ) lines.put(line);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // close() stopped us
        } catch (IOException e) {
            if (!closed) failure = new IOException("socket source " + host + ":" + port + " failed: " + e.getMessage(), e);
        } finally {
            finished = true; // written after the last put: a reader that sees it and then an empty queue is done
        }
    }

    /**
     * Moves up to {@code max} lines into {@code sink}. Returns false once every line was drained
     * and the peer closed the connection; throws if reading failed.
     */
    boolean drainTo(Collection<String> sink, int max) throws IOException {
        boolean wasFinished = finished;
        lines.drainTo(sink, max);
        if (!wasFinished || !lines.isEmpty()) return true;
        if (failure != null) throw failure;
        return false;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        thread.interrupt();
        Socket s = socket;
        if (s != null) s.close(); // unblocks a read in progress
    }
}
