/**
 * The user functions a job is built from: map, filter, flatMap, key selectors, reduce and
 * aggregate, process functions with timers and state, join functions, and the collector they
 * emit through. Every function is {@link java.io.Serializable} so a job graph can be shipped.
 */
package io.runnel.api.functions;
