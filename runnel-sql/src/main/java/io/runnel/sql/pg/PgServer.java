package io.runnel.sql.pg;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The PostgreSQL endpoint: serves {@link PgCatalog}'s views and statements on a port until closed. One network
 * thread reads and writes; each connection's statements run on that connection's own thread.
 */
public final class PgServer implements AutoCloseable {
    private final PgCatalog catalog;
    private final PgConfig config;
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Map<Integer, PgConnection> connections = new ConcurrentHashMap<>();
    private final AtomicInteger pids = new AtomicInteger(1000);
    private final Channel serverChannel;

    private PgServer(PgCatalog catalog, PgConfig config) throws InterruptedException {
        this.catalog = catalog;
        this.config = config;
        try {
            serverChannel = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            PgConnection c = new PgConnection(PgServer.this, pids.incrementAndGet());
                            connections.put(c.pid(), c);
                            ch.pipeline().addLast(new PgFrameDecoder(config.maxMessageBytes()), c);
                        }
                    })
                    .bind(config.host(), config.port()).sync().channel();
        } catch (InterruptedException | RuntimeException e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw e;
        }
    }

    /** Serves on {@code config}'s host and port; throws when the port is taken. */
    public static PgServer start(PgCatalog catalog, PgConfig config) throws InterruptedException {
        return new PgServer(catalog, config);
    }

    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    PgConfig config() {
        return config;
    }

    PgCatalog catalog() {
        return catalog;
    }

    void forget(PgConnection c) {
        connections.remove(c.pid());
    }

    void cancel(int pid, int secret) {
        PgConnection c = connections.get(pid);
        if (c != null && c.secretIs(secret)) {
            c.cancel();
        }
    }

    @Override
    public void close() {
        serverChannel.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
