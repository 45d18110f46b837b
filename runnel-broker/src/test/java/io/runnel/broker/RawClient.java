package io.runnel.broker;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.RequestHeader;

/** One connection sending requests built with kafka-clients' request classes, for APIs the Admin lacks. */
final class RawClient implements AutoCloseable {
    private final Socket socket;
    private int correlationId;

    RawClient(RunnelBroker broker) throws IOException {
        socket = new Socket("127.0.0.1", broker.port());
        socket.setSoTimeout(10_000);
    }

    /** Sends the request at the builder's latest version (or {@code version} if given) and parses the answer. */
    @SuppressWarnings("unchecked")
    <R extends AbstractResponse> R send(AbstractRequest.Builder<?> builder, short version) throws IOException {
        AbstractRequest request = builder.build(version);
        RequestHeader header = new RequestHeader(builder.apiKey(), version, "raw-client", ++correlationId);
        ByteBuffer bytes = request.serializeWithHeader(header);
        DataOutputStream out = new DataOutputStream(socket.getOutputStream());
        out.writeInt(bytes.remaining());
        out.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
        out.flush();
        DataInputStream in = new DataInputStream(socket.getInputStream());
        byte[] resp = new byte[in.readInt()];
        in.readFully(resp);
        return (R) AbstractResponse.parseResponse(ByteBuffer.wrap(resp), header);
    }

    <R extends AbstractResponse> R send(AbstractRequest.Builder<?> builder) throws IOException {
        return send(builder, builder.latestAllowedVersion());
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
