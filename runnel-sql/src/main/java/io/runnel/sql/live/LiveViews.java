package io.runnel.sql.live;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.calcite.rel.type.RelDataType;

/**
 * The materialized views of one catalog, shared by the SQL environments of its jobs and by the sessions that query
 * them. Each view's table is also known process-wide by its id, so the view's sink writer, created from a copy of
 * the sink, finds it.
 */
public final class LiveViews {
    private static final Map<String, ViewTable> TABLES = new ConcurrentHashMap<>();
    private static final AtomicLong IDS = new AtomicLong();
    private final Map<String, LiveView> byName = new ConcurrentHashMap<>();
    private final AtomicLong version = new AtomicLong();

    /** Changes with every view created or dropped: plans made before are stale. */
    public long version() {
        return version.get();
    }

    /** A new view named {@code name}; its name must be new. */
    public LiveView create(String name, RelDataType rowType, int[] key) {
        LiveView view = new LiveView("view-" + IDS.incrementAndGet(), name, rowType, key);
        if (byName.putIfAbsent(name, view) != null) {
            throw new IllegalArgumentException("a materialized view named " + name + " exists already");
        }
        TABLES.put(view.id(), view.table());
        version.incrementAndGet();
        return view;
    }

    /** The view named {@code name} (as written), or null. */
    public LiveView get(String name) {
        return byName.get(name);
    }

    /** The views by name, in no order. */
    public List<LiveView> all() {
        return List.copyOf(byName.values());
    }

    /** Forgets the view; its job, if it runs only this view, is the caller's to cancel. */
    public LiveView remove(String name) {
        LiveView v = byName.remove(name);
        if (v != null) {
            TABLES.remove(v.id());
            version.incrementAndGet();
        }
        return v;
    }

    static ViewTable table(String id) {
        ViewTable t = TABLES.get(id);
        if (t == null) {
            throw new IllegalStateException("materialized view " + id + " was dropped");
        }
        return t;
    }
}
