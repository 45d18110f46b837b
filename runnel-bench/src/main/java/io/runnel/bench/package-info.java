/** Benchmarks: Nexmark queries on the DataStream API and the harness that times them. */
package io.runnel.bench;
