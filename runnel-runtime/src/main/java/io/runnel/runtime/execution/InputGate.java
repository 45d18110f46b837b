package io.runnel.runtime.execution;

import io.runnel.runtime.channel.Channel;

/**
 * The consumer side of a task's input channels: which input each feeds, each channel's watermark,
 * idle and finished status, and the task's combined watermark (minimum over channels that are
 * neither idle nor finished).
 */
final class InputGate {
    final Channel[] channels;
    final int[] inputOf;
    /** Each channel's index among the head's input edges (for in-flight data of unaligned checkpoints). */
    int[] edgeOf;
    private final long[] watermarks;
    private final boolean[] idle;
    private final boolean[] finished;
    private int finishedCount;
    private long combined = Long.MIN_VALUE;
    private boolean allIdle;

    InputGate(Channel[] channels, int[] inputOf) {
        this.channels = channels;
        this.inputOf = inputOf;
        this.edgeOf = new int[channels.length];
        this.watermarks = new long[channels.length];
        this.idle = new boolean[channels.length];
        this.finished = new boolean[channels.length];
        java.util.Arrays.fill(watermarks, Long.MIN_VALUE);
    }

    /** Returns the new combined watermark if it advanced, else {@link Long#MIN_VALUE}. */
    long onWatermark(int channel, long watermark) {
        if (watermark > watermarks[channel]) watermarks[channel] = watermark;
        return recompute();
    }

    /** Marks the channel idle or active; returns the new combined watermark if it advanced. */
    long onIdle(int channel, boolean isIdle) {
        idle[channel] = isIdle;
        return recompute();
    }

    long onFinished(int channel) {
        if (!finished[channel]) {
            finished[channel] = true;
            finishedCount++;
        }
        return recompute();
    }

    boolean isFinished(int channel) {
        return finished[channel];
    }

    /** The combined watermark starts at {@code watermark} (restored), so it only advances past it. */
    void startAt(long watermark) {
        combined = watermark;
    }

    boolean allFinished() {
        return finishedCount == channels.length;
    }

    /** True when every channel still open is idle. */
    boolean allIdle() {
        return allIdle;
    }

    private long recompute() {
        long min = Long.MAX_VALUE;
        boolean active = false;
        for (int i = 0; i < channels.length; i++) {
            if (finished[i] || idle[i]) continue;
            active = true;
            if (watermarks[i] < min) min = watermarks[i];
        }
        allIdle = !active && finishedCount < channels.length;
        if (!active) return Long.MIN_VALUE;
        if (min > combined) {
            combined = min;
            return min;
        }
        return Long.MIN_VALUE;
    }
}
