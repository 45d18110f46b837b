/**
 * Text-line files. {@link io.runnel.connectors.file.FileSource} reads a file or a folder, one
 * split per file with a byte position and line number, skipping hidden names;
 * {@link io.runnel.connectors.file.FileSink} writes part files exactly once by two-phase commit:
 * in progress and pending parts are hidden (leading {@code .}), and a part is renamed to its
 * visible name only when its checkpoint completes. Both speak plain lines or JSON lines
 * (Jackson), always UTF-8.
 */
package io.runnel.connectors.file;
