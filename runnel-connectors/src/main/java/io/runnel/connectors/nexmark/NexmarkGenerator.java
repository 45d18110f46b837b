package io.runnel.connectors.nexmark;

import java.nio.charset.StandardCharsets;

/**
 * Maps an event number {@code i} (0-based) to exactly one Nexmark event, following the Flink
 * anchor's GENERATOR.md to the bit: the event depends on nothing but {@code i}, so any subtask can
 * generate any event (see {@link StrideCursor}).
 *
 * <p>Not thread-safe (it keeps a random stream and a scratch buffer): use one instance per thread.
 * {@link #fill} reuses the target event's payload object and allocates only the strings that must
 * be new: none for bids (channel and url come from precomputed tables), email and credit card for
 * persons, item name and description for auctions.
 */
public final class NexmarkGenerator {
    /** 2026-01-01T00:00:05Z: 5 s past a 10 s boundary, so 1M events straddle a tumbling window edge. */
    public static final long BASE_TIME_MS = 1_767_225_605_000L;
    /** Events per block: 1 person, 3 auctions, 46 bids. */
    public static final int BLOCK = 50;
    public static final long FIRST_PERSON_ID = 1000;
    public static final long FIRST_AUCTION_ID = 1000;

    private static final long HOT_BLOCK = 100;
    private static final long ACTIVE_PEOPLE = 1000;
    private static final long PERSON_LEAD = 10;
    private static final long IN_FLIGHT_AUCTIONS = 100;
    private static final long AUCTION_LEAD = 10;

    private static final long[] DECADE_LOW = {100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000};

    private final EventRandom rnd = new EventRandom();
    /** Scratch for building ASCII strings; the longest is a 100-letter description. */
    private final byte[] buf = new byte[128];

    // ---- pure functions of i ------------------------------------------------------------------

    public static Event.Kind kindOf(long i) {
        long r = i % BLOCK;
        return r == 0 ? Event.Kind.PERSON : r <= 3 ? Event.Kind.AUCTION : Event.Kind.BID;
    }

    /** Event time of event i: 10 µs per event, so 100 events share a millisecond. */
    public static long dateTimeOf(long i) { return BASE_TIME_MS + (i * 10) / 1000; }

    // ---- generation -----------------------------------------------------------------------------

    /** A new event for number i. */
    public Event event(long i) { return fill(i, new Event()); }

    /**
     * Overwrites {@code into} with event i and returns it. Reuses its payload object of the right
     * kind, so a consumer that keeps the payload past the next call must {@link Event#copy()} it.
     */
    public Event fill(long i, Event into) {
        long r = i % BLOCK;
        long epoch = i / BLOCK;
        rnd.reset(i);
        if (r == 0) {
            fillPerson(into.reusePerson(), epoch, dateTimeOf(i));
        } else if (r <= 3) {
            fillAuction(into.reuseAuction(), epoch, r, dateTimeOf(i));
        } else {
            fillBid(into.reuseBid(), epoch, dateTimeOf(i));
        }
        return into;
    }

    private void fillPerson(Person p, long epoch, long dateTime) {
        p.id = FIRST_PERSON_ID + epoch;
        int first = rnd.belowInt(11);
        int last = rnd.belowInt(9);
        p.name = Words.NAMES[first * 9 + last];
        p.emailAddress = email();
        p.creditCard = creditCard();
        p.city = Words.CITIES[rnd.belowInt(10)];
        p.state = Words.STATES[rnd.belowInt(6)];
        p.dateTime = dateTime;
        p.extra = "";
    }

    private void fillAuction(Auction a, long epoch, long r, long dateTime) {
        a.id = FIRST_AUCTION_ID + 3 * epoch + (r - 1);
        long seller0 = rnd.belowInt(4) != 0 ? (epoch / HOT_BLOCK) * HOT_BLOCK : randomPerson0(epoch);
        a.seller = FIRST_PERSON_ID + seller0;
        a.category = 10 + rnd.belowInt(5);
        a.initialBid = price();
        a.reserve = a.initialBid + price();
        a.itemName = varLetters(20);
        a.description = varLetters(100);
        a.dateTime = dateTime;
        a.expires = dateTime + 1 + rnd.belowInt(33);
        a.extra = "";
    }

    private void fillBid(Bid b, long epoch, long dateTime) {
        long lastAuction0 = 3 * epoch + 2; // this block's three auctions precede its bids
        long auction0 = rnd.belowInt(2) != 0 ? (lastAuction0 / HOT_BLOCK) * HOT_BLOCK : randomAuction0(lastAuction0);
        b.auction = FIRST_AUCTION_ID + auction0;
        long bidder0 = rnd.belowInt(4) != 0 ? (epoch / HOT_BLOCK) * HOT_BLOCK + 1 : randomPerson0(epoch);
        b.bidder = FIRST_PERSON_ID + bidder0;
        b.price = price();
        if (rnd.belowInt(2) != 0) {
            int k = rnd.belowInt(4);
            b.channel = Words.HOT_CHANNELS[k];
            b.url = Words.HOT_URLS[k];
        } else {
            int n = rnd.belowInt(Words.CHANNELS);
            b.channel = Words.channel(n);
            b.url = Words.channelUrl(n);
        }
        b.dateTime = dateTime;
        b.extra = "";
    }

    // ---- draws -----------------------------------------------------------------------------------

    /** A recent person, up to PERSON_LEAD ids past the newest. One draw. */
    private long randomPerson0(long lastPerson0) {
        long numPeople = lastPerson0 + 1;
        long active = Math.min(numPeople, ACTIVE_PEOPLE);
        return numPeople - active + rnd.below(active + PERSON_LEAD);
    }

    /** A recent auction, up to AUCTION_LEAD ids past the newest. One draw. */
    private long randomAuction0(long lastAuction0) {
        long lo = Math.max(lastAuction0 - IN_FLIGHT_AUCTIONS, 0);
        return lo + rnd.below(lastAuction0 - lo + 1 + AUCTION_LEAD);
    }

    /** Cents in [100, 10^8): a decade, then uniform within it. Two draws. */
    private long price() {
        long lo = DECADE_LOW[rnd.belowInt(6)];
        return lo + rnd.below(9 * lo);
    }

    private int letters(int at, int n) {
        for (int k = 0; k < n; k++) buf[at + k] = (byte) ('a' + rnd.belowInt(26));
        return at + n;
    }

    private String varLetters(int max) {
        int n = 3 + rnd.belowInt(max - 2);
        return ascii(letters(0, n));
    }

    private String email() {
        int at = letters(0, 7);
        buf[at++] = '@';
        at = letters(at, 5);
        buf[at++] = '.';
        buf[at++] = 'c';
        buf[at++] = 'o';
        buf[at++] = 'm';
        return ascii(at);
    }

    /** Four groups of 4 zero-padded digits separated by spaces. Four draws. */
    private String creditCard() {
        int at = 0;
        for (int g = 0; g < 4; g++) {
            if (g > 0) buf[at++] = ' ';
            int v = rnd.belowInt(10_000);
            buf[at++] = (byte) ('0' + v / 1000);
            buf[at++] = (byte) ('0' + v / 100 % 10);
            buf[at++] = (byte) ('0' + v / 10 % 10);
            buf[at++] = (byte) ('0' + v % 10);
        }
        return ascii(at);
    }

    /** buf[0, len) as a String; the Latin-1 constructor copies the bytes straight into a compact String. */
    private String ascii(int len) { return new String(buf, 0, len, StandardCharsets.ISO_8859_1); }
}
