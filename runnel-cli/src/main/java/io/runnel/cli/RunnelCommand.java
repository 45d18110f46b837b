package io.runnel.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code runnel} command: the entry point that dispatches to its subcommands. */
@Command(name = "runnel", mixinStandardHelpOptions = true, version = "runnel 0.1.0",
        description = "A stream processor: dataflow engine, Kafka-protocol log, streaming SQL.",
        subcommands = {DemoCommand.class, RunCommand.class, SqlCommand.class, SavepointCommand.class, BenchCommand.class, io.runnel.cli.broker.BrokerCommand.class,
                io.runnel.cli.broker.TopicCommand.class, io.runnel.cli.broker.ProduceCommand.class,
                io.runnel.cli.broker.ConsumeCommand.class, CommandLine.HelpCommand.class})
public final class RunnelCommand implements Runnable {

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new RunnelCommand());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("runnel: " + e.getMessage());
            if (System.getenv("RUNNEL_DEBUG") != null) e.printStackTrace(cmd.getErr());
            return 1;
        });
        System.exit(cli.execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
