package io.runnel.connectors.nexmark;

import java.io.Serializable;

/** The keyed running-count query: after each bid, the number of bids so far on its auction (the key). */
public final class CountRow implements JsonRow, Serializable {
    private static final long serialVersionUID = 1L;

    public final long key;
    public final long count;

    public CountRow(long key, long count) {
        this.key = key;
        this.count = count;
    }

    @Override
    public void appendJson(StringBuilder sb) {
        sb.append("{\"key\":").append(key).append(",\"count\":").append(count).append('}');
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof CountRow)) return false;
        CountRow r = (CountRow) o;
        return key == r.key && count == r.count;
    }

    @Override
    public int hashCode() { return Long.hashCode(key) * 31 + Long.hashCode(count); }

    @Override
    public String toString() { return "CountRow" + toJson(); }
}
