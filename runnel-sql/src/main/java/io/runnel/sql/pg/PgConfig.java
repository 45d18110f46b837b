package io.runnel.sql.pg;

/**
 * Where and how the endpoint serves: host and port (0: any free port), the one user and database it knows, and the
 * user's password (null: no password asked, for loopback use; otherwise MD5 password authentication).
 */
public record PgConfig(String host, int port, String user, String database, String password, int maxMessageBytes) {
    public static PgConfig loopback(int port) {
        return new PgConfig("127.0.0.1", port, "runnel", "runnel", null, 64 << 20);
    }

    public PgConfig withPassword(String password) {
        return new PgConfig(host, port, user, database, password, maxMessageBytes);
    }
}
