/**
 * {@code 'connector' = 'datagen'}: rows made up from the table's column types, as Flink's datagen
 * connector makes them — random values within per-column bounds, or sequences that end the table.
 * Each row is a pure function of its row number, so a restored job re-emits exactly the rows it
 * would have, at any parallelism.
 */
package io.runnel.sql.connect.datagen;
