package io.runnel.cli;

import picocli.CommandLine.Option;

/** How many Nexmark events a benchmark generates and at what parallelism it runs them. */
final class NexmarkSizeOptions {
    @Option(names = "--events", defaultValue = "10000000", description = "events to generate (default: ${DEFAULT-VALUE})")
    long events;

    @Option(names = "--parallelism", defaultValue = "1", description = "parallel instances per operator (default: ${DEFAULT-VALUE})")
    int parallelism;
}
