package io.runnel.connectors.nexmark;

import java.io.Serializable;
import java.util.Objects;

/**
 * q8 (new users): a person and an auction they opened, both in the tumbling window
 * [windowStart, windowEnd); one row per (person, auction) pair.
 */
public final class Q8Row implements JsonRow, Serializable {
    private static final long serialVersionUID = 1L;

    public final long windowStart;
    public final long windowEnd;
    public final long personId;
    public final String name;
    public final long auctionId;
    /** Cents. */
    public final long reserve;

    public Q8Row(long windowStart, long windowEnd, long personId, String name, long auctionId, long reserve) {
        this.windowStart = windowStart;
        this.windowEnd = windowEnd;
        this.personId = personId;
        this.name = name;
        this.auctionId = auctionId;
        this.reserve = reserve;
    }

    public static Q8Row of(long windowStart, long windowEnd, Person p, Auction a) {
        return new Q8Row(windowStart, windowEnd, p.id, p.name, a.id, a.reserve);
    }

    @Override
    public void appendJson(StringBuilder sb) {
        sb.append("{\"windowStart\":").append(windowStart).append(",\"windowEnd\":").append(windowEnd)
                .append(",\"personId\":").append(personId).append(",\"name\":");
        JsonText.appendString(sb, name);
        sb.append(",\"auctionId\":").append(auctionId).append(",\"reserve\":").append(reserve).append('}');
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof Q8Row)) return false;
        Q8Row r = (Q8Row) o;
        return windowStart == r.windowStart && windowEnd == r.windowEnd && personId == r.personId
                && auctionId == r.auctionId && reserve == r.reserve && Objects.equals(name, r.name);
    }

    @Override
    public int hashCode() { return Objects.hash(windowStart, windowEnd, personId, name, auctionId, reserve); }

    @Override
    public String toString() { return "Q8Row" + toJson(); }
}
