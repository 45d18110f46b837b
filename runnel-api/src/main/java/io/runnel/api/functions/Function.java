package io.runnel.api.functions;

import java.io.Serializable;

/** Marker for every user function: serializable, so a job graph can be shipped to a worker. */
public interface Function extends Serializable {}
