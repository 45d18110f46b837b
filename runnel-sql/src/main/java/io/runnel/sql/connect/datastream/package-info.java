/** The {@code datastream} connector behind {@code SqlEnvironment.fromDataStream}: a stream of the same job read as a table. */
package io.runnel.sql.connect.datastream;
