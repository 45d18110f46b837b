/**
 * How records travel between tasks: batches of records and in-band control items (watermark,
 * idle status, end of input) on bounded single-producer single-consumer queues. A full queue
 * stops the producer: that is backpressure.
 */
package io.runnel.runtime.channel;
