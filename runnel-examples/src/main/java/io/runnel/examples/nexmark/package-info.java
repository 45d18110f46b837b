/** Example: a Nexmark query (hot items) written directly against the stream API. */
package io.runnel.examples.nexmark;
