package io.runnel.sql.planner;

import io.runnel.api.DataStream;
import io.runnel.sql.data.Row;

/** A translated subtree: its stream and the index of its event-time attribute (-1: none). */
record Translated(DataStream<Row> stream, int rowtime) {}
