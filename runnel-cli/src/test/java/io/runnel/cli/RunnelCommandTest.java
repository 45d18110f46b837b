package io.runnel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class RunnelCommandTest {
    @Test
    void helpListsTheCommand() {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new RunnelCommand());
        cli.setOut(new PrintWriter(out));
        int code = cli.execute("--help");
        assertThat(code).isZero();
        assertThat(out.toString()).contains("Usage: runnel");
    }
}
