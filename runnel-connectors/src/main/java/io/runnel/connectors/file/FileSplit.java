package io.runnel.connectors.file;

import io.runnel.api.connector.SourceSplit;

/**
 * One file, read from byte {@code offset}, which is the start of line {@code lineNumber}
 * (1-based; kept so errors name the right line after a restore too).
 */
public record FileSplit(String path, long offset, long lineNumber) implements SourceSplit {
    @Override
    public String splitId() {
        return path;
    }
}
