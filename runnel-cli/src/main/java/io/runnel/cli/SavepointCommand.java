package io.runnel.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code runnel savepoint}: asks a job started by {@code runnel run ... --checkpoint-dir D} for a savepoint. */
@Command(name = "savepoint", mixinStandardHelpOptions = true,
        description = "Take a savepoint of a running job (started with --checkpoint-dir); prints its directory. "
                + "Restore it with runnel run ... --restore <that directory>, at any parallelism.")
public final class SavepointCommand implements Callable<Integer> {
    @Option(names = "--checkpoint-dir", required = true, description = "the running job's --checkpoint-dir")
    Path checkpointDir;

    @Option(names = "--target", required = true, description = "directory to create the savepoint under")
    Path target;

    @Option(names = "--timeout", defaultValue = "60s", description = "how long to wait (default: ${DEFAULT-VALUE})")
    String timeout;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(checkpointDir)) {
            System.err.println("runnel: no checkpoint directory " + checkpointDir + " (is a job running with --checkpoint-dir?)");
            return 2;
        }
        Files.createDirectories(target);
        Path response = checkpointDir.resolve(SavepointControl.RESPONSE);
        Files.deleteIfExists(response);
        SavepointControl.writeAtomically(checkpointDir.resolve(SavepointControl.REQUEST), target.toAbsolutePath().toString());
        long deadline = System.currentTimeMillis() + CheckpointOptions.parseDuration(timeout).toMillis();
        while (System.currentTimeMillis() < deadline) {
            if (Files.exists(response)) {
                String answer = Files.readString(response, StandardCharsets.UTF_8);
                Files.deleteIfExists(response);
                if (answer.startsWith("OK ")) {
                    System.out.println(answer.substring(3));
                    return 0;
                }
                System.err.println("runnel: savepoint failed: " + answer.substring(answer.indexOf(' ') + 1));
                return 1;
            }
            Thread.sleep(50);
        }
        Files.deleteIfExists(checkpointDir.resolve(SavepointControl.REQUEST));
        System.err.println("runnel: no answer from a job in " + checkpointDir + " within " + timeout + " (is it running?)");
        return 1;
    }
}
