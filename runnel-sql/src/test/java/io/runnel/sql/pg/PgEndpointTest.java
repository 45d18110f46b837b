package io.runnel.sql.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.api.JobClient;
import io.runnel.api.StreamEnvironment;
import io.runnel.sql.SqlEnvironment;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The endpoint against the PostgreSQL JDBC driver: a live view over generated data, DDL from the client, errors. */
class PgEndpointTest {
    static final String ORDERS = "CREATE TABLE orders (id BIGINT, k INT, amount BIGINT) WITH ('connector' = 'datagen',"
            + " 'rows-per-second' = '20000', 'fields.k.min' = '0', 'fields.k.max' = '9', 'fields.amount.min' = '1', 'fields.amount.max' = '100')";
    private static JobClient job;
    private static PgCatalog catalog;
    private static PgServer server;

    @BeforeAll
    static void start() throws Exception {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(2);
        SqlEnvironment sql = SqlEnvironment.create(env);
        sql.executeSql(ORDERS);
        sql.executeSql("CREATE MATERIALIZED VIEW per_k AS SELECT k, COUNT(*) AS n, SUM(amount) AS total FROM orders GROUP BY k");
        sql.executeSql("CREATE MATERIALIZED VIEW typed AS SELECT CAST(1 AS BIGINT) AS b, 2 AS i, CAST(2.5 AS DOUBLE) AS d,"
                + " CAST(12345.67 AS DECIMAL(10, 2)) AS m, CAST(-0.05 AS DECIMAL(6, 3)) AS small, 'héllo' AS s, TRUE AS t,"
                + " TIMESTAMP '2026-12-07 10:11:12.345' AS ts, DATE '2026-12-07' AS dt, CAST(NULL AS INT) AS nothing"
                + " FROM (VALUES (1)) AS x(c)");
        job = env.executeAsync("pg endpoint test");
        catalog = new PgCatalog(sql, () -> StreamEnvironment.create().setParallelism(1));
        server = PgServer.start(catalog, PgConfig.loopback(0));
    }

    @AfterAll
    static void stop() {
        server.close();
        catalog.close();
        job.cancel();
    }

    static Connection connect(String query) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.port() + "/runnel" + query, "runnel", "");
    }

    static long single(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            long v = rs.getLong(1);
            assertThat(rs.next()).isFalse();
            return v;
        }
    }

    @Test
    void aLiveViewGrowsAndEachQueryReadsOneSnapshot() throws Exception {
        try (Connection c = connect(""); Statement st = c.createStatement()) {
            long last = -1;
            int growths = 0;
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (growths < 4 && System.nanoTime() < deadline) {
                try (ResultSet rs = st.executeQuery("SELECT (SELECT COALESCE(SUM(n), 0) FROM per_k),"
                        + " (SELECT COALESCE(SUM(n), 0) FROM per_k WHERE k < 5) + (SELECT COALESCE(SUM(n), 0) FROM per_k WHERE k >= 5)")) {
                    rs.next();
                    long all = rs.getLong(1);
                    assertThat(rs.getLong(2)).as("one snapshot").isEqualTo(all);
                    assertThat(all).as("only grows").isGreaterThanOrEqualTo(last);
                    if (all > last && last >= 0) {
                        growths++;
                    }
                    last = all;
                }
                Thread.sleep(100);
            }
            assertThat(growths).isEqualTo(4);
        }
    }

    @Test
    void preparedLookupsWorkInTextAndThenInBinary() throws Exception {
        // prepareThreshold=2: from the second run the driver uses a named statement and asks for binary results
        try (Connection c = connect("?prepareThreshold=2"); PreparedStatement ps = c.prepareStatement("SELECT k, n, total FROM per_k WHERE k = ?")) {
            for (int run = 0; run < 6; run++) {
                ps.setInt(1, 3);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        assertThat(rs.getInt(1)).isEqualTo(3);
                        assertThat(rs.getLong(2)).isPositive();
                        assertThat(rs.getLong(3)).isGreaterThanOrEqualTo(rs.getLong(2));
                        assertThat(rs.next()).isFalse();
                    }
                }
            }
            ps.setInt(1, 42);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isFalse();
            }
        }
    }

    @Test
    void typesComeOutAsTheDriverReadsThem() throws Exception {
        for (String mode : List.of("", "?prepareThreshold=-1")) { // text, then binary for every statement
            try (Connection c = connect(mode); PreparedStatement ps = c.prepareStatement("SELECT * FROM typed")) {
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).as(mode).isTrue();
                    assertThat(rs.getLong("b")).isEqualTo(1L);
                    assertThat(rs.getInt("i")).isEqualTo(2);
                    assertThat(rs.getDouble("d")).isEqualTo(2.5);
                    assertThat(rs.getBigDecimal("m")).isEqualByComparingTo(new BigDecimal("12345.67"));
                    assertThat(rs.getBigDecimal("small")).isEqualByComparingTo(new BigDecimal("-0.05"));
                    assertThat(rs.getString("s")).isEqualTo("héllo");
                    assertThat(rs.getBoolean("t")).isTrue();
                    assertThat(rs.getObject("ts", LocalDateTime.class)).isEqualTo(LocalDateTime.of(2026, 12, 7, 10, 11, 12, 345_000_000));
                    assertThat(rs.getObject("dt", LocalDate.class)).isEqualTo(LocalDate.of(2026, 12, 7));
                    assertThat(rs.getObject("nothing")).isNull();
                    assertThat(rs.getMetaData().getColumnTypeName(1)).isEqualTo("int8");
                }
            }
        }
    }

    @Test
    void aPipelineCanBeBuiltFromTheClient() throws Exception {
        try (Connection c = connect(""); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE clicks (user_id INT, url STRING) WITH ('connector' = 'datagen', 'rows-per-second' = '5000',"
                    + " 'fields.user_id.min' = '1', 'fields.user_id.max' = '3', 'fields.url.length' = '4')");
            st.execute("CREATE MATERIALIZED VIEW clicks_per_user AS SELECT user_id, COUNT(*) AS n FROM clicks GROUP BY user_id");
            long deadline = System.nanoTime() + 20_000_000_000L;
            long users = 0;
            while (users < 3 && System.nanoTime() < deadline) {
                users = single(st, "SELECT COUNT(*) FROM clicks_per_user");
                Thread.sleep(100);
            }
            assertThat(users).isEqualTo(3);
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SHOW TABLES")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertThat(tables).contains("clicks", "orders");
            st.execute("DROP MATERIALIZED VIEW clicks_per_user");
            assertThatThrownBy(() -> st.executeQuery("SELECT * FROM clicks_per_user"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42P01"));
        }
    }

    @Test
    void aStaticTableIsReadWholeAndJoinsAView() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("ranks");
        java.nio.file.Files.writeString(dir.resolve("ranks.csv"), "0,zero\n1,one\n2,two\n3,three\n4,four\n5,five\n6,six\n7,seven\n8,eight\n9,nine\n");
        try (Connection c = connect(""); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE names (k INT, name STRING) WITH ('connector' = 'filesystem', 'path' = '" + dir + "', 'format' = 'csv')");
            assertThat(single(st, "SELECT COUNT(*) FROM names")).isEqualTo(10);
            try (ResultSet rs = st.executeQuery("SELECT n.name, p.n FROM per_k p JOIN names n ON p.k = n.k WHERE n.name = 'three'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("three");
                assertThat(rs.getLong(2)).isPositive();
            }
        }
    }

    @Test
    void errorsSayWhatAndTheSessionGoesOn() throws Exception {
        try (Connection c = connect(""); Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.executeQuery("SELECT * FROM orders"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getMessage()).contains("never ends"));
            assertThatThrownBy(() -> st.executeQuery("SELECT * FROM no_such_thing"))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("42P01");
                        assertThat(e.getMessage()).contains("SHOW TABLES");
                    });
            st.execute("CREATE TABLE broken (a INT) WITH ('connector' = 'nope')"); // as Flink, checked when read
            assertThatThrownBy(() -> st.execute("CREATE MATERIALIZED VIEW bad AS SELECT a FROM broken"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("nope");
            assertThatThrownBy(() -> st.executeQuery("SELEC 1")).isInstanceOf(SQLException.class);
            assertThat(single(st, "SELECT COUNT(*) FROM typed")).isEqualTo(1);
            st.execute("SET application_name = 'tests'");
            try (ResultSet rs = st.executeQuery("SHOW application_name")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("tests");
            }
        }
    }

    @Test
    void theUserDatabaseAndPasswordAreChecked() throws Exception {
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.port() + "/other", "runnel", ""))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("3D000"));
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.port() + "/runnel", "bob", ""))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28000"));
        for (String method : List.of("scram-sha-256", "md5")) {
            try (PgServer secured = PgServer.start(catalog, PgConfig.loopback(0).withPassword("s3cret").withAuthMethod(method))) {
                String url = "jdbc:postgresql://127.0.0.1:" + secured.port() + "/runnel";
                assertThatThrownBy(() -> DriverManager.getConnection(url, "runnel", "wrong")).as(method)
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
                Properties p = new Properties();
                p.setProperty("user", "runnel");
                p.setProperty("password", "s3cret");
                try (Connection c = DriverManager.getConnection(url, p); Statement st = c.createStatement()) {
                    assertThat(single(st, "SELECT COUNT(*) FROM typed")).as(method).isEqualTo(1);
                }
            }
        }
    }
}
