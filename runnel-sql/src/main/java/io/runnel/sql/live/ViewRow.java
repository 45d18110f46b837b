package io.runnel.sql.live;

/**
 * One version of a view's row: its fields (null: the row was deleted at this version), how many times it stands (a
 * view without a key is a multiset), the change that wrote it, and the version it replaced while a reader may still
 * need that one. Only {@code previous} ever changes, when the writer trims versions no reader needs.
 */
final class ViewRow {
    final Object[] fields;
    final long count;
    final long version;
    volatile ViewRow previous;

    ViewRow(Object[] fields, long count, long version, ViewRow previous) {
        this.fields = fields;
        this.count = count;
        this.version = version;
        this.previous = previous;
    }

    /** The version a reader of {@code asOf} sees: the newest written at or before it; null when there was none. */
    static ViewRow asOf(ViewRow r, long asOf) {
        while (r != null && r.version > asOf) {
            r = r.previous;
        }
        return r == null || r.fields == null ? null : r;
    }
}
