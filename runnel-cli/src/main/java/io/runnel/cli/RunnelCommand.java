package io.runnel.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code runnel} command: the entry point that dispatches to its subcommands. */
@Command(name = "runnel", mixinStandardHelpOptions = true, version = "runnel 0.1.0",
        description = "A stream processor: dataflow engine, Kafka-protocol log, streaming SQL.",
        subcommands = {CommandLine.HelpCommand.class})
public final class RunnelCommand implements Runnable {

    public static void main(String[] args) {
        System.exit(new CommandLine(new RunnelCommand()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
