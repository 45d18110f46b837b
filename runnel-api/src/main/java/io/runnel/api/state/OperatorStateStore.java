package io.runnel.api.state;

/**
 * The operator (non-keyed) state of one parallel instance, by name. Lists of operator state are
 * small by contract: a checkpoint copies each list's element references on the task's thread,
 * and the elements are then serialized (Java serialization) off it, so elements must be
 * {@link java.io.Serializable} and must not be changed in place after being added.
 *
 * <p>On a restore with another parallelism, a {@linkplain #getListState split list} is the union
 * of every earlier instance's elements divided evenly over the new instances (with the same
 * parallelism each instance gets its own list back); a {@linkplain #getUnionListState union list}
 * gives every new instance all elements of all earlier instances; broadcast state gives every new
 * instance the copy of earlier instance 0 (all copies are equal by contract).
 */
public interface OperatorStateStore {
    /** A list redistributed evenly on rescale. */
    <S> ListState<S> getListState(ListStateDescriptor<S> descriptor);

    /** A list of which every instance gets all elements on restore. */
    <S> ListState<S> getUnionListState(ListStateDescriptor<S> descriptor);

    /** A map kept equal on every instance by the function (updated from broadcast input). */
    <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor);
}
