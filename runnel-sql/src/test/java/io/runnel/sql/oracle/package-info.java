/** Test support: Calcite's own batch executor over finite rows, the oracle streaming results are checked against. */
package io.runnel.sql.oracle;
