/** The log benchmark: producer and consumer throughput and end-to-end latency through the Kafka protocol. */
package io.runnel.bench.log;
