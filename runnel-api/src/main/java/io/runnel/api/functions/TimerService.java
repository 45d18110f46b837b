package io.runnel.api.functions;

/**
 * Timers of the current key. Registering the same time twice fires once. Event-time timers fire
 * when the watermark reaches their time, processing-time timers when the clock does; both fire
 * in time order.
 */
public interface TimerService {
    long currentProcessingTime();

    long currentWatermark();

    void registerEventTimeTimer(long time);

    void registerProcessingTimeTimer(long time);

    void deleteEventTimeTimer(long time);

    void deleteProcessingTimeTimer(long time);
}
