package io.runnel.runtime.channel;

/** An in-band item between record batches; order with the records is kept. */
public sealed interface ControlItem permits ControlItem.Watermark, ControlItem.Idle, ControlItem.EndOfInput, ControlItem.Barrier {

    /** Event time has reached {@code timestamp} on this channel. */
    record Watermark(long timestamp) implements ControlItem {}

    /** The channel is idle (excluded from the watermark minimum) or active again. */
    record Idle(boolean idle) implements ControlItem {
        public static final Idle IDLE = new Idle(true);
        public static final Idle ACTIVE = new Idle(false);
    }

    /** The producer will send nothing more. */
    record EndOfInput() implements ControlItem {
        public static final EndOfInput INSTANCE = new EndOfInput();
    }

    /**
     * Checkpoint {@code checkpointId}: everything before belongs to it, everything after does not.
     * Barriers travel in a channel's priority lane, overtaking the records queued before them;
     * {@code position} is how many items the producer had sent on the channel's main lane when it
     * emitted the barrier, so the consumer knows the barrier's place in the stream (-1 before a
     * channel writer placed it).
     */
    record Barrier(long checkpointId, boolean savepoint, long position) implements ControlItem {
        public Barrier(long checkpointId, boolean savepoint) {
            this(checkpointId, savepoint, -1);
        }

        /** This barrier placed after {@code position} items of a channel's main lane. */
        public Barrier at(long position) {
            return new Barrier(checkpointId, savepoint, position);
        }
    }
}
