/**
 * Keyed state: handles (value, list, map, reducing, aggregating) scoped to the current key, the
 * descriptors that name and configure them, and time-to-live settings.
 */
package io.runnel.api.state;
