package io.runnel.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.message.ApiVersionsResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.ApiVersionsRequest;
import org.apache.kafka.common.requests.ApiVersionsResponse;
import org.apache.kafka.common.requests.RequestHeader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Raw frames: what ApiVersions advertises, and that bad frames close only their own connection. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WireProtocolTest {
    @TempDir
    static Path dir;
    RunnelBroker broker;

    @BeforeAll
    void start() {
        broker = Clients.broker(dir, "socket.request.max.bytes", "65536");
    }

    @AfterAll
    void stop() {
        broker.close();
    }

    private Socket connect() throws IOException {
        Socket s = new Socket("127.0.0.1", broker.port());
        s.setSoTimeout(5000);
        return s;
    }

    private static ApiVersionsResponse apiVersions(Socket s, short version) throws IOException {
        RequestHeader header = new RequestHeader(ApiKeys.API_VERSIONS, version, "raw-test", 7);
        ByteBuffer req = new ApiVersionsRequest.Builder().build(version).serializeWithHeader(header);
        DataOutputStream out = new DataOutputStream(s.getOutputStream());
        out.writeInt(req.remaining());
        out.write(req.array(), req.arrayOffset() + req.position(), req.remaining());
        out.flush();
        DataInputStream in = new DataInputStream(s.getInputStream());
        byte[] resp = new byte[in.readInt()];
        in.readFully(resp);
        AbstractResponse r = AbstractResponse.parseResponse(ByteBuffer.wrap(resp), header);
        return (ApiVersionsResponse) r;
    }

    @Test
    void advertisesExactlyTheHandledApisWithTheClientLibraryStableRanges() throws IOException {
        try (Socket s = connect()) {
            ApiVersionsResponseData data = apiVersions(s, ApiKeys.API_VERSIONS.latestVersion()).data();
            assertThat(data.errorCode()).isZero();
            Map<ApiKeys, ApiVersionsResponseData.ApiVersion> advertised = new HashMap<>();
            data.apiKeys().forEach(v -> advertised.put(ApiKeys.forId(v.apiKey()), v));
            assertThat(advertised.keySet()).isEqualTo(RunnelBroker.supportedApis());
            advertised.forEach((key, v) -> {
                assertThat(v.minVersion()).isEqualTo(key == ApiKeys.PRODUCE ? 0 : key.oldestVersion()); // as Kafka 4
                assertThat(v.maxVersion()).isEqualTo(key.latestVersion(false)); // stable versions only
            });
            assertThat(apiVersions(s, (short) 0).data().apiKeys()).isNotEmpty(); // pipelined on one connection
        }
    }

    @Test
    void oversizeFrameClosesTheConnectionOnly() throws IOException {
        try (Socket s = connect()) {
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            out.writeInt(10_000_000);
            out.write(new byte[1000]);
            out.flush();
            assertThat(s.getInputStream().read()).isEqualTo(-1);
        }
        try (Socket s = connect()) {
            assertThat(apiVersions(s, (short) 3).data().errorCode()).isZero();
        }
    }

    @Test
    void garbageRequestClosesTheConnectionOnly() throws IOException {
        try (Socket s = connect()) {
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            out.writeInt(6);
            out.write(new byte[] {0x7f, 0x7f, 0, 1, 2, 3});
            out.flush();
            assertThat(s.getInputStream().read()).isEqualTo(-1);
        }
        try (Socket s = connect()) {
            assertThat(apiVersions(s, (short) 3).data().errorCode()).isZero();
        }
    }
}
