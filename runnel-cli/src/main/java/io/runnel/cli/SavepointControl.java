package io.runnel.cli;

import io.runnel.api.JobClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * How {@code runnel savepoint} reaches a job run by {@code runnel run} in another process: it
 * writes a request file (the target directory) into the job's checkpoint directory; the job
 * polls for it, takes the savepoint and writes the savepoint's path (or the error) as the response.
 */
final class SavepointControl {
    static final String REQUEST = "_savepoint-request";
    static final String RESPONSE = "_savepoint-response";

    private SavepointControl() {}

    /** Polls {@code checkpointDir} for requests while the job runs (a daemon thread). */
    static void watch(Path checkpointDir, JobClient client) {
        Thread t = new Thread(() -> {
            Path req = checkpointDir.resolve(REQUEST);
            while (!client.result().isDone()) {
                try {
                    if (Files.exists(req)) {
                        String target = Files.readString(req, StandardCharsets.UTF_8).trim();
                        Files.deleteIfExists(req);
                        String answer;
                        try {
                            answer = "OK " + client.triggerSavepoint(target).get();
                        } catch (Exception e) {
                            answer = "ERROR " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
                        }
                        writeAtomically(checkpointDir.resolve(RESPONSE), answer);
                    }
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                } catch (IOException e) {
                    System.err.println("runnel: savepoint request in " + checkpointDir + " failed: " + e.getMessage());
                }
            }
        }, "runnel-savepoint-control");
        t.setDaemon(true);
        t.start();
    }

    static void writeAtomically(Path file, String content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
