/**
 * Nexmark benchmark data: the event model ({@link io.runnel.connectors.nexmark.Event} holding a
 * {@link io.runnel.connectors.nexmark.Person}, {@link io.runnel.connectors.nexmark.Auction} or
 * {@link io.runnel.connectors.nexmark.Bid}), the deterministic generator that maps an event number to
 * its event ({@link io.runnel.connectors.nexmark.NexmarkGenerator}, rules in the Flink anchor's
 * GENERATOR.md), the stride split of event numbers over parallel subtasks
 * ({@link io.runnel.connectors.nexmark.StrideCursor}), the JSON-lines form of events
 * ({@link io.runnel.connectors.nexmark.EventJson}) and the query result rows with the exact JSON the
 * Flink anchor's oracle files use ({@link io.runnel.connectors.nexmark.JsonRow} and its implementations).
 *
 * <p>The generator and rows are plain Java; {@link io.runnel.connectors.nexmark.NexmarkSource} wraps the
 * generator as a Runnel source.
 */
package io.runnel.connectors.nexmark;
