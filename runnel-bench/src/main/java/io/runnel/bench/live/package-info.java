/** Benchmarks of materialized views served over the PostgreSQL endpoint: ad-hoc lookups under an update load. */
package io.runnel.bench.live;
