package io.runnel.connectors.socket;

import io.runnel.api.connector.SourceSplit;

/**
 * The one split of a socket source. {@code linesRead} is informational only: a socket cannot be
 * rewound, so a restored reader reconnects and reads whatever the peer sends next.
 */
public record SocketSplit(String host, int port, long linesRead) implements SourceSplit {
    @Override
    public String splitId() {
        return "socket-" + host + ":" + port;
    }
}
