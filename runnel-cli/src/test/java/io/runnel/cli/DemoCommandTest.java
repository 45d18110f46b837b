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
