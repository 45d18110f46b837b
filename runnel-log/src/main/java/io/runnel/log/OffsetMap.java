package io.runnel.log;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * A bounded map from key hash to the latest offset of that key, in one preallocated array, like
 * Kafka's SkimpyOffsetMap: keys are not stored, only their 16-byte MD5 (two keys with the same hash
 * would count as one, which MD5 makes vanishingly unlikely). Open addressing with double hashing
 * over a prime number of slots; it is full at {@code loadFactor} of the slots, and the cleaner
 * then cleans only up to the last offset it holds. Not thread-safe.
 *
 * <pre>
 * slot (24 bytes):  0               16              24
 *                   | MD5 of the key | offset + 1    |   (offset field 0 = empty slot)
 * </pre>
 */
final class OffsetMap {
    static final int HASH_SIZE = 16;
    static final int BYTES_PER_ENTRY = HASH_SIZE + 8;

    private final byte[] slots;
    private final int slotCount;
    private final int maxEntries;
    private final MessageDigest md5;
    private final byte[] hash = new byte[HASH_SIZE];
    private final ByteBuffer view;
    private final ByteBuffer hashView = ByteBuffer.wrap(hash);
    private int entries;
    private long latestOffset = -1;

    OffsetMap(long memoryBytes, double loadFactor) {
        long wanted = Math.min(memoryBytes / BYTES_PER_ENTRY, (Integer.MAX_VALUE - 8) / BYTES_PER_ENTRY);
        this.slotCount = largestPrimeAtMost((int) wanted);
        this.maxEntries = Math.max(1, (int) (slotCount * loadFactor));
        this.slots = new byte[slotCount * BYTES_PER_ENTRY];
        this.view = ByteBuffer.wrap(slots);
        try {
            this.md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required by every Java platform", e);
        }
    }

    private static int largestPrimeAtMost(int n) {
        int p = Math.max(2, n);
        while (p > 2 && !BigInteger.valueOf(p).isProbablePrime(30)) {
            p--;
        }
        return p;
    }

    /** Records {@code offset} as the latest of {@code key} (read from its position to its limit, not consumed). */
    void put(ByteBuffer key, long offset) {
        int slot = find(key);
        int at = slot * BYTES_PER_ENTRY;
        if (view.getLong(at + HASH_SIZE) == 0) {
            if (entries >= maxEntries) {
                throw new IllegalStateException("offset map is full (" + entries + " entries)");
            }
            System.arraycopy(hash, 0, slots, at, HASH_SIZE);
            entries++;
        }
        view.putLong(at + HASH_SIZE, offset + 1);
        latestOffset = Math.max(latestOffset, offset);
    }

    /** The latest offset recorded for {@code key}, or -1. */
    long get(ByteBuffer key) {
        int at = find(key) * BYTES_PER_ENTRY;
        return view.getLong(at + HASH_SIZE) - 1;
    }

    /** The slot holding the key's hash, or the empty slot where it would go; leaves the hash in {@link #hash}. */
    private int find(ByteBuffer key) {
        md5.update(key.duplicate());
        try {
            md5.digest(hash, 0, HASH_SIZE);
        } catch (java.security.DigestException e) {
            throw new IllegalStateException(e);
        }
        int slot = Math.floorMod(hashView.getInt(0), slotCount);
        int step = 1 + Math.floorMod(hashView.getInt(4), slotCount - 1);
        while (true) {
            int at = slot * BYTES_PER_ENTRY;
            if (view.getLong(at + HASH_SIZE) == 0 || Arrays.equals(slots, at, at + HASH_SIZE, hash, 0, HASH_SIZE)) {
                return slot;
            }
            slot += step;
            if (slot >= slotCount) {
                slot -= slotCount;
            }
        }
    }

    /** Whether {@code more} further distinct keys might not fit. */
    boolean wouldOverflow(int more) {
        return entries + more > maxEntries;
    }

    int size() {
        return entries;
    }

    int capacity() {
        return maxEntries;
    }

    /** The largest offset put since the last {@link #clear()}, or -1. */
    long latestOffset() {
        return latestOffset;
    }

    void clear() {
        Arrays.fill(slots, (byte) 0);
        entries = 0;
        latestOffset = -1;
    }
}
