package io.runnel.sql.exec;

import java.io.Externalizable;
import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.math.BigDecimal;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.Union;

/**
 * APPROX_COUNT_DISTINCT's accumulator: a DataSketches HLL sketch (2^12 buckets, about 1.6% error; exact while the
 * distinct values are few), written in its compact form when the accumulator is serialized.
 */
public final class HllAccumulator implements Externalizable {
    private static final long serialVersionUID = 1L;
    private static final int LG_K = 12;
    private HllSketch sketch;

    /** For deserialization. */
    public HllAccumulator() {}

    private HllAccumulator(HllSketch sketch) {
        this.sketch = sketch;
    }

    /** Adds {@code value} to {@code acc} (null: a new sketch) and returns it. */
    static HllAccumulator add(Object acc, Object value) {
        HllAccumulator h = acc == null ? new HllAccumulator(new HllSketch(LG_K)) : (HllAccumulator) acc;
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            h.sketch.update(((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            h.sketch.update(((Number) value).doubleValue());
        } else if (value instanceof byte[] b) {
            h.sketch.update(b);
        } else if (value instanceof BigDecimal d) {
            h.sketch.update(d.stripTrailingZeros().toPlainString());
        } else {
            h.sketch.update(String.valueOf(value));
        }
        return h;
    }

    /** A copy whose sketch can be updated without changing this one's (for state copies). */
    HllAccumulator copy() {
        return new HllAccumulator(sketch.copy());
    }

    /** The union of {@code a} and {@code b} (either may be null); {@code b} is not changed. */
    static HllAccumulator merge(Object a, Object b) {
        if (b == null) {
            return (HllAccumulator) a;
        }
        HllSketch other = ((HllAccumulator) b).sketch;
        if (a == null) {
            return new HllAccumulator(other.copy());
        }
        Union union = new Union(LG_K);
        union.update(((HllAccumulator) a).sketch);
        union.update(other);
        return new HllAccumulator(union.getResult());
    }

    static long estimate(Object acc) {
        return acc == null ? 0L : Math.round(((HllAccumulator) acc).sketch.getEstimate());
    }

    @Override
    public void writeExternal(ObjectOutput out) throws IOException {
        byte[] bytes = sketch.toCompactByteArray();
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    @Override
    public void readExternal(ObjectInput in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        sketch = HllSketch.heapify(bytes);
    }
}
