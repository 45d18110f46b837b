/**
 * The {@code nexmark} connector: Nexmark's {@code person}, {@code auction} and {@code bid} tables over the generator
 * of the DataStream benchmark, with the columns and {@code dateTime} watermark of the Flink SQL anchor.
 */
package io.runnel.sql.connect.nexmark;
