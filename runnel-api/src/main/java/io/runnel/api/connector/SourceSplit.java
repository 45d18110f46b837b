package io.runnel.api.connector;

import java.io.Serializable;

/**
 * A unit of a source's input (a file, a partition, a range of generated events) together with
 * its current position. Immutable: a reader returns fresh splits from its snapshot.
 */
public interface SourceSplit extends Serializable {
    /** Unique within the source; stable across restarts. */
    String splitId();
}
