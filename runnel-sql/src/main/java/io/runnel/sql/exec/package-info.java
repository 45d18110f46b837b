/** The runtime functions a translated SQL plan runs: compiled calcs, row timestamps, group keys, aggregates. */
package io.runnel.sql.exec;
