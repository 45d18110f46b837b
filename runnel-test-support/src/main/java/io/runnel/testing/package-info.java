/**
 * Test harnesses for Runnel jobs: {@link io.runnel.testing.OperatorHarness} drives one operator
 * or chain by hand (records, watermarks, processing time) and shows its output, side outputs,
 * timers and state; {@link io.runnel.testing.CollectSink} collects a whole job's results.
 */
package io.runnel.testing;
