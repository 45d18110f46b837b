/** The {@code blackhole} connector: a sink that takes every row, changes too, and keeps none (benchmarks). */
package io.runnel.sql.connect.blackhole;
