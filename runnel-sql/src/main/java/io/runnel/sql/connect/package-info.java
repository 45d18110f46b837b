/** Table connectors: what {@code 'connector' = '...'} names, found by service loading. */
package io.runnel.sql.connect;
