package io.runnel.runtime.channel;

/** Picks the consumer channel of a record; {@link #ALL} means every channel. */
public interface Partitioner {
    int ALL = -1;

    int select(Object record, int channels) throws Exception;
}
