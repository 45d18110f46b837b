package io.runnel.sql.frame;

import java.time.Duration;

/** The event-time column of a frame and how far its watermark lags the largest time seen (Spark's delay threshold). */
record Watermark(String column, Duration delay) {}
