package io.runnel.connectors.nexmark;

/**
 * A query result row with the canonical one-line JSON of the Flink anchor's oracle files
 * (QUERIES.md; fixed key order, no whitespace). The oracle files hold every row's JSON followed by
 * {@code \n}, sorted by plain byte order of the whole line.
 */
public interface JsonRow {
    /** Appends this row's JSON object (no newline). */
    void appendJson(StringBuilder sb);

    default String toJson() {
        StringBuilder sb = new StringBuilder(128);
        appendJson(sb);
        return sb.toString();
    }
}
