/** The {@code runnel} command line: one picocli command per subcommand (demo, run, bench, broker). */
package io.runnel.cli;
