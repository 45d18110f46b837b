/** Tables, views and functions as DDL declares them, and the catalog that resolves names to them. */
package io.runnel.sql.catalog;
