/**
 * Windows: what a window is (time or global), assigners (tumbling, sliding, session, global),
 * triggers, evictors and window functions.
 */
package io.runnel.api.windowing;
