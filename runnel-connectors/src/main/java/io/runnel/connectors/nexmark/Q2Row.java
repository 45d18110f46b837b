package io.runnel.connectors.nexmark;

import java.io.Serializable;

/** q2 (selection): a bid on an auction whose id is a multiple of 123. */
public final class Q2Row implements JsonRow, Serializable {
    private static final long serialVersionUID = 1L;

    public final long auction;
    /** Cents. */
    public final long price;

    public Q2Row(long auction, long price) {
        this.auction = auction;
        this.price = price;
    }

    @Override
    public void appendJson(StringBuilder sb) {
        sb.append("{\"auction\":").append(auction).append(",\"price\":").append(price).append('}');
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof Q2Row)) return false;
        Q2Row r = (Q2Row) o;
        return auction == r.auction && price == r.price;
    }

    @Override
    public int hashCode() { return Long.hashCode(auction) * 31 + Long.hashCode(price); }

    @Override
    public String toString() { return "Q2Row" + toJson(); }
}
