/**
 * A query's result as files and text: rows as JSON lines named by the query's columns, an updating result folded
 * into the table it leaves, and a changelog printed as Flink prints it.
 */
package io.runnel.sql.result;
