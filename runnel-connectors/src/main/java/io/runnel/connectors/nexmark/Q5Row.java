package io.runnel.connectors.nexmark;

import java.io.Serializable;

/**
 * q5 (hot items): an auction's bid count in one sliding window [windowStart, windowEnd); q5 emits
 * one row per auction tied at the window's highest count.
 */
public final class Q5Row implements JsonRow, Serializable {
    private static final long serialVersionUID = 1L;

    public final long windowStart;
    public final long windowEnd;
    public final long auction;
    public final long count;

    public Q5Row(long windowStart, long windowEnd, long auction, long count) {
        this.windowStart = windowStart;
        this.windowEnd = windowEnd;
        this.auction = auction;
        this.count = count;
    }

    @Override
    public void appendJson(StringBuilder sb) {
        sb.append("{\"windowStart\":").append(windowStart).append(",\"windowEnd\":").append(windowEnd)
                .append(",\"auction\":").append(auction).append(",\"count\":").append(count).append('}');
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof Q5Row)) return false;
        Q5Row r = (Q5Row) o;
        return windowStart == r.windowStart && windowEnd == r.windowEnd && auction == r.auction && count == r.count;
    }

    @Override
    public int hashCode() { return java.util.Objects.hash(windowStart, windowEnd, auction, count); }

    @Override
    public String toString() { return "Q5Row" + toJson(); }
}
