/**
 * Event time: timestamp assigners, watermark generators and the strategies that combine them
 * (bounded out-of-orderness, monotonous, custom, with idleness).
 */
package io.runnel.api.time;
