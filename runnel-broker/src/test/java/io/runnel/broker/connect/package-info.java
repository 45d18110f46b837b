/** A tiny source connector the Connect test runs in a distributed worker against the broker. */
package io.runnel.broker.connect;
