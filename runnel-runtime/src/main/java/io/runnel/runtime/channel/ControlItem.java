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

    /** Checkpoint {@code checkpointId}: everything before belongs to it, everything after does not. */
    record Barrier(long checkpointId, boolean savepoint) implements ControlItem {}
}
