/**
 * Running a plan: tasks (a source or an input gate, then a chain of operators, then channel
 * writers) as cooperative tasklets on a fixed pool of worker threads, each call doing a bounded
 * slice of work; the job client that watches them.
 */
package io.runnel.runtime.execution;
