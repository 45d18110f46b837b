package io.runnel.connectors.nexmark;

import java.io.Serializable;
import java.util.Objects;

/**
 * A bid on an auction. Fields are public and mutable so that the generator can refill one instance
 * per event instead of allocating (see {@link NexmarkGenerator#fill}).
 */
public final class Bid implements Serializable {
    private static final long serialVersionUID = 1L;

    public long auction;
    public long bidder;
    /** Cents. */
    public long price;
    public String channel;
    public String url;
    /** Event time, epoch milliseconds. */
    public long dateTime;
    public String extra;

    public Bid() {}

    public Bid(long auction, long bidder, long price, String channel, String url, long dateTime, String extra) {
        this.auction = auction;
        this.bidder = bidder;
        this.price = price;
        this.channel = channel;
        this.url = url;
        this.dateTime = dateTime;
        this.extra = extra;
    }

    /** A copy, for consumers that keep a bid beyond the generator's next refill. */
    public Bid copy() {
        return new Bid(auction, bidder, price, channel, url, dateTime, extra);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof Bid)) return false;
        Bid b = (Bid) o;
        return auction == b.auction && bidder == b.bidder && price == b.price && dateTime == b.dateTime
                && Objects.equals(channel, b.channel) && Objects.equals(url, b.url) && Objects.equals(extra, b.extra);
    }

    @Override
    public int hashCode() {
        return Objects.hash(auction, bidder, price, channel, url, dateTime, extra);
    }

    @Override
    public String toString() {
        return "Bid{auction=" + auction + ", bidder=" + bidder + ", price=" + price + ", channel=" + channel
                + ", url=" + url + ", dateTime=" + dateTime + ", extra=" + extra + '}';
    }
}
