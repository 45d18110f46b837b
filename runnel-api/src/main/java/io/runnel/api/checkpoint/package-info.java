/**
 * Checkpoint settings, restart strategies and checkpoint statistics: what a user configures for
 * exactly-once and sees of it while a job runs.
 */
package io.runnel.api.checkpoint;
