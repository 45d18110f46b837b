package io.runnel.sql.pg;

import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.api.StreamEnvironment;
import io.runnel.sql.SqlEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Clients that break the protocol get an ErrorResponse saying what, and the endpoint goes on serving the others. */
class PgBadClientTest {
    private static PgCatalog catalog;
    private static PgServer server;

    @BeforeAll
    static void start() throws Exception {
        catalog = new PgCatalog(SqlEnvironment.create(StreamEnvironment.create()), StreamEnvironment::create);
        server = PgServer.start(catalog, PgConfig.loopback(0));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Everything the server sends until it closes the connection. */
    private static String exchange(byte[] bytes) throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(bytes);
            s.getOutputStream().flush();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            DataInputStream in = new DataInputStream(s.getInputStream());
            try {
                while (true) {
                    got.write(in.readByte());
                }
            } catch (EOFException closed) {
                return got.toString(StandardCharsets.ISO_8859_1);
            }
        }
    }

    private static byte[] startup() throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(body);
        d.writeInt(196608);
        d.write("user\0runnel\0database\0runnel\0\0".getBytes(StandardCharsets.US_ASCII));
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        DataOutputStream a = new DataOutputStream(all);
        a.writeInt(body.size() + 4);
        a.write(body.toByteArray());
        return all.toByteArray();
    }

    @Test
    void aHugeLengthIsRefusedBeforeAnythingIsBuffered() throws Exception {
        String reply = exchange(new byte[] {0x40, 0, 0, 0, 0, 3, 0, 0});
        assertThat(reply).contains("08P01", "invalid message length");
    }

    @Test
    void anUnknownProtocolVersionIsRefused() throws Exception {
        String reply = exchange(new byte[] {0, 0, 0, 8, 0, 2, 0, 0});
        assertThat(reply).contains("unsupported frontend protocol 2.0");
    }

    @Test
    void anUnknownMessageTypeEndsThatConnectionOnly() throws Exception {
        byte[] start = startup();
        byte[] bad = {'W', 0, 0, 0, 4};
        byte[] both = new byte[start.length + bad.length];
        System.arraycopy(start, 0, both, 0, start.length);
        System.arraycopy(bad, 0, both, start.length, bad.length);
        String reply = exchange(both);
        assertThat(reply).contains("unsupported frontend message type 'W'");
        try (var c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.port() + "/runnel", "runnel", "");
             var rs = c.createStatement().executeQuery("SELECT 1 + 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(2);
        }
    }

    @Test
    void aMessageThatEndsEarlyIsAProtocolError() throws Exception {
        byte[] start = startup();
        byte[] cut = {'P', 0, 0, 0, 6, 'x', 'y'}; // a Parse whose strings are not terminated
        byte[] both = new byte[start.length + cut.length];
        System.arraycopy(start, 0, both, 0, start.length);
        System.arraycopy(cut, 0, both, start.length, cut.length);
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(both);
            s.getOutputStream().write(new byte[] {'S', 0, 0, 0, 4});
            s.getOutputStream().flush();
            byte[] buf = new byte[4096];
            StringBuilder got = new StringBuilder();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!got.toString().contains("not terminated") && System.nanoTime() < deadline) {
                int n = s.getInputStream().read(buf);
                if (n < 0) {
                    break;
                }
                got.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
            }
            assertThat(got.toString()).contains("08P01", "not terminated");
        }
    }
}
