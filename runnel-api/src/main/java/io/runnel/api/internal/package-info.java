/** Helpers the stream API builds on (key and function adapters); not for jobs to use directly. */
package io.runnel.api.internal;
