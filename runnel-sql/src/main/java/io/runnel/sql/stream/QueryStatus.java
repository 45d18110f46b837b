package io.runnel.sql.stream;

/** What a query is doing, as Spark's {@code StreamingQueryStatus}: a message, whether input is coming, whether a trigger is being written. */
public record QueryStatus(String message, boolean isDataAvailable, boolean isTriggerActive) {}
