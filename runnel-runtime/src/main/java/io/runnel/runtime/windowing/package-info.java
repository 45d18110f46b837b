/**
 * Window operators. {@link io.runnel.runtime.windowing.SlicingWindowOperator} handles aligned
 * event-time windows (tumbling, sliding) with the default trigger: each element is folded once
 * into a slice and windows combine slices. {@link io.runnel.runtime.windowing.WindowOperator}
 * handles everything else: sessions, global and count windows, custom triggers, evictors,
 * processing time.
 */
package io.runnel.runtime.windowing;
