/**
 * A source of generated records: {@link io.runnel.connectors.datagen.DataGeneratorSource} maps
 * each index of a (possibly unbounded) range through a function, optionally rate limited. Its
 * splits record the next index, so a restored job generates each index exactly once.
 */
package io.runnel.connectors.datagen;
