package io.runnel.api;

/**
 * The runtime behind {@link StreamEnvironment#execute}: found with {@link java.util.ServiceLoader},
 * so a job depends only on the API at compile time.
 */
public interface JobExecutor {
    JobClient submit(StreamJob job);
}
