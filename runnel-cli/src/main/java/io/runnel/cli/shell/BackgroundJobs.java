package io.runnel.cli.shell;

import io.runnel.api.JobClient;
import io.runnel.api.JobStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * The jobs a shell's INSERTs started, by name, oldest first: SHOW JOBS lists them, STOP JOB cancels one, and leaving
 * the shell cancels those still running (they are the shell's, not a cluster's, and end with its JVM anyway).
 */
final class BackgroundJobs {
    private final Map<String, JobClient> jobs = new LinkedHashMap<>();

    /**
     * Starts a job by {@code start} under {@code name}, made unique with a number if taken, and keeps it; returns
     * the name it got.
     */
    synchronized String start(String name, Function<String, JobClient> start) {
        String unique = name;
        for (int n = 2; jobs.containsKey(unique); n++) {
            unique = name + "-" + n;
        }
        jobs.put(unique, start.apply(unique));
        return unique;
    }

    /** One line per job: its name and state, and why a failed one failed. */
    synchronized List<String> lines() {
        if (jobs.isEmpty()) {
            return List.of("no jobs");
        }
        List<String> out = new ArrayList<>();
        int width = jobs.keySet().stream().mapToInt(String::length).max().orElse(0);
        jobs.forEach((name, client) -> out.add(String.format("%-" + width + "s  %s", name, state(client))));
        return out;
    }

    /** Cancels the job of that name; fails naming the jobs there are if none has it. */
    synchronized String stop(String name) {
        JobClient client = jobs.get(name);
        if (client == null) {
            throw new IllegalArgumentException("STOP JOB '" + name + "': no such job"
                    + (jobs.isEmpty() ? " (the shell has started none)" : " (there are: " + String.join(", ", jobs.keySet()) + ")"));
        }
        if (client.status().isTerminal()) {
            return "job '" + name + "' had ended already (" + client.status() + ")";
        }
        client.cancel();
        return "stopped job '" + name + "'";
    }

    /** Cancels every job still running; returns how many. */
    synchronized int cancelAll() {
        int n = 0;
        for (JobClient client : jobs.values()) {
            if (!client.status().isTerminal()) {
                client.cancel();
                n++;
            }
        }
        return n;
    }

    private static String state(JobClient client) {
        JobStatus status = client.status();
        if (status != JobStatus.FAILED) {
            return status.toString();
        }
        try {
            client.result().join();
            return status.toString();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return "FAILED: " + cause.getMessage();
        } catch (RuntimeException e) {
            return "FAILED: " + e.getMessage();
        }
    }
}
