package io.runnel.broker;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.apache.kafka.common.network.ClientInformation;
import org.apache.kafka.common.network.ListenerName;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.RequestAndSize;
import org.apache.kafka.common.requests.RequestContext;
import org.apache.kafka.common.requests.RequestHeader;
import org.apache.kafka.common.security.auth.KafkaPrincipal;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection. Requests are handled one at a time in arrival order, as Kafka brokers
 * do, so responses go out in request order. Frames waiting behind the current request are queued;
 * once {@code maxInFlight} frames or {@code maxQueuedBytes} bytes are queued the socket stops being
 * read, which pushes back on the client through TCP. The next request is not started while the
 * channel is not writable (responses above the write buffer's high-water mark are waiting for the
 * client to read them) nor while the broker-wide {@link RequestSlots} are all taken; reading
 * resumes when the channel drains or a slot frees. The queue and the flags are touched only on the
 * channel's event loop.
 */
final class ConnectionHandler extends SimpleChannelInboundHandler<ByteBuf> {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionHandler.class);
    private static final ListenerName LISTENER = ListenerName.forSecurityProtocol(SecurityProtocol.PLAINTEXT);

    private final KafkaApis apis;
    private final Executor io;
    private final int maxInFlight;
    private final long maxQueuedBytes;
    private final RequestSlots slots;
    private final NetworkMetrics metrics;
    private final ArrayDeque<ByteBuffer> queue = new ArrayDeque<>();
    private long queuedBytes;
    private boolean busy;
    private boolean waitingForSlot;
    private String connectionId;

    ConnectionHandler(KafkaApis apis, Executor io, int maxInFlight, long maxQueuedBytes, RequestSlots slots,
                      NetworkMetrics metrics) {
        this.apis = apis;
        this.io = io;
        this.maxInFlight = maxInFlight;
        this.maxQueuedBytes = maxQueuedBytes;
        this.slots = slots;
        this.metrics = metrics;
    }

    private boolean full() {
        return queue.size() >= maxInFlight || queuedBytes >= maxQueuedBytes;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        connectionId = ctx.channel().localAddress() + "-" + ctx.channel().remoteAddress();
        super.channelActive(ctx);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) {
        ByteBuffer copy = ByteBuffer.allocate(frame.readableBytes());
        frame.readBytes(copy);
        copy.flip();
        queue.add(copy);
        queuedBytes += copy.capacity();
        if (full()) {
            ctx.channel().config().setAutoRead(false);
        }
        processNext(ctx);
    }

    private void processNext(ChannelHandlerContext ctx) {
        if (busy || waitingForSlot || queue.isEmpty() || !ctx.channel().isActive() || !ctx.channel().isWritable()) {
            return;
        }
        if (!slots.tryAcquire(() -> ctx.executor().execute(() -> {
            waitingForSlot = false;
            processNext(ctx);
        }))) {
            waitingForSlot = true;
            return;
        }
        busy = true;
        ByteBuffer frame = queue.poll();
        queuedBytes -= frame.capacity();
        try {
            io.execute(() -> process(ctx, frame));
        } catch (RejectedExecutionException e) {
            slots.release();
            ctx.close(); // shutting down
        }
    }

    private void process(ChannelHandlerContext ctx, ByteBuffer frame) {
        RequestContext context;
        RequestAndSize request;
        try {
            RequestHeader header = RequestHeader.parse(frame);
            InetSocketAddress remote = (InetSocketAddress) ctx.channel().remoteAddress();
            context = new RequestContext(header, connectionId, remote.getAddress(), KafkaPrincipal.ANONYMOUS,
                    LISTENER, SecurityProtocol.PLAINTEXT, ClientInformation.EMPTY, false);
            request = context.parseRequest(frame);
        } catch (RuntimeException e) {
            LOG.warn("Closing connection {}: cannot parse request: {}", connectionId, e.getMessage());
            slots.release();
            ctx.close();
            finished(ctx);
            return;
        }
        CompletableFuture<AbstractResponse> response;
        try {
            response = apis.handle(context, request.request);
        } catch (RuntimeException e) {
            response = CompletableFuture.failedFuture(e);
        } finally {
            slots.release(); // a parked fetch waits for data without holding a slot
        }
        response.whenComplete((r, error) -> respond(ctx, context, request, r, error));
    }

    private void respond(ChannelHandlerContext ctx, RequestContext context, RequestAndSize request,
                         AbstractResponse response, Throwable error) {
        try {
            if (error != null) {
                Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                LOG.debug("{} from {} failed", context.header.apiKey(), connectionId, cause);
                response = request.request.getErrorResponse(cause);
            }
            if (response != null) {
                new NettyOutput().collect(context.buildResponseSend(response)).writeTo(ctx);
            }
        } catch (RuntimeException | java.io.IOException e) {
            LOG.warn("Closing connection {}: cannot answer {}: {}", connectionId, context.header.apiKey(), e.toString());
            ctx.close();
        }
        finished(ctx);
    }

    /** After a request is answered (or dropped): on the event loop, moves on to the next. */
    private void finished(ChannelHandlerContext ctx) {
        metrics.requestHandled();
        ctx.executor().execute(() -> {
            busy = false;
            var outbound = ctx.channel().unsafe().outboundBuffer();
            if (outbound != null) {
                metrics.recordPendingResponseBytes(outbound.totalPendingWriteBytes());
            }
            resume(ctx);
        });
    }

    /** Reads and handles more only while the client takes its responses. */
    private void resume(ChannelHandlerContext ctx) {
        if (!ctx.channel().isWritable()) {
            ctx.channel().config().setAutoRead(false);
            return;
        }
        if (!full()) {
            ctx.channel().config().setAutoRead(true);
        }
        processNext(ctx);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        if (ctx.channel().isWritable() && !busy) {
            resume(ctx);
        }
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof io.netty.handler.timeout.IdleStateEvent) {
            LOG.debug("Closing idle connection {}", connectionId);
            ctx.close();
        } else {
            super.userEventTriggered(ctx, evt);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.warn("Closing connection {}: {}", connectionId, cause.toString());
        ctx.close();
    }
}
