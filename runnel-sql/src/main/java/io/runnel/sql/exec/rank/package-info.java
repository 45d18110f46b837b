/** Top-N operators of SQL plans: ROW_NUMBER() OVER (PARTITION BY ... ORDER BY ...) bounded by a filter, and deduplication. */
package io.runnel.sql.exec.rank;
