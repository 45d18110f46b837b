package io.runnel.api.connector;

/** Whether a source ends. */
public enum Boundedness { BOUNDED, CONTINUOUS_UNBOUNDED }
