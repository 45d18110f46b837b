package io.runnel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The demo runs to its end by itself, straight from the generator and through the embedded broker. */
class DemoCommandTest {
    @Test
    void demoEndsOnItsOwnWithResults() {
        long before = DemoCommand.EVENTS.sum();
        int code = new CommandLine(new RunnelCommand()).execute("demo", "--seconds", "2", "--rate", "500000");
        assertThat(code).isZero();
        assertThat(DemoCommand.EVENTS.sum() - before).isEqualTo(1_000_000);
        assertThat(DemoCommand.ROWS.sum()).isPositive();
    }

    @Test
    void demoThroughTheEmbeddedBrokerReadsEveryProducedEvent() {
        long before = DemoCommand.EVENTS.sum();
        int code = new CommandLine(new RunnelCommand()).execute("demo", "--log", "embedded", "--seconds", "2", "--rate", "20000");
        assertThat(code).isZero();
        assertThat(DemoCommand.EVENTS.sum() - before).isEqualTo(40_000);
    }

    @Test
    void theSqlDemoServesItsViewsWhileTheyUpdate() throws Exception {
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        Thread demo = new Thread(() -> {
            try {
                DemoSql.run(6, 100_000, 2, 0, new java.io.PrintStream(buf, true));
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        demo.start();
        java.util.regex.Matcher port = null;
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline && (port == null || !port.find(0))) {
            Thread.sleep(50);
            port = java.util.regex.Pattern.compile("-p (\\d+) -U runnel").matcher(buf.toString());
        }
        assertThat(port.find(0)).as(buf.toString()).isTrue();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port.group(1) + "/runnel", "runnel", "");
             java.sql.Statement st = c.createStatement()) {
            long first = 0;
            long later = 0;
            for (int i = 0; i < 60 && later <= first; i++) {
                Thread.sleep(100);
                try (java.sql.ResultSet rs = st.executeQuery("SELECT COALESCE(SUM(bids), 0) FROM auction_bids")) {
                    rs.next();
                    if (first == 0) first = rs.getLong(1);
                    else later = rs.getLong(1);
                }
            }
            assertThat(later).as("the view grows while it is queried").isGreaterThan(first);
        }
        demo.join(30_000);
        assertThat(buf.toString()).contains("bids in auction_bids", "runnel demo --sql: done");
    }

    @Test
    void aBadLogOptionIsAClearError() {
        CommandLine cli = new CommandLine(new RunnelCommand());
        java.io.StringWriter err = new java.io.StringWriter();
        cli.setErr(new java.io.PrintWriter(err));
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println(e.getMessage());
            return 1;
        });
        assertThat(cli.execute("demo", "--log", "kafka")).isEqualTo(1);
        assertThat(err.toString()).contains("--log must be embedded or none");
    }
}
