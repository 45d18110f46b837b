package io.runnel.connectors.datagen;

import java.io.Serializable;

/** Maps an index to a record; must be deterministic for replay after a restore to be exact. */
@FunctionalInterface
public interface GeneratorFunction<T> extends Serializable {
    T map(long index) throws Exception;
}
