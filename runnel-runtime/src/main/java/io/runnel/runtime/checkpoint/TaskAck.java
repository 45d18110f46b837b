package io.runnel.runtime.checkpoint;

import java.util.List;
import java.util.Map;

/**
 * A task's acknowledgement of a checkpoint, sent once its state files are written: the file of
 * each operator (by operator id), source splits, shared files and sizes.
 */
public record TaskAck(int subtask, Map<String, String> files, Map<String, Integer> parallelism,
                      Map<String, List<Object>> splits, List<String> sharedFiles, long fullBytes, long incrementalBytes,
                      long alignmentNanos) {}
