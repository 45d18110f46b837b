/**
 * The local runtime: {@link io.runnel.runtime.LocalExecutor} turns a job's logical graph into
 * chained tasks and runs them cooperatively on a few worker threads.
 */
package io.runnel.runtime;
