/**
 * Operator (non-keyed) state: lists and broadcast maps that belong to a parallel instance rather
 * than to a key. Small by contract, so a checkpoint copies them on the task's thread (element
 * references only) and a restore redistributes whole elements over the new instances.
 */
package io.runnel.runtime.state.operator;
