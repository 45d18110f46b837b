package io.runnel.sql.format;

import java.io.Serializable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a format does with a message it cannot read: fail naming the format, or, when the table
 * sets {@code <format>.ignore-parse-errors}, skip it, count it, and log the first and then every
 * 10,000th so a bad feed is seen without flooding the log.
 */
final class ParseErrors implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ParseErrors.class);
    private final String format;
    private final boolean ignore;
    private long skipped;

    ParseErrors(String format, boolean ignore) {
        this.format = format;
        this.ignore = ignore;
    }

    /** Rethrows {@code e} naming the format, or counts it as skipped. */
    void handle(FormatException e) {
        if (!ignore) {
            throw new FormatException("format '" + format + "': " + e.getMessage(), e);
        }
        if (skipped++ % 10_000 == 0) {
            LOG.warn("format '{}' skipped a message it cannot read ({} so far, '{}.ignore-parse-errors' is set): {}",
                    format, skipped, format, e.getMessage());
        }
    }

    long skipped() {
        return skipped;
    }
}
