/**
 * The stream API: {@link io.runnel.api.StreamEnvironment} creates streams, {@link
 * io.runnel.api.DataStream} and its keyed, windowed, connected and joined forms transform them,
 * and {@code execute()} runs the job on the runtime found on the class path.
 */
package io.runnel.api;
