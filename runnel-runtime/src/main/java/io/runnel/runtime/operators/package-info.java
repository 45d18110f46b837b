/**
 * Physical operators and how they connect: the {@link io.runnel.runtime.operators.Output} an
 * operator emits through, chaining (a plain method call into the next operator), routing of side
 * outputs, keyed operators with timers, and one operator per kind of user function.
 */
package io.runnel.runtime.operators;
