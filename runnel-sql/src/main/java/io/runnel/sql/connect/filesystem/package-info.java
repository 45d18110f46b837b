/**
 * {@code 'connector' = 'filesystem'}: a table over a file or a folder of files, one record per line in the table's
 * format, read as a bounded input and written exactly once through the two-phase-commit file sink.
 */
package io.runnel.sql.connect.filesystem;
