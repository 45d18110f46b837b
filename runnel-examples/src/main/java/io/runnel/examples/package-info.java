/**
 * Small jobs that double as documentation: {@link io.runnel.examples.WordCount} and
 * {@link io.runnel.examples.StreamingStats}. Each has a {@code main} and a static method that
 * builds its pipeline on a given stream, which the tests run on small inputs. See
 * {@code docs/examples.md}.
 */
package io.runnel.examples;
