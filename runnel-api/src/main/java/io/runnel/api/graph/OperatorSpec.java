package io.runnel.api.graph;

import java.io.Serializable;

/**
 * Describes what an operator computes (its kind and user functions), not how it runs: the
 * runtime picks the implementation for each spec.
 */
public interface OperatorSpec extends Serializable {}
