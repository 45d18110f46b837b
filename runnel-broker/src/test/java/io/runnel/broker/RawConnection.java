package io.runnel.broker;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.RequestHeader;
import org.apache.kafka.common.requests.RequestUtils;

/**
 * One socket speaking the Kafka protocol at exactly the version asked for: the request is written
 * and the response read by kafka-clients' generated classes, so a field outside that version's
 * shape fails on whichever side put it there.
 */
final class RawConnection implements AutoCloseable {
    private final Socket socket;
    private final DataOutputStream out;
    private final DataInputStream in;
    private int correlationId;

    RawConnection(String host, int port) throws IOException {
        socket = new Socket(host, port);
        socket.setSoTimeout(15_000);
        socket.setTcpNoDelay(true);
        out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
        in = new DataInputStream(socket.getInputStream());
    }

    /** Sends {@code request} at {@code version} and decodes the answer at that version. */
    AbstractResponse send(ApiKeys key, short version, ApiMessage request) throws IOException {
        RequestHeader header = new RequestHeader(key, version, "runnel-conformance", ++correlationId);
        ByteBuffer frame = RequestUtils.serialize(header.data(), header.headerVersion(), request, version);
        return AbstractResponse.parseResponse(ByteBuffer.wrap(exchange(frame, key, version)), header);
    }

    /** Sends {@code request} written at {@code writtenAt} under a header that claims {@code claimed}; returns the raw answer. */
    byte[] sendClaimingVersion(ApiKeys key, short writtenAt, short claimed, ApiMessage request) throws IOException {
        RequestHeader header = new RequestHeader(key, claimed, "runnel-conformance", ++correlationId);
        ByteBuffer frame = RequestUtils.serialize(header.data(), header.headerVersion(), request, writtenAt);
        return exchange(frame, key, claimed);
    }

    private byte[] exchange(ByteBuffer frame, ApiKeys key, short version) throws IOException {
        out.writeInt(frame.remaining());
        out.write(frame.array(), frame.arrayOffset() + frame.position(), frame.remaining());
        out.flush();
        int size;
        try {
            size = in.readInt();
        } catch (EOFException e) {
            throw new EOFException("the broker closed the connection instead of answering " + key + " v" + version);
        }
        byte[] response = new byte[size];
        in.readFully(response);
        return response;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
