/**
 * State: keyed state handles (value, list, map, reducing, aggregating) scoped to the current key,
 * the descriptors that name and configure them, and time-to-live settings; operator (non-keyed)
 * state of a {@link io.runnel.api.state.CheckpointedFunction} (split and union lists) and
 * broadcast state, kept per parallel instance through an {@link io.runnel.api.state.OperatorStateStore}.
 */
package io.runnel.api.state;
