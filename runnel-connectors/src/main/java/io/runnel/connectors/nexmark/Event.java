package io.runnel.connectors.nexmark;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;

/**
 * One Nexmark event: a {@link Kind} tag and the person, auction or bid it carries.
 *
 * <p>An event may keep payload objects of the other two kinds from earlier refills (so that
 * {@link NexmarkGenerator#fill} allocates nothing once each kind has been seen); the accessors
 * hide them: {@link #person()}, {@link #auction()} and {@link #bid()} return null unless the event is
 * of that kind, and equality, hashing and serialization only look at the current payload.
 */
public final class Event implements Serializable {
    private static final long serialVersionUID = 1L;

    /** What an event carries. */
    public enum Kind { PERSON, AUCTION, BID }

    private static final Kind[] KINDS = Kind.values();

    // All transient: writeObject/readObject write only the kind and the current payload.
    private transient Kind kind;
    private transient Person person;
    private transient Auction auction;
    private transient Bid bid;

    /** An empty event, to be filled by {@link NexmarkGenerator#fill} or a setter. */
    public Event() {}

    public static Event of(Person p) { return new Event().setPerson(p); }

    public static Event of(Auction a) { return new Event().setAuction(a); }

    public static Event of(Bid b) { return new Event().setBid(b); }

    /** The kind, or null for an event that was never filled. */
    public Kind kind() { return kind; }

    public boolean isPerson() { return kind == Kind.PERSON; }

    public boolean isAuction() { return kind == Kind.AUCTION; }

    public boolean isBid() { return kind == Kind.BID; }

    /** The person if this is a person event, else null. */
    public Person person() { return kind == Kind.PERSON ? person : null; }

    /** The auction if this is an auction event, else null. */
    public Auction auction() { return kind == Kind.AUCTION ? auction : null; }

    /** The bid if this is a bid event, else null. */
    public Bid bid() { return kind == Kind.BID ? bid : null; }

    /** Event time (the payload's dateTime), epoch milliseconds. */
    public long eventTime() {
        switch (kind) {
            case PERSON: return person.dateTime;
            case AUCTION: return auction.dateTime;
            case BID: return bid.dateTime;
            default: throw new IllegalStateException("empty event");
        }
    }

    public Event setPerson(Person p) { kind = Kind.PERSON; person = p; return this; }

    public Event setAuction(Auction a) { kind = Kind.AUCTION; auction = a; return this; }

    public Event setBid(Bid b) { kind = Kind.BID; bid = b; return this; }

    /** A deep copy holding only the current payload. */
    public Event copy() {
        switch (kind) {
            case PERSON: return of(person.copy());
            case AUCTION: return of(auction.copy());
            case BID: return of(bid.copy());
            default: throw new IllegalStateException("empty event");
        }
    }

    // ---- reuse hooks for the generator: switch kind, keep (or create) that kind's payload ----

    Person reusePerson() {
        kind = Kind.PERSON;
        if (person == null) person = new Person();
        return person;
    }

    Auction reuseAuction() {
        kind = Kind.AUCTION;
        if (auction == null) auction = new Auction();
        return auction;
    }

    Bid reuseBid() {
        kind = Kind.BID;
        if (bid == null) bid = new Bid();
        return bid;
    }

    private Object payload() {
        if (kind == null) return null;
        switch (kind) {
            case PERSON: return person;
            case AUCTION: return auction;
            default: return bid;
        }
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        out.writeByte(kind == null ? -1 : kind.ordinal());
        out.writeObject(payload());
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        int k = in.readByte();
        Object p = in.readObject();
        if (k < 0) return;
        switch (KINDS[k]) {
            case PERSON: setPerson((Person) p); break;
            case AUCTION: setAuction((Auction) p); break;
            default: setBid((Bid) p);
        }
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof Event)) return false;
        Event e = (Event) o;
        return kind == e.kind && java.util.Objects.equals(payload(), e.payload());
    }

    @Override
    public int hashCode() {
        return 31 * (kind == null ? 0 : kind.hashCode()) + java.util.Objects.hashCode(payload());
    }

    @Override
    public String toString() {
        return kind == null ? "Event{}" : String.valueOf(payload());
    }
}
