package io.runnel.api.checkpoint;

/** Whether tasks with several inputs align barriers (exactly-once) or not (at-least-once). */
public enum CheckpointingMode { EXACTLY_ONCE, AT_LEAST_ONCE }
