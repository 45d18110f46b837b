package io.runnel.runtime.operators;

/** The processing-time clock; tests drive a manual one. */
@FunctionalInterface
public interface ProcessingClock {
    ProcessingClock SYSTEM = System::currentTimeMillis;

    long now();
}
