/**
 * Programs that run against the broker with an older official client: compiled with the
 * kafka-clients 4.4 API the module depends on, but loaded child-first beside the 3.9 jar
 * ({@code io.runnel.broker.ChildFirstClassLoader}), so at run time every Kafka class they touch
 * is 3.9's. Nothing else may live in this package: all of it is loaded in isolation.
 */
package io.runnel.broker.compat;
