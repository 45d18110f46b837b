/**
 * CLI commands for the Kafka-protocol broker: {@code runnel broker} serves it;
 * {@code runnel topic}, {@code runnel produce} and {@code runnel consume} are small clients built on
 * the official kafka-clients Admin, Producer and Consumer, so they work against any Kafka broker.
 */
package io.runnel.cli.broker;
