package io.runnel.cli;

import io.runnel.api.JobClient;
import io.runnel.api.checkpoint.CheckpointStats;
import java.util.HashSet;
import java.util.Set;

/** Prints each checkpoint as it completes or aborts: id, status, duration, alignment, sizes. */
final class CheckpointPrinter {
    private final JobClient client;
    private final Set<String> printed = new HashSet<>();

    private CheckpointPrinter(JobClient client) {
        this.client = client;
    }

    static CheckpointPrinter start(JobClient client) {
        CheckpointPrinter p = new CheckpointPrinter(client);
        Thread t = new Thread(() -> {
            while (!client.result().isDone()) {
                p.printNew();
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "runnel-checkpoint-printer");
        t.setDaemon(true);
        t.start();
        return p;
    }

    synchronized void printNew() {
        for (CheckpointStats s : client.checkpoints()) {
            if (s.status() == CheckpointStats.Status.IN_PROGRESS) continue;
            String key = s.savepoint() + ":" + s.id();
            if (printed.add(key)) System.err.println("runnel: " + s);
        }
    }
}
