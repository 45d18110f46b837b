/** Benchmarks of checkpointed state: recovery time after a failure, checkpoint size and duration as state grows. */
package io.runnel.bench.state;
