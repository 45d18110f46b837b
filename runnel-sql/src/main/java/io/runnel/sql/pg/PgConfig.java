package io.runnel.sql.pg;

/**
 * Where and how the endpoint serves: host and port (0: any free port), the one user and database it knows, the
 * user's password (null: no password asked, for loopback use) and how clients prove it: {@code scram-sha-256} (the
 * default, as PostgreSQL's) or {@code md5}.
 */
public record PgConfig(String host, int port, String user, String database, String password, String authMethod, int maxMessageBytes) {
    public PgConfig {
        if (!authMethod.equals("scram-sha-256") && !authMethod.equals("md5")) {
            throw new IllegalArgumentException("unknown password method '" + authMethod + "': use scram-sha-256 or md5");
        }
    }

    public static PgConfig loopback(int port) {
        return new PgConfig("127.0.0.1", port, "runnel", "runnel", null, "scram-sha-256", 64 << 20);
    }

    public PgConfig withPassword(String password) {
        return new PgConfig(host, port, user, database, password, authMethod, maxMessageBytes);
    }

    public PgConfig withAuthMethod(String method) {
        return new PgConfig(host, port, user, database, password, method, maxMessageBytes);
    }
}
