package io.runnel.runtime.state;

import java.io.Serial;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The heap backend's part of an incremental checkpoint: per state and key group, a chain of
 * segments in shared {@link DeltaFileDescriptor delta files}. {@code files} are in the order they
 * were written; a group's chain is its base in {@code files[base]} followed by its segments in
 * every later file. {@code bases} maps each state to one base index per key group from {@code
 * firstKeyGroup} on (-1: the group holds nothing). {@code sharedDir} is relative to the
 * checkpoint's directory. {@code fullBytes} counts every segment a restore reads.
 */
record HeapChainHandle(String sharedDir, List<String> files, int firstKeyGroup, LinkedHashMap<String, int[]> bases,
                       long fullBytes, long incrementalBytes) implements Serializable, SharedStateHandle, StateSize {
    @Serial
    private static final long serialVersionUID = 1L;

    HeapChainHandle {
        files = List.copyOf(files);
    }

    @Override
    public List<String> sharedFiles() {
        return files;
    }

    @Override
    public String toString() {
        return "heap snapshot chains over " + files.size() + " shared files (" + fullBytes + " bytes, " + incrementalBytes + " new)";
    }
}
