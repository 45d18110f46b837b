package io.runnel.sql.live;

/**
 * One row of a view and how many times it stands (a view without a key is a multiset). Immutable: a snapshot may
 * share it with the table that goes on changing.
 */
record ViewRow(Object[] fields, long count) {}
