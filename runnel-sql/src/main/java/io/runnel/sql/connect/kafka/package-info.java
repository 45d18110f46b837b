/**
 * {@code 'connector' = 'kafka'} and {@code 'upsert-kafka'}: tables over Kafka topics (the embedded log or any Kafka
 * cluster), with Flink's options: key and value formats, key fields, metadata columns, startup and bounded modes, and
 * at-least-once or exactly-once (transactional) sinks. Upsert tables read as a changelog normalized per primary key
 * and write deletes as tombstones.
 */
package io.runnel.sql.connect.kafka;
