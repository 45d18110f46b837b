/**
 * Text-line files. {@link io.runnel.connectors.file.FileSource} reads a file or a folder, one
 * split per file with a byte position and line number; {@link io.runnel.connectors.file.FileSink}
 * writes one part file per subtask, hidden (leading {@code .}) until it is complete. Both speak
 * plain lines or JSON lines (Jackson), always UTF-8.
 */
package io.runnel.connectors.file;
