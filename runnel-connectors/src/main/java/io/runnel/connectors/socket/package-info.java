/**
 * Lines of text from a TCP socket: {@link io.runnel.connectors.socket.SocketTextSource}. A
 * socket cannot be rewound, so this source is for demos and tests, not for exactly-once jobs.
 */
package io.runnel.connectors.socket;
