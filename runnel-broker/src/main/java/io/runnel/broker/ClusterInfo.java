package io.runnel.broker;

/** This broker as clients see it: node id, host, the bound port (known after bind), cluster id. */
public final class ClusterInfo {
    private final int nodeId;
    private final String host;
    private final String clusterId;
    private volatile int port;

    ClusterInfo(int nodeId, String host, String clusterId) {
        this.nodeId = nodeId;
        this.host = host;
        this.clusterId = clusterId;
    }

    public int nodeId() {
        return nodeId;
    }

    public String host() {
        return host;
    }

    public String clusterId() {
        return clusterId;
    }

    public int port() {
        return port;
    }

    void port(int boundPort) {
        this.port = boundPort;
    }
}
