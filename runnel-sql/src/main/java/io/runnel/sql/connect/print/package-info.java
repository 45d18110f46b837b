/** The {@code print} connector: a sink writing each row to standard output as Flink's print connector does. */
package io.runnel.sql.connect.print;
