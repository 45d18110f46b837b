package io.runnel.sql.live;

/** A column of an ad-hoc query's result: its name and JDBC type ({@link java.sql.Types}), with precision and scale. */
public record AdHocColumn(String name, int jdbcType, int precision, int scale) {}
