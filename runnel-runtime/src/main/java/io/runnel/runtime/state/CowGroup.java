package io.runnel.runtime.state;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The values of one key group of a {@link StateTable}: a chained hash table whose snapshot is a
 * frozen reference to its bucket array, copied on write per entry. While a snapshot is being
 * written, the task copies the bucket array once, and an entry (with the chain in front of it)
 * only when it writes that entry; untouched entries stay shared with the snapshot. Flink's heap
 * backend does the same (its CopyOnWriteStateMap); copying whole groups instead cost the keyed
 * count 14–19 % of its throughput with a checkpoint every second.
 *
 * <p>Versions: {@code epoch} is bumped by each snapshot; a node or array made in the current epoch
 * belongs to the task alone. Older ones may be read by a snapshot still being written ({@code
 * inFlight}), so they are copied before they change. Only the task's thread calls these methods.
 *
 * <p>With incremental checkpoints on, {@code valueVersion == epoch} also marks "changed since the
 * last snapshot": the first put or mutable get of an entry in an epoch appends its node to the group's
 * {@link ChangeLog} (a removal its key; O(1), no allocation but the log's amortized growth), so a
 * checkpoint can write only those entries, reading them from the nodes themselves instead of
 * looking each key up again.
 */
final class CowGroup {
    /** An entry; package-private so a checkpoint's delta can read the entries its change log holds. */
    static final class Node {
        final Object key;
        /** {@link VoidNamespace#INSTANCE} for plain keyed state; a window or slice for operators' namespaced state. */
        final Object namespace;
        final int hash;
        Object value;
        Node next;
        /** The epoch the node (its next link) was made in. */
        final int version;
        /** The epoch the value was put or copied in: a node copied to relink a chain still shares its value. */
        int valueVersion;
        /**
         * The epoch in which the node left the task's table (removed, or replaced by a copy), or
         * MAX_VALUE while it is in it: the snapshot taken at the end of epoch E holds the node iff
         * {@code goneIn > E}. Written only by the task; a copy made before E is found through
         * {@link #movedTo} (copies made to relink a chain are not in the change log themselves).
         */
        int goneIn = Integer.MAX_VALUE;
        /** The copy that replaced this node in the table, if one did (null if it was removed). */
        Node movedTo;

        /**
         * The node that held this entry at the end of epoch {@code epoch}, following the copies that
         * replaced it before then; null if the entry had been removed by then.
         */
        Node asOf(int epoch) {
            Node n = this;
            while (n != null && n.goneIn <= epoch) n = n.movedTo;
            return n;
        }

        Node(Object key, Object namespace, int hash, Object value, Node next, int version, int valueVersion) {
            this.key = key;
            this.namespace = namespace;
            this.hash = hash;
            this.value = value;
            this.next = next;
            this.version = version;
            this.valueVersion = valueVersion;
        }
    }

    private Node[] table = new Node[16];
    private int tableVersion;
    private int size;
    /** Keys changed since the last checkpoint; null when checkpoints are not incremental. */
    private final ChangeLog changes;

    CowGroup(boolean trackChanges) {
        this.changes = trackChanges ? new ChangeLog() : null;
    }

    /** What changed since the last call, for a checkpoint's delta; null when not tracking. */
    GroupChanges takeChanges() {
        return changes == null ? null : changes.take();
    }

    private void changed(Node n) {
        if (changes != null) changes.changed(n, size);
    }

    int size() {
        return size;
    }

    private static int hash(Object key, Object namespace) {
        int h = key.hashCode();
        if (namespace != VoidNamespace.INSTANCE) h = h * 31 + namespace.hashCode();
        return h ^ (h >>> 16);
    }

    private static boolean matches(Node n, int h, Object key, Object namespace) {
        return n.hash == h && n.key.equals(key) && (n.namespace == namespace || n.namespace.equals(namespace));
    }

    private static boolean owned(int version, int epoch, boolean inFlight) {
        return !inFlight || version == epoch;
    }

    private Node[] writableTable(int epoch, boolean inFlight) {
        if (!owned(tableVersion, epoch, inFlight)) {
            table = table.clone();
            tableVersion = epoch;
        }
        return table;
    }

    /**
     * The value of {@code key}, made the task's own first when a snapshot may still read it and the
     * value is mutable (callers change lists and accumulators in place).
     */
    Object get(Object key, Object namespace, int epoch, boolean inFlight) {
        int h = hash(key, namespace);
        Node[] tab = table;
        for (Node n = tab[h & (tab.length - 1)]; n != null; n = n.next) {
            if (matches(n, h, key, namespace)) return ownedValue(n, epoch, inFlight);
        }
        return null;
    }

    /** {@code n}'s value, copied first if a snapshot may still read it and it is mutable. */
    private Object ownedValue(Node n, int epoch, boolean inFlight) {
        Object v = n.value;
        if (n.valueVersion == epoch) return v;
        if (!inFlight) {
            // the caller may change the value in place: that is a change for the next checkpoint
            if (changes != null && !StateCopier.isImmutable(v)) {
                n.valueVersion = epoch;
                changed(n);
            }
            return v;
        }
        Object c = StateCopier.copy(v);
        if (c == v) return v; // immutable: safe to share with the snapshot
        Node m = owned(n.version, epoch, inFlight) ? n : own(n.hash, n, epoch, inFlight);
        m.value = c;
        m.valueVersion = epoch;
        changed(m);
        return c;
    }

    int bucketCount() {
        return table.length;
    }

    /**
     * One step of the TTL's incremental cleanup: checks the entries of bucket {@code b}, removes
     * those that expired entirely and drops expired elements from the others (on the task's own
     * copy when a snapshot may still read them). Returns how many entries it checked.
     */
    int sweepBucket(int b, Ttl ttl, long now, int epoch, boolean inFlight) {
        int checked = 0;
        for (Node n = table[b], next; n != null; n = next) {
            next = n.next; // stays in the chain: removing n or copying the chain up to n keeps what follows
            checked++;
            int e = ttl.expiry(n.value, now);
            if (e == Ttl.ALL_EXPIRED) remove(n.key, n.namespace, epoch, inFlight);
            else if (e == Ttl.SOME_EXPIRED) ttl.dropExpired(ownedValue(n, epoch, inFlight), now);
        }
        return checked;
    }

    void put(Object key, Object namespace, Object value, int epoch, boolean inFlight) {
        int h = hash(key, namespace);
        Node[] tab = table;
        for (Node n = tab[h & (tab.length - 1)]; n != null; n = n.next) {
            if (matches(n, h, key, namespace)) {
                Node m = owned(n.version, epoch, inFlight) ? n : own(h, n, epoch, inFlight);
                m.value = value;
                if (m.valueVersion != epoch) {
                    m.valueVersion = epoch;
                    changed(m);
                }
                return;
            }
        }
        tab = writableTable(epoch, inFlight);
        int b = h & (tab.length - 1);
        Node added = tab[b] = new Node(key, namespace, h, value, tab[b], epoch, epoch);
        changed(added);
        if (++size > tab.length - (tab.length >>> 2)) resize(epoch, inFlight);
    }

    /** Removes the entry; true if there was one. */
    boolean remove(Object key, Object namespace, int epoch, boolean inFlight) {
        int h = hash(key, namespace);
        Node[] tab = table;
        Node prev = null;
        for (Node n = tab[h & (tab.length - 1)]; n != null; prev = n, n = n.next) {
            if (matches(n, h, key, namespace)) {
                if (prev == null) {
                    writableTable(epoch, inFlight)[h & (tab.length - 1)] = n.next;
                } else {
                    own(h, prev, epoch, inFlight).next = n.next;
                }
                n.goneIn = epoch;
                size--;
                if (changes != null) changes.removed(key, namespace, size);
                return true;
            }
        }
        return false;
    }

    /** Makes {@code target} and every node before it in its chain the task's own; returns target's node. */
    private Node own(int h, Node target, int epoch, boolean inFlight) {
        Node[] tab = writableTable(epoch, inFlight);
        int b = h & (tab.length - 1);
        Node prevOwned = null;
        for (Node n = tab[b]; ; n = n.next) {
            Node m = n;
            if (!owned(n.version, epoch, inFlight)) {
                m = new Node(n.key, n.namespace, n.hash, n.value, n.next, epoch, n.valueVersion);
                n.movedTo = m;
                n.goneIn = epoch;
            }
            if (prevOwned == null) tab[b] = m;
            else prevOwned.next = m;
            if (n == target) return m;
            prevOwned = m;
        }
    }

    /** Doubles the table; nodes a snapshot may read are copied rather than relinked. */
    private void resize(int epoch, boolean inFlight) {
        Node[] old = table;
        Node[] tab = new Node[old.length * 2];
        int mask = tab.length - 1;
        for (Node head : old) {
            for (Node n = head, next; n != null; n = next) {
                next = n.next;
                Node m = n;
                if (!owned(n.version, epoch, inFlight)) {
                    m = new Node(n.key, n.namespace, n.hash, n.value, null, epoch, n.valueVersion);
                    n.movedTo = m;
                    n.goneIn = epoch;
                }
                int b = n.hash & mask;
                m.next = tab[b];
                tab[b] = m;
            }
        }
        table = tab;
        tableVersion = epoch;
    }

    /** What {@link #forEach} hands over per entry. */
    interface EntryConsumer {
        void accept(Object key, Object namespace, Object value);
    }

    /** Visits every entry as it is now; the consumer must not change this group (collect, then change). */
    void forEach(EntryConsumer c) {
        for (Node head : table) {
            for (Node n = head; n != null; n = n.next) c.accept(n.key, n.namespace, n.value);
        }
    }

    /** A read-only view of the entries as they are now, valid while the task copies on write. */
    Frozen freeze() {
        return new Frozen(table, size);
    }

    /**
     * Frozen entries: the bucket array and nodes the task no longer changes in place. A map of
     * (key or {@link NamespacedKey}) to value, which a base is written from.
     */
    static final class Frozen extends AbstractMap<Object, Object> {
        private final Node[] table;
        private final int size;

        Frozen(Node[] table, int size) {
            this.table = table;
            this.size = size;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public Set<Entry<Object, Object>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public int size() {
                    return size;
                }

                @Override
                public Iterator<Entry<Object, Object>> iterator() {
                    return new Iterator<>() {
                        private int bucket;
                        private Node next = advance(null);

                        private Node advance(Node n) {
                            if (n != null && n.next != null) return n.next;
                            while (bucket < table.length) {
                                Node h = table[bucket++];
                                if (h != null) return h;
                            }
                            return null;
                        }

                        @Override
                        public boolean hasNext() {
                            return next != null;
                        }

                        @Override
                        public Entry<Object, Object> next() {
                            Node n = next;
                            if (n == null) throw new NoSuchElementException();
                            next = advance(n);
                            Object key = n.namespace == VoidNamespace.INSTANCE ? n.key : new NamespacedKey(n.key, n.namespace);
                            return new SimpleImmutableEntry<>(key, n.value);
                        }
                    };
                }
            };
        }
    }
}
