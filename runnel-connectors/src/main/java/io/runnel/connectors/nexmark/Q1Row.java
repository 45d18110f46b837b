package io.runnel.connectors.nexmark;

import java.io.Serializable;

/** q1 (currency conversion): a bid with its price in euros. */
public final class Q1Row implements JsonRow, Serializable {
    private static final long serialVersionUID = 1L;

    /** Dollars to euros, as q1 defines it. */
    public static final double DOLLAR_TO_EURO = 0.908;

    public final long auction;
    public final long bidder;
    /** {@code bid.price * 0.908} as a double, exactly as the anchor computes it. */
    public final double price;
    public final long dateTime;

    public Q1Row(long auction, long bidder, double price, long dateTime) {
        this.auction = auction;
        this.bidder = bidder;
        this.price = price;
        this.dateTime = dateTime;
    }

    /** The q1 row of a bid: long price times 0.908 in double arithmetic. */
    public static Q1Row of(Bid b) {
        return new Q1Row(b.auction, b.bidder, b.price * DOLLAR_TO_EURO, b.dateTime);
    }

    /** Price is written with exactly 3 decimals, see {@link JsonText#appendEuro3}. */
    @Override
    public void appendJson(StringBuilder sb) {
        sb.append("{\"auction\":").append(auction).append(",\"bidder\":").append(bidder).append(",\"price\":");
        JsonText.appendEuro3(sb, price);
        sb.append(",\"dateTime\":").append(dateTime).append('}');
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof Q1Row)) return false;
        Q1Row r = (Q1Row) o;
        return auction == r.auction && bidder == r.bidder && Double.compare(price, r.price) == 0 && dateTime == r.dateTime;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(auction, bidder, price, dateTime);
    }

    @Override
    public String toString() { return "Q1Row" + toJson(); }
}
