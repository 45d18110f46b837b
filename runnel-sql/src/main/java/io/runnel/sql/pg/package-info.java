/**
 * A PostgreSQL wire-protocol endpoint (protocol 3.0, simple and extended query flows, as documented in PostgreSQL's
 * "Frontend/Backend Protocol" chapter): psql, the PostgreSQL JDBC driver and other clients run ad-hoc SELECTs over
 * materialized views and issue the SQL dialect's DDL, SET and INSERT statements, which start jobs in the process.
 */
package io.runnel.sql.pg;
