package io.runnel.sql.catalog;

import org.apache.calcite.sql.SqlNode;

/** {@code WATERMARK FOR rowtimeColumn AS expression}: the column becomes the table's event-time attribute. */
public record WatermarkDef(String rowtimeColumn, SqlNode expression) {}
