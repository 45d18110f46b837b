/**
 * Consumer groups with the classic protocol (JoinGroup, SyncGroup, Heartbeat, LeaveGroup): the
 * {@link io.runnel.broker.group.GroupCoordinator} state machine, and committed offsets kept durably
 * in the internal {@code __consumer_offsets} topic by {@link io.runnel.broker.group.OffsetStore}.
 * The request handlers for the group APIs live here too.
 */
package io.runnel.broker.group;
