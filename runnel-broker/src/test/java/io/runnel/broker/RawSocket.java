package io.runnel.broker;

import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.RequestHeader;
import org.apache.kafka.common.requests.RequestUtils;

/** A raw socket to the broker (see also RawConnection, by host and port): frames built with kafka-clients' message classes, sent as they are. */
final class RawSocket implements Closeable {
    private final Socket socket;
    private final DataOutputStream out;
    private final DataInputStream in;
    private int correlationId;

    RawSocket(RunnelBroker broker) throws IOException {
        socket = new Socket("127.0.0.1", broker.port());
        socket.setSoTimeout(10_000);
        out = new DataOutputStream(socket.getOutputStream());
        in = new DataInputStream(socket.getInputStream());
    }

    Socket socket() {
        return socket;
    }

    RequestHeader header(ApiMessage data, short version) {
        return new RequestHeader(ApiKeys.forId(data.apiKey()), version, "raw", ++correlationId);
    }

    /** The request's bytes (header and body) without the length prefix. */
    static byte[] frame(RequestHeader header, ApiMessage data) {
        ByteBuffer b = RequestUtils.serialize(header.data(), header.headerVersion(), data, header.apiVersion());
        byte[] bytes = new byte[b.remaining()];
        b.get(bytes);
        return bytes;
    }

    void sendFrame(byte[] frame) throws IOException {
        out.writeInt(frame.length);
        out.write(frame);
        out.flush();
    }

    AbstractResponse receive(RequestHeader header) throws IOException {
        byte[] resp = new byte[in.readInt()];
        in.readFully(resp);
        return AbstractResponse.parseResponse(ByteBuffer.wrap(resp), header);
    }

    /** Sends one request and reads its response. */
    @SuppressWarnings("unchecked")
    <T extends AbstractResponse> T call(ApiMessage data, short version) throws IOException {
        RequestHeader header = header(data, version);
        sendFrame(frame(header, data));
        return (T) receive(header);
    }

    /** Whether the broker closed the connection (reads end-of-stream), discarding any response bytes. */
    boolean closedByBroker() throws IOException {
        try {
            while (in.read() >= 0) {
                // drain
            }
            return true;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (java.net.SocketException e) {
            return true; // reset
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
