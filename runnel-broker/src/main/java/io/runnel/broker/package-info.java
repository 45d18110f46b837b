/**
 * The Kafka-protocol broker over {@code runnel-log}: a Netty server ({@link io.runnel.broker.BrokerServer})
 * that frames requests, decodes them with kafka-clients' own request classes and dispatches them
 * ({@link io.runnel.broker.KafkaApis}) to one handler per API family. {@link io.runnel.broker.RunnelBroker}
 * starts it embedded; {@link io.runnel.broker.BrokerMain} runs it as a process.
 *
 * <p>Sub-packages: {@code group} holds the classic consumer-group coordinator and the durable
 * committed-offset store.
 */
package io.runnel.broker;
