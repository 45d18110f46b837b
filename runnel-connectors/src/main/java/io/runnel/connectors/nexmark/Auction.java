package io.runnel.connectors.nexmark;

import java.io.Serializable;
import java.util.Objects;

/**
 * An auction opened by a seller. Fields are public and mutable so that the generator can refill one
 * instance per event instead of allocating (see {@link NexmarkGenerator#fill}).
 */
public final class Auction implements Serializable {
    private static final long serialVersionUID = 1L;

    public long id;
    public String itemName;
    public String description;
    /** Cents. */
    public long initialBid;
    /** Cents. */
    public long reserve;
    /** Event time, epoch milliseconds. */
    public long dateTime;
    /** Epoch milliseconds at which the auction closes. */
    public long expires;
    public long seller;
    public long category;
    public String extra;

    public Auction() {}

    public Auction(long id, String itemName, String description, long initialBid, long reserve,
                   long dateTime, long expires, long seller, long category, String extra) {
        this.id = id;
        this.itemName = itemName;
        this.description = description;
        this.initialBid = initialBid;
        this.reserve = reserve;
        this.dateTime = dateTime;
        this.expires = expires;
        this.seller = seller;
        this.category = category;
        this.extra = extra;
    }

    /** A copy, for consumers that keep an auction beyond the generator's next refill. */
    public Auction copy() {
        return new Auction(id, itemName, description, initialBid, reserve, dateTime, expires, seller, category, extra);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof Auction)) return false;
        Auction a = (Auction) o;
        return id == a.id && initialBid == a.initialBid && reserve == a.reserve && dateTime == a.dateTime
                && expires == a.expires && seller == a.seller && category == a.category
                && Objects.equals(itemName, a.itemName) && Objects.equals(description, a.description)
                && Objects.equals(extra, a.extra);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, itemName, description, initialBid, reserve, dateTime, expires, seller, category, extra);
    }

    @Override
    public String toString() {
        return "Auction{id=" + id + ", itemName=" + itemName + ", description=" + description
                + ", initialBid=" + initialBid + ", reserve=" + reserve + ", dateTime=" + dateTime
                + ", expires=" + expires + ", seller=" + seller + ", category=" + category + ", extra=" + extra + '}';
    }
}
