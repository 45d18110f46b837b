/**
 * The {@code 'format'} of a table: how a row is read from and written to the bytes of a message or
 * the text of a line. {@link io.runnel.sql.format.Formats} builds a {@link io.runnel.sql.format.RowDecoder}
 * or {@link io.runnel.sql.format.RowEncoder} for {@code json}, {@code csv}, {@code raw} and
 * {@code debezium-json} from the table's options and row type, checking the options; connectors
 * (filesystem, kafka, upsert-kafka) use them and add where a bad message was found.
 */
package io.runnel.sql.format;
