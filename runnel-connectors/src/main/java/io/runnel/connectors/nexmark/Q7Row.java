package io.runnel.connectors.nexmark;

import java.io.Serializable;

/**
 * q7 (highest bid): a bid at the highest price of its tumbling window [windowStart, windowEnd); q7
 * emits one row per bid tied at that price.
 */
public final class Q7Row implements JsonRow, Serializable {
    private static final long serialVersionUID = 1L;

    public final long windowStart;
    public final long windowEnd;
    public final long auction;
    public final long bidder;
    /** Cents. */
    public final long price;
    public final long dateTime;

    public Q7Row(long windowStart, long windowEnd, long auction, long bidder, long price, long dateTime) {
        this.windowStart = windowStart;
        this.windowEnd = windowEnd;
        this.auction = auction;
        this.bidder = bidder;
        this.price = price;
        this.dateTime = dateTime;
    }

    public static Q7Row of(long windowStart, long windowEnd, Bid b) {
        return new Q7Row(windowStart, windowEnd, b.auction, b.bidder, b.price, b.dateTime);
    }

    @Override
    public void appendJson(StringBuilder sb) {
        sb.append("{\"windowStart\":").append(windowStart).append(",\"windowEnd\":").append(windowEnd)
                .append(",\"auction\":").append(auction).append(",\"bidder\":").append(bidder)
                .append(",\"price\":").append(price).append(",\"dateTime\":").append(dateTime).append('}');
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof Q7Row)) return false;
        Q7Row r = (Q7Row) o;
        return windowStart == r.windowStart && windowEnd == r.windowEnd && auction == r.auction
                && bidder == r.bidder && price == r.price && dateTime == r.dateTime;
    }

    @Override
    public int hashCode() { return java.util.Objects.hash(windowStart, windowEnd, auction, bidder, price, dateTime); }

    @Override
    public String toString() { return "Q7Row" + toJson(); }
}
