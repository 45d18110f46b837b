package io.runnel.sql.live;

import java.util.List;

/**
 * Where an ad-hoc query's result goes, row by row, so a large result streams instead of piling up. Values are plain
 * Java: Boolean, Byte, Short, Integer, Long, Float, Double, BigDecimal, String, byte[], LocalDate, LocalTime,
 * LocalDateTime (TIMESTAMP, in UTC), Instant (TIMESTAMP WITH LOCAL TIME ZONE), and a String for anything nested.
 */
public interface AdHocRows {
    /** Called once, before the first row. */
    void columns(List<AdHocColumn> columns) throws Exception;

    /** Called per row; returning false stops the query (a client's row limit). */
    boolean row(Object[] values) throws Exception;
}
